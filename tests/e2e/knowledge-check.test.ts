/**
 * Knowledge checks that teach: a first wrong try gives the feedback for what was chosen and a hint,
 * the answers come after the second try or on request; reflections can be found in My learning.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Question } from '../../src/content/schema';
import { browserForSuite } from './browser';
import { answer, shippedCourse } from './support';

const course = shippedCourse('avoin-hallinto');
function findCheck(type: Question['type'], skip = 0) {
  let seen = 0;
  for (const m of course.modules)
    for (const p of m.pages)
      for (const b of p.blocks)
        if (b.type === 'quiz')
          for (const id of b.questions) if (course.questions[id]!.type === type && seen++ === skip) return { m, p, q: course.questions[id]! };
  throw new Error(`no ${type} check`);
}
const scopeOf = (q: Question) => `#check-${q.id}-prompt >> xpath=ancestor::section[contains(@class,"check")]`;
const plain = (html: string) => html.replace(/<[^>]+>/g, '').trim();

describe('knowledge checks that teach', () => {
  const suite = browserForSuite();

  it('keeps the answers back after a first wrong try, shows them after the second', async () => {
    const { page } = suite.current;
    const { m, p, q } = findCheck('single');
    if (q.type !== 'single') throw new Error('single expected');
    await page.goto(`${inject('siteUrl')}#/course/${course.id}/${m.id}/${p.id}`);
    const box = page.locator(scopeOf(q));
    await answer(page, scopeOf(q), q, false);
    await box.getByRole('button', { name: 'Tarkista vastaus' }).click();
    await expect.poll(() => box.locator('.verdict').textContent()).toContain('Ei aivan oikein.');
    const wrong = q.options.find((o) => !o.correct)!;
    const right = q.options.find((o) => o.correct)!;
    // What was chosen, with its feedback, and a hint; not the right option, not the explanation.
    expect(await box.locator('.option-feedback li').count()).toBe(1);
    expect(await box.locator('.option-feedback').textContent()).toContain(plain(wrong.html));
    expect(await box.locator('.hint').textContent()).toContain(`Jäljellä on ${q.options.length - 1} vaihtoehto`);
    expect(await box.locator('.explanation').count()).toBe(0);
    expect(await box.locator('.option-feedback').textContent()).not.toContain('oikea vastaus –');
    // The chosen option keeps full contrast and says it was wrong.
    const chosenLabel = box.locator('label.is-chosen');
    expect(await chosenLabel.textContent()).toContain('(valintasi, väärin)');
    expect(await chosenLabel.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');

    // The answers stay hidden after a reload too: it is still the first try.
    await page.reload();
    await expect.poll(() => box.locator('.hint').count()).toBe(1);

    await box.getByRole('button', { name: 'Yritä uudelleen' }).click();
    await answer(page, scopeOf(q), q, false);
    await box.getByRole('button', { name: 'Tarkista vastaus' }).click();
    await expect.poll(() => box.locator('.explanation').count()).toBe(1);
    expect(await box.locator('.hint').count()).toBe(0);
    const rightItem = box.locator('.option-feedback li.is-correct');
    expect(await rightItem.textContent()).toContain('Et valinnut tätä – se on oikea vastaus');
    // The option's own verdict ("Oikein.") is not said about an option the learner did not choose.
    const rightFeedback = (await rightItem.locator('div').first().textContent())!.trim();
    expect(rightFeedback).not.toMatch(/^Oikein\b/);
    expect(plain(right.feedback)).toContain(rightFeedback.slice(0, 30));
  });

  it('shows the answer on request after one wrong try', async () => {
    const { page } = suite.current;
    const { m, p, q } = findCheck('multiple');
    await page.goto(`${inject('siteUrl')}#/course/${course.id}/${m.id}/${p.id}`);
    const box = page.locator(scopeOf(q));
    await answer(page, scopeOf(q), q, false);
    await box.getByRole('button', { name: 'Tarkista vastaus' }).click();
    await expect.poll(() => box.locator('.hint').textContent()).toMatch(/Oikeita vaihtoehtoja on \d/);
    await box.getByRole('button', { name: 'Näytä oikea vastaus' }).click();
    await expect.poll(() => box.locator('.explanation').count()).toBe(1);
    expect(await box.getByRole('button', { name: 'Näytä oikea vastaus' }).count()).toBe(0);
  });

  it('a right first answer shows everything at once', async () => {
    const { page } = suite.current;
    const { m, p, q } = findCheck('single', 1);
    await page.goto(`${inject('siteUrl')}#/course/${course.id}/${m.id}/${p.id}`);
    const box = page.locator(scopeOf(q));
    await answer(page, scopeOf(q), q, true);
    await box.getByRole('button', { name: 'Tarkista vastaus' }).click();
    await expect.poll(() => box.locator('.explanation').count()).toBe(1);
    expect(await box.locator('label.is-chosen').textContent()).toContain('(valintasi, oikein)');
  });

  it('keeps an answer not yet checked over a reload (applying a new version, say), and lets it go once checked', async () => {
    const { page } = suite.current;
    const { m, p, q } = findCheck('multiple', 1); // one no other test here answers
    if (q.type !== 'multiple') throw new Error('multiple expected');
    await page.goto(`${inject('siteUrl')}#/course/${course.id}/${m.id}/${p.id}`);
    const box = page.locator(scopeOf(q));
    await answer(page, scopeOf(q), q, true);
    const chosen = q.options.filter((o) => o.correct).map((o) => o.id);
    const checkedIds = () => box.locator('input:checked').evaluateAll((inputs) => inputs.map((i) => i.id));
    expect((await checkedIds()).length).toBe(chosen.length);

    await page.reload();
    await expect.poll(() => checkedIds().then((ids) => ids.map((id) => id.slice(id.lastIndexOf('-') + 1)).sort())).toEqual([...chosen].sort());
    expect(await box.locator('.verdict').count()).toBe(0); // still not checked
    await box.getByRole('button', { name: 'Tarkista vastaus' }).click();
    await expect.poll(() => box.locator('.verdict').textContent()).toBe('✓ Oikein!');
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('kohtaamo.draft.')))).toEqual([]);
  });

  it('keeps a reflection findable in My learning under "Pohdintasi"', async () => {
    const { page } = suite.current;
    const { m, p, q } = findCheck('reflection');
    await page.goto(`${inject('siteUrl')}#/course/${course.id}/${m.id}/${p.id}`);
    const box = page.locator(scopeOf(q));
    expect(await box.locator('.reflection .small').textContent()).toContain('tallentuu tähän selaimeen');
    await box.locator('textarea').fill('Vastaan tietopyyntöihin jatkossa samana päivänä.');
    await box.getByRole('button', { name: 'Tallenna vastaus' }).click();
    await expect.poll(() => box.locator('.verdict').textContent()).toContain('tallennettu');
    await page.goto(`${inject('siteUrl')}#/my`);
    const list = page.locator('.reflection-list');
    await expect.poll(() => list.textContent()).toContain('Vastaan tietopyyntöihin jatkossa samana päivänä.');
    expect(await page.getByRole('heading', { name: 'Pohdintasi' }).count()).toBe(1);
    await expect.poll(() => list.textContent()).toContain(plain(q.prompt).slice(0, 30));
    await list.getByRole('link', { name: `Avaa sivu: ${p.title}` }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(p.title);
  });
});
