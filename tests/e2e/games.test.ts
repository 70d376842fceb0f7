/**
 * Openness games in Chromium: a learner plays to an ending and reads the debrief (workshops: see
 * workshop.test.ts).
 */
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import type { CompiledGame } from '../../src/content/game-schema';
import { browserForSuite } from './browser';

const content = buildContent(join(import.meta.dirname, '../..'));
const gameOf = (id: string) => content.games.find((g) => g.meta.id === id)!.compiled.fi! as CompiledGame;

describe('solo play', () => {
  const suite = browserForSuite();

  it('plays the service-desk scenario to an ending, resuming after a reload, and sees the debrief', async () => {
    const game = gameOf('palvelutiski');
    const { page } = suite.current;
    // Every heading the page shows, in order: the next scene must never appear before the feedback.
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { headings: string[] }).headings = []);
      new MutationObserver(() => {
        const text = document.querySelector('main h1')?.textContent ?? '';
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.goto(`${inject('siteUrl')}#/game/${game.id}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(game.title);
    await page.getByRole('link', { name: 'Pelaa yksin' }).click();
    let reloaded = false;
    for (let step = 0; step < 60; step++) {
      const title = await page.locator('h1').textContent();
      if (title && Object.values(game.scenes).some((s) => s.type === 'ending' && s.title === title)) break;
      if (await page.locator('.game-options button').count()) {
        await page.locator('.game-options button').last().click(); // keep choosing the last option offered
        await expect.poll(() => page.locator('h1').textContent()).toBe('Mitä valinnastasi seurasi');
        expect(await page.locator('.game-feedback').textContent()).toContain('Valitsit:');
        if (!reloaded) {
          // Reload in the middle of the game: it resumes after the move just made.
          reloaded = true;
          await page.reload();
          await expect.poll(() => page.locator('h1').textContent()).not.toBe(game.scenes[game.start]!.title);
          continue;
        }
      }
      await page.getByRole('button', { name: /^Jatka/ }).click();
    }
    await expect.poll(() => page.locator('.game-ending').count()).toBe(1);
    const headings = await page.evaluate(() => (window as unknown as { headings: string[] }).headings);
    const choiceTitles = new Set(Object.values(game.scenes).filter((s) => s.type === 'choices').map((s) => s.title));
    const leftByChoice = headings.flatMap((h, i) => (choiceTitles.has(h) && i + 1 < headings.length ? [headings[i + 1]] : []));
    expect(leftByChoice.length).toBeGreaterThanOrEqual(2);
    expect(new Set(leftByChoice)).toEqual(new Set(['Mitä valinnastasi seurasi']));
    const text = (await page.locator('.game-ending').textContent()) ?? '';
    expect(text).toContain('Mitä tapahtui?');
    expect(text).toContain('Miksi? Periaate taustalla');
    expect(text).toContain('Mitä tämä tarkoittaa omassa työssä?');
    expect(text).toMatch(/Tulos: \d+ %/);
    expect(await page.locator('.choice-review li').count()).toBeGreaterThan(1);
    // The finished play shows in My learning like a course.
    await page.goto(`${inject('siteUrl')}#/my`);
    await expect.poll(() => page.locator('.learning-cards').textContent()).toContain(game.title);
    // A solo game links to the game, not to a course view.
    expect(await page.locator('.learning-card', { hasText: game.title }).locator('h3 a').getAttribute('href')).toBe(`#/game/${game.id}`);
  });
});
