/**
 * Openness games in Chromium: a learner plays to an ending and reads the debrief; a trainer runs a
 * workshop of the dilemma game with three teams, reloads half-way, debriefs and downloads the CSV.
 */
import { readFileSync } from 'node:fs';
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

describe('workshop mode', () => {
  const game = gameOf('avoimuusdilemmat');
  const teams = ['Kettu', 'Karhu', 'Ilves'];
  const suite = browserForSuite();

  it('runs three teams through the cards to the debrief, survives a reload, and exports a CSV', async () => {
    const { page } = suite.current;
    await page.goto(`${inject('siteUrl')}#/game/${game.id}/workshop`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Työpajan valmistelu');
    // Set-up errors are tied to their fields.
    await page.getByLabel('Tiimin 1 nimi').fill('');
    await page.getByRole('button', { name: 'Aloita työpaja' }).click();
    await expect.poll(() => page.locator('#setup-error').textContent()).toBe('Anna jokaiselle tiimille nimi.');
    for (const [i, name] of teams.entries()) await page.getByLabel(`Tiimin ${i + 1} nimi`).fill(name);
    await page.getByRole('button', { name: 'Aloita työpaja' }).click();

    const expected = new Map(teams.map((t) => [t, 0]));
    const rows: string[][] = [];
    let cards = 0;
    let reloaded = false;
    for (let step = 0; step < 80; step++) {
      if (await page.locator('.workshop-debrief').count()) break;
      const title = (await page.locator('h1').textContent())!;
      if (title === 'Mitä tapahtui?') break; // the debrief has begun
      const scene = Object.values(game.scenes).find((s) => s.title === title)!;
      expect(scene, `scene "${title}"`).toBeDefined();
      if (scene.type === 'ending') {
        await expect.poll(() => page.locator('.workshop-debrief').count()).toBe(1);
        break;
      }
      if (scene.type === 'choices') {
        if (cards === 0) {
          // The timer: start, pause and add time, by buttons and by keyboard shortcut.
          await page.getByRole('button', { name: 'Käynnistä' }).click();
          await page.getByRole('button', { name: 'Tauko' }).click();
          const paused = (await page.locator('.workshop-timer .time').textContent())!;
          await page.locator('body').press('+');
          const toSeconds = (text: string) => Number(text.split(':')[0]) * 60 + Number(text.split(':')[1]);
          await expect.poll(async () => toSeconds((await page.locator('.workshop-timer .time').textContent())!)).toBe(toSeconds(paused) + 30);
        }
        // Team i always picks option i (wrapping), so every option is chosen by someone.
        for (const [i, name] of teams.entries()) {
          const option = i % scene.options.length;
          await page.getByRole('group', { name }).getByLabel(String.fromCharCode(65 + option), { exact: true }).check();
          expected.set(name, expected.get(name)! + scene.options[option]!.points);
          rows.push([title, name, String(scene.options[option]!.points)]);
        }
        await page.locator('body').press('r');
        await expect.poll(() => page.locator('.reveal').count()).toBe(scene.options.length);
        await page.getByRole('button', { name: /^Seuraava/ }).click();
        await expect.poll(() => page.locator('h1').textContent()).not.toBe(title);
        // Scores are added when the card closes (team names have no regex characters).
        const board = new RegExp(teams.map((name) => `${name}: ${expected.get(name)} piste`).join('.*'));
        await expect.poll(() => page.locator('.scoreboard').textContent()).toMatch(board);
        cards++;
        if (cards === 3 && !reloaded) {
          reloaded = true;
          const scores = await page.locator('.scoreboard').textContent();
          const now = await page.locator('h1').textContent();
          await page.reload();
          await expect.poll(() => page.locator('h1').textContent()).toBe(now);
          expect(await page.locator('.scoreboard').textContent()).toBe(scores);
        }
      } else {
        await page.getByRole('button', { name: /^Jatka/ }).click();
        await expect.poll(() => page.locator('h1').textContent()).not.toBe(title);
      }
    }
    expect(cards).toBeGreaterThanOrEqual(12);
    for (const [name, score] of expected) expect(await page.locator('.scoreboard').textContent()).toContain(`${name}: ${score} piste`);

    // Debrief in three steps, with an agreed action.
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mitä tapahtui?');
    await page.getByLabel('Ryhmän havainnot: mitä tapahtui?').fill('Tietopyynnöt jäivät roikkumaan.');
    await page.getByRole('button', { name: /Seuraava vaihe/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Miksi? Periaatteet taustalla');
    await page.getByRole('button', { name: /Seuraava vaihe/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mitä teemme omassa työssämme?');
    await page.getByRole('button', { name: 'Lisää toimenpide' }).click();
    await expect.poll(() => page.locator('#action-error').textContent()).toBe('Kirjoita toimenpide, vastuuhenkilö ja määräaika.');
    await page.getByLabel('Toimenpide').fill('Tietopyyntöjen käsittely viikossa; "seuranta" kuukausittain');
    await page.getByLabel('Vastuuhenkilö').fill('Maija M.');
    await page.getByLabel('Määräaika').fill('2027-03-31');
    await page.getByRole('button', { name: 'Lisää toimenpide' }).click();
    await expect.poll(() => page.locator('.actions-editor tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Näytä tulokset' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Työpajan tulokset');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Lataa tulokset (CSV)' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Kierros;Kortti;Tiimi;Valinta;Pisteet;Äänet;Tarina jatkui');
    const cardRows = lines.slice(1, 1 + rows.length).map((l) => l.split(';'));
    expect(cardRows.map((c) => [c[1], c[2], c[4]])).toEqual(rows);
    const totals = lines.slice(lines.indexOf('Tiimi;Pisteet yhteensä') + 1, lines.indexOf('Tiimi;Pisteet yhteensä') + 4);
    expect(totals).toEqual(teams.map((t) => `${t};${expected.get(t)}`));
    expect(lines).toContain('Toimenpide;Vastuuhenkilö;Määräaika');
    expect(lines).toContain('"Tietopyyntöjen käsittely viikossa; ""seuranta"" kuukausittain";Maija M.;2027-03-31');
  });
});
