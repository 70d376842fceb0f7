/**
 * Keyboard only: a whole course with its final test, and a game to an ending, with Tab, arrows,
 * Space and Enter. The page counts pointer events; there must be none.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, removeProfile, type Browser } from './browser';
import { shippedCourse } from './support';
import type { Question } from '../../src/content/schema';

const course = shippedCourse('avoin-hallinto');
const steps = course.modules.flatMap((m) => m.pages);

/** Presses Tab until the focused element matches `selector` (and optionally `text`). */
async function tabTo(page: Page, selector: string, text?: RegExp, limit = 400) {
  for (let i = 0; i < limit; i++) {
    const hit = await page.evaluate(
      ([sel, source]) => {
        const el = document.activeElement as HTMLElement | null;
        return Boolean(el && el.matches(sel) && (!source || new RegExp(source).test(el.textContent ?? el.getAttribute('aria-label') ?? '')));
      },
      [selector, text?.source ?? ''] as const,
    );
    if (hit) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector} ${text ?? ''}`);
}

/** After a view change focus lands on the new heading; wait for it before tabbing on. */
async function focusOnHeading(page: Page) {
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
}

async function answerByKeyboard(page: Page, scope: string, q: Question) {
  const inScope = (sel: string) => `${scope} ${sel}`;
  switch (q.type) {
    case 'single':
    case 'truefalse': {
      const target = q.type === 'truefalse' ? (q.answer ? 0 : 1) : q.options.findIndex((o) => o.correct);
      await tabTo(page, inScope('input[type="radio"]'));
      // Arrow keys move through the group and select; Space selects the first.
      await page.keyboard.press('Space');
      for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
      return;
    }
    case 'multiple':
      for (const o of q.options.filter((x) => x.correct)) {
        await tabTo(page, inScope(`input[id$="-${o.id}"]`));
        await page.keyboard.press('Space');
      }
      return;
    case 'ordering':
      for (let target = 0; target < q.items.length; target++) {
        const id = q.items[target]!.id;
        for (;;) {
          const order = await page.locator(inScope('.ordering li')).evaluateAll((lis) =>
            lis.map((li) => li.querySelector('button')?.getAttribute('data-focus')?.replace(/-(up|down)$/, '') ?? ''),
          );
          if (order.indexOf(id) <= target) break;
          await tabTo(page, inScope(`button[data-focus="${id}-up"]`));
          await page.keyboard.press('Enter');
          await expect.poll(async () =>
            (await page.locator(inScope('.ordering li')).evaluateAll((lis) => lis.map((li) => li.querySelector('button')?.getAttribute('data-focus')?.replace(/-(up|down)$/, '') ?? ''))).indexOf(id),
          ).toBe(order.indexOf(id) - 1);
        }
      }
      return;
    case 'matching':
      for (const pair of q.pairs) {
        await tabTo(page, inScope(`select[id$="-${pair.id}"]`));
        // The first entry is "choose…"; option n+1 is right number n.
        for (let i = 0; i <= pair.right; i++) await page.keyboard.press('ArrowDown');
      }
      return;
    case 'reflection':
      await tabTo(page, inScope('textarea'));
      await page.keyboard.type('Kirjoitan päätökset selkeämmin.');
      return;
  }
}

describe('keyboard only', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    await browser.context.addInitScript(() => {
      const w = window as unknown as { pointerEvents: number };
      w.pointerEvents = 0;
      for (const type of ['mousedown', 'pointerdown', 'mouseup', 'pointerup']) addEventListener(type, () => w.pointerEvents++, true);
    });
  });
  afterAll(async () => {
    await browser.close();
    removeProfile(browser.profile);
  });

  it('completes a course with its final test, and gets the certificate', async () => {
    const { page } = browser;
    await page.goto(inject('siteUrl'));
    await expect.poll(() => page.locator('.card').count()).toBeGreaterThan(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await tabTo(page, `a.button[aria-describedby="card-${course.id}"]`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe(course.title);
    await focusOnHeading(page);
    await tabTo(page, 'a.button', /Aloita kurssi/);
    await page.keyboard.press('Enter');
    for (const [i, p] of steps.entries()) {
      await expect.poll(() => page.locator('h1').textContent()).toBe(p.title);
      await focusOnHeading(page);
      await tabTo(page, 'a.button', i < steps.length - 1 ? /Seuraava/ : /Siirry lopputestiin/);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.locator('h1').textContent()).toBe('Lopputesti');
    await focusOnHeading(page);
    await tabTo(page, 'button', /Aloita lopputesti/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.test-questions > li').count()).toBe(course.finalTest!.draw);
    const ids = await page.locator('.test-questions > li').evaluateAll((lis) => lis.map((li) => li.id.replace(/^test-q-/, '')));
    for (const id of ids) await answerByKeyboard(page, `#test-q-${id}`, course.questions[id]!);
    await tabTo(page, 'button', /Lähetä vastaukset/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.result-verdict').textContent()).toBe('✓ Hyväksytty');
    await tabTo(page, 'a.button', /Siirry todistukseen/);
    await page.keyboard.press('Enter');
    await focusOnHeading(page);
    await tabTo(page, '#learner-name');
    for (const char of 'Kalle Näppäimistö') await page.keyboard.type(char, { delay: 10 });
    await expect.poll(() => page.locator('#learner-name').inputValue()).toBe('Kalle Näppäimistö');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.certificate').textContent()).toContain('Kalle Näppäimistö');
    expect(await page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents)).toBe(0);
  });

  it('plays a game to its ending', async () => {
    const { page } = browser;
    await page.goto(`${inject('siteUrl')}#/game/palvelutiski`);
    await expect.poll(() => page.locator('h1').count()).toBe(1);
    await tabTo(page, 'a.button', /Pelaa yksin/);
    await page.keyboard.press('Enter');
    // Which view is showing: each key press must move the game on before the next one.
    const view = () => page.evaluate(() => `${document.querySelector('.game-scene, .game-feedback, .game-ending')?.className}|${document.querySelector('main h1')?.textContent}`);
    for (let i = 0; i < 120 && (await page.locator('.game-ending').count()) === 0; i++) {
      await expect.poll(() => page.locator('.game-options button, main .actions button').count()).toBeGreaterThan(0);
      const before = await view();
      if (await page.locator('.game-options button').count()) {
        await tabTo(page, '.game-options button');
      } else {
        await tabTo(page, 'main .actions button');
      }
      await page.keyboard.press('Enter');
      await expect.poll(view).not.toBe(before);
    }
    await expect.poll(() => page.locator('.game-ending').count()).toBe(1);
    expect(await page.locator('.debrief section').count()).toBeGreaterThanOrEqual(3); // what, why, apply (and cards)
    expect(await page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents)).toBe(0);
  });
});
