/** The trainer's material in real Chromium: the guide page, and every printable printed to PDF. */
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import type { CompiledGame } from '../../src/content/game-schema';
import { href, PRINT_MATERIALS } from '../../src/app/router';
import { sheetCount } from '../../src/game/facilitator/PrintMaterial';
import { browserForSuite } from './browser';
import { expectNoAxeViolations } from './axe';

const build = buildContent(join(import.meta.dirname, '../..'));
const games = build.games.filter((g) => build.facilitator.some((f) => f.gameId === g.meta.id));
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe('facilitator guide and printable material', () => {
  const browser = browserForSuite();

  for (const { meta } of games) {
    const game = build.games.find((g) => g.meta.id === meta.id)!.compiled.fi as CompiledGame;
    const guide = build.facilitator.find((f) => f.gameId === meta.id)!.guides.fi!;

    it(`${meta.id}: the guide shows the whole plan, passes axe and links every printable`, async () => {
      const { page } = browser.current;
      await page.goto(`${inject('siteUrl')}${href({ name: 'game', gameId: meta.id })}`);
      await page.getByRole('link', { name: 'Ohjaajan opas ja tulostettavat' }).click();
      await expect.poll(() => page.locator('h1').innerText()).toBe(`Ohjaajan opas: ${game.title}`);
      const text = await page.locator('main').innerText();
      for (const note of Object.values(guide.scenes)) expect(text).toContain(note.say.replace(/<[^>]+>/g, '').trim().slice(0, 40));
      expect(await page.locator('.timing-plan tbody tr').count()).toBe(guide.timing.length);
      expect(await page.locator('.scene-note').count()).toBe(Object.keys(guide.scenes).length);
      await expectNoAxeViolations(page, `guide ${meta.id}`);
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      expect(pdfPages(pdf)).toBeGreaterThan(0);
    });

    for (const material of PRINT_MATERIALS) {
      it(`${meta.id}: ${material} print on ${sheetCount(game, material)} A4 sheet(s) with no card split across pages`, async () => {
        const { page } = browser.current;
        await page.goto(`${inject('siteUrl')}${href({ name: 'game-print', gameId: meta.id, material })}`);
        await expect.poll(() => page.locator('.print-sheet').count()).toBe(sheetCount(game, material));
        await expectNoAxeViolations(page, `${material} ${meta.id}`);
        await page.emulateMedia({ media: 'print' });
        // Each card half holds all of its text: nothing overflows into the next card or page.
        const overflowing = await page.locator('.print-half').evaluateAll((halves) =>
          halves.filter((h) => h.scrollHeight > h.clientHeight + 1).map((h) => h.querySelector('h2')?.textContent ?? '?'),
        );
        expect(overflowing).toEqual([]);
        const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        expect(pdfPages(pdf)).toBe(sheetCount(game, material));
        await page.emulateMedia({ media: 'screen' });
      });
    }

    it(`${meta.id}: the console shows the card's notes folded and the timing plan; the audience view shows neither`, async () => {
      const { page, context } = browser.current;
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${inject('siteUrl')}${href({ name: 'workshop', gameId: meta.id })}`);
      await expect.poll(() => page.getByRole('button', { name: 'Aloita työpaja' }).count()).toBe(1);
      const [screen] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Avaa yleisönäkymä' }).click()]);
      await page.getByLabel('Tiimin 1 nimi').fill('Kettu');
      await page.getByLabel('Tiimin 2 nimi').fill('Karhu');
      await page.getByRole('button', { name: 'Aloita työpaja' }).click();
      const notes = page.locator('details.card-notes');
      await expect.poll(() => notes.count()).toBe(1);
      const firstScene = game.start;
      const say = guide.scenes[firstScene]!.say.replace(/<[^>]+>/g, '').trim();
      expect(await notes.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false); // folded by default
      await notes.locator('summary').click();
      await expect.poll(() => notes.innerText()).toContain(say.slice(0, 40));
      const timing = page.locator('details.timing-notes');
      expect(await timing.locator('summary').innerText()).toMatch(/Aikataulu · käytetty 0 min, suunnitelmassa tämän vaiheen loppuun \d+ min/);
      expect(await timing.locator('li[aria-current="step"]').count()).toBe(1);
      await expect.poll(() => screen.locator('h1').count()).toBe(1);
      // Texts for solo players never reach a workshop.
      expect(await page.locator('.console-stage').innerText()).not.toMatch(/pelaat yksin/i);
      expect(await screen.locator('body').innerText()).not.toMatch(/pelaat yksin/i);
      const screenText = await screen.locator('body').innerText();
      for (const note of Object.values(guide.scenes)) expect(screenText).not.toContain(note.say.replace(/<[^>]+>/g, '').trim().slice(0, 40));
      expect(await screen.locator('details').count()).toBe(0);
      await screen.close();
    });

    it(`${meta.id}: solo play and the game page never show facilitator text`, async () => {
      const { page } = browser.current;
      for (const route of [href({ name: 'game', gameId: meta.id }), href({ name: 'game-play', gameId: meta.id })]) {
        await page.goto(`${inject('siteUrl')}${route}`);
        await expect.poll(() => page.locator('h1').count()).toBe(1);
        const text = await page.locator('body').innerText();
        if (route.endsWith('/play') && game.scenes[game.start]!.type === 'discussion') expect(text).toContain('Pelaat yksin: mieti kysymyksiä oman työsi kannalta');
        for (const note of Object.values(guide.scenes)) expect(text).not.toContain(note.say.replace(/<[^>]+>/g, '').trim().slice(0, 40));
      }
    });
  }
});
