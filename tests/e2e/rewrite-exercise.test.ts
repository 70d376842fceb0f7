/**
 * The rewrite exercise as a learner meets it: rewrite, check (the checker's hints in place),
 * save and see the model answer, reload and find the text kept; axe-clean and usable at 320 px.
 */
import { describe, expect, inject, it } from 'vitest';
import { browserForSuite } from './browser';
import { expectNoAxeViolations, sidewaysOverflow } from './axe';
import { shippedCourse } from './support';

const course = shippedCourse('selkea-kieli');
const qid = 'q-rw-paatoskirje';
const where = course.modules.flatMap((m) => m.pages.map((p) => ({ m, p }))).find(({ p }) => p.blocks.some((b) => b.type === 'quiz' && b.questions.includes(qid)))!;
const scope = `#check-${qid}-prompt >> xpath=ancestor::section[contains(@class,"check")]`;
// Clearer, but one agentless passive is left in: the checker should point at it.
const mine = 'Hakemuksesi on käsitelty. Emme voi myöntää tukea, koska emme saaneet liitteitä ajoissa.';

describe('the rewrite exercise', () => {
  const suite = browserForSuite();

  it('checks the learner’s version, shows the model answer and keeps the text over a reload', async () => {
    const { page } = suite.current;
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${inject('siteUrl')}#/course/${course.id}/${where.m.id}/${where.p.id}`);
    const box = page.locator(scope);
    const area = box.getByLabel('Sinun versiosi');
    // The text area starts with the original, so the learner edits it.
    await expect.poll(() => area.inputValue()).toMatch(/^Hakemuksenne on käsitelty/);

    // Saving the untouched original asks for a rewrite first.
    await box.getByRole('button', { name: 'Tallenna ja näytä mallivastaus' }).click();
    await expect.poll(() => box.locator('.field-error').textContent()).toContain('Muokkaa tekstiä ensin');

    await area.fill(mine);
    await box.getByRole('button', { name: 'Tarkista tekstini' }).click();
    const hints = box.locator('.rewrite-hints');
    await expect.poll(() => hints.locator('.checker-hints li').count()).toBeGreaterThan(0);
    expect(await hints.locator('.checker-hints').textContent()).toContain('on käsitelty');
    expect(await hints.locator('mark').first().textContent()).toBe('on käsitelty');
    await expect.poll(() => page.locator('#live-region').textContent()).toMatch(/Tarkistettu: \d+ vihje/);

    await box.getByRole('button', { name: 'Tallenna ja näytä mallivastaus' }).click();
    const model = box.locator('.rewrite-model');
    await expect.poll(() => model.count()).toBe(1);
    expect(await model.locator('ins').first().textContent()).toContain('lisätty');
    expect(await model.locator('del').first().textContent()).toContain('poistettu');
    expect(await model.textContent()).toContain('Olemme käsitelleet hakemuksesi');
    expect(await model.locator('li').count()).toBe(3); // what changed
    expect(await box.locator('.verdict').textContent()).not.toMatch(/[✓✗]/); // not scored
    expect(await sidewaysOverflow(page)).toEqual([]);
    await expectNoAxeViolations(page, 'rewrite exercise with hints and model answer');

    await page.reload();
    await expect.poll(() => box.getByLabel('Sinun versiosi').inputValue()).toBe(mine);
    expect(await box.locator('.rewrite-model').count()).toBe(1);
    // "Edit" brings the learner's own text back for another round.
    await box.getByRole('button', { name: 'Muokkaa' }).click();
    expect(await box.getByLabel('Sinun versiosi').inputValue()).toBe(mine);
  });
});
