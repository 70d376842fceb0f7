/**
 * Workshops in Chromium: a facilitator console and an audience window (opened by the console,
 * following it over BroadcastChannel) play the dilemma game to the export; the audience window never
 * shows a control or the site header; every shipped card fits the projector at 1280×720 and
 * 1920×1080 in fi, sv and en with large enough type; axe on both views; the CSV read back equals the
 * session; the workshop lands in the Työpajat list and nothing personal in My learning.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import type { CompiledGame } from '../../src/content/game-schema';
import type { SessionView } from '../../src/game/workshop-session/machine';
import { isDecision } from '../../src/game/workshop-session/machine';
import { browserForSuite } from './browser';

const content = buildContent(join(import.meta.dirname, '../..'));
const gameOf = (id: string, lang: 'fi' | 'sv' | 'en' = 'fi') => content.games.find((g) => g.meta.id === id)!.compiled[lang]! as CompiledGame;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function audit(page: Page, view: string) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, `axe on ${view}`).toEqual([]);
}

/** Semicolon CSV with quotes, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

/** Nothing the room could operate, and no site chrome, in the audience window. */
async function expectNoControls(screen: Page, when: string) {
  const found = await screen.evaluate(() => ({
    controls: document.querySelectorAll('button, input, select, textarea, a[href], [role="button"], [tabindex]:not([tabindex="-1"])').length,
    header: document.querySelectorAll('.site-header, nav, footer, .skip-link').length,
  }));
  expect(found, `audience window at ${when}`).toEqual({ controls: 0, header: 0 });
}

describe('a workshop with a console and an audience window', () => {
  const suite = browserForSuite();
  const game = gameOf('avoimuusdilemmat');
  const teams = ['=SUM(1+1)', 'Kettu; "Ketut"', 'Ilvekset, joiden nimi rivittyy siististi'];

  it('plays the whole game to the export, with the audience window following and the time-up state', async () => {
    const { page, context } = suite.current;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${inject('siteUrl')}#/game/${game.id}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(game.title);
    // A team game offers the workshop first, and counts its 13 decision cards.
    expect(await page.locator('.actions a').first().textContent()).toBe('Aloita työpaja');
    expect(await page.locator('.facts').textContent()).toContain('Päätöksiä13');
    await page.locator('.actions a').first().click();
    await expect.poll(() => page.locator('h2').first().textContent()).toBe('Työpajan valmistelu');
    await audit(page, 'console setup');

    const [screen] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Avaa yleisönäkymä' }).click()]);
    await screen.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(() => screen.locator('h1').textContent()).toBe(game.title);
    await expectNoControls(screen, 'setup');

    await page.getByLabel('Tiimin 1 nimi').fill('x'.repeat(50));
    expect((await page.getByLabel('Tiimin 1 nimi').inputValue()).length).toBe(40); // names are length-limited
    for (const [i, name] of teams.entries()) await page.getByLabel(`Tiimin ${i + 1} nimi`).fill(name);
    await page.getByRole('button', { name: 'Aloita työpaja' }).click();

    const expected = new Map(teams.map((t) => [t, 0]));
    const rows: string[][] = [];
    let cards = 0;
    for (let step = 0; step < 80; step++) {
      const title = (await page.locator('.console-stage h1').textContent())!;
      await expect.poll(() => screen.locator('h1').textContent(), { message: `screen follows to ${title}` }).toBe(title);
      await expectNoControls(screen, title);
      const scene = Object.values(game.scenes).find((s) => s.title === title);
      if (!scene) break;
      if (scene.type === 'ending') break;
      if (isDecision(scene)) {
        if (cards === 0) {
          await audit(screen, 'audience card');
          await audit(page, 'console card');
          // One-screen mode: H hides the controls, the stage fills the window; the button brings them back.
          await page.locator('body').press('h');
          await expect.poll(() => page.locator('.console-controls').count()).toBe(0);
          expect(await page.locator('.console-stage').evaluate((el) => el.getBoundingClientRect().height)).toBe(900);
          await page.getByRole('button', { name: 'Näytä ohjaimet' }).click();
          await expect.poll(() => page.locator('.console-controls').count()).toBe(1);
          // Undo takes back the last entry.
          await page.getByRole('group', { name: teams[0] }).getByLabel('C', { exact: true }).check();
          await page.getByRole('button', { name: 'Peru edellinen kirjaus' }).click();
          await expect.poll(() => page.getByRole('group', { name: teams[0] }).getByLabel('C', { exact: true }).isChecked()).toBe(false);
        }
        if (cards === 1) {
          // Time up: the console tells the machine at 0:00; both screens show it in words and shape.
          await page.clock.install();
          await page.getByRole('button', { name: 'Käynnistä' }).click();
          await page.clock.fastForward('02:05');
          await expect.poll(() => screen.locator('.time-up').textContent()).toContain('Aika loppui');
          expect(await screen.locator('.time-up .time-up-shape').count()).toBe(1);
          expect(await page.locator('.console-controls .notice').textContent()).toContain('Aika loppui');
          await audit(screen, 'audience time up');
        }
        for (const [i, name] of teams.entries()) {
          const option = i % scene.options.length;
          await page.getByRole('group', { name }).getByLabel(String.fromCharCode(65 + option), { exact: true }).check();
          expected.set(name, expected.get(name)! + scene.options[option]!.points);
          rows.push([title, name, String(scene.options[option]!.points)]);
        }
        await expect.poll(() => screen.locator('.stage-recorded').textContent()).toBe('Valinnan kirjanneet tiimit: 3/3');
        await page.locator('body').press('r');
        await expect.poll(() => screen.locator('.reveal-option').count()).toBe(scene.options.length);
        // Scores change at the reveal, and the chart writes out who chose what.
        const scores = (await screen.locator('.stage-scores').textContent())!;
        for (const [name, score] of expected) expect(scores).toContain(`${name} ${score} piste`);
        const chart = (await screen.locator('.reveal-chart').textContent())!;
        expect(chart).toContain(`1 tiimi: ${teams[0]}`);
        expect(await screen.locator('.reveal-best .best-mark').count()).toBeGreaterThan(0);
        // A 0-point option is never styled as success.
        for (const [i, o] of scene.options.entries()) {
          const cls = await screen.locator('.reveal-option').nth(i).getAttribute('class');
          if (o.points === 0) expect(cls).toContain('reveal-zero');
        }
        if (cards === 0) await audit(screen, 'audience reveal');
        await page.getByRole('button', { name: /^Seuraava/ }).click();
        cards++;
        if (cards === 4) {
          const now = await page.locator('.console-stage h1').textContent();
          await page.reload();
          await expect.poll(() => page.locator('.console-stage h1').textContent()).toBe(now);
        }
      } else {
        if (scene.type === 'discussion') {
          const size = await screen.locator('.stage-prompts li').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
          expect(size).toBeGreaterThanOrEqual(28);
        }
        await page.locator('.console-controls .actions button').last().click();
      }
      await expect.poll(() => page.locator('.console-stage h1').textContent()).not.toBe(title);
    }
    expect(cards).toBe(13);
    // The ending, then the debrief.
    await page.getByRole('button', { name: /Aloita purku/ }).click();
    await expect.poll(() => screen.locator('h1').textContent()).toBe('Mitä tapahtui?');
    expect(await screen.locator('h1, h2').allTextContents()).not.toContain('Mitä tapahtui?'.repeat(2));
    expect(await screen.locator('h1:text-is("Mitä tapahtui?"), h2:text-is("Mitä tapahtui?")').count()).toBe(1);
    const weak = await screen.locator('.stage-weak li').count();
    expect(weak).toBeGreaterThanOrEqual(2);
    expect(weak).toBeLessThanOrEqual(3);
    const notesWhat = 'Tietopyynnöt jäivät; "roikkumaan"\ntoinen rivi';
    await page.getByLabel('Ryhmän havainnot: mitä tapahtui?').fill(notesWhat);
    await audit(page, 'console debrief');
    await page.reload(); // the debrief text survives a reload
    await expect.poll(() => page.getByLabel('Ryhmän havainnot: mitä tapahtui?').inputValue()).toBe(notesWhat);
    await page.getByRole('button', { name: /Seuraava vaihe/ }).click();
    await page.getByRole('button', { name: /Seuraava vaihe/ }).click();
    await expect.poll(() => screen.locator('h1').textContent()).toBe('Mitä teemme omassa työssämme?');
    await page.getByLabel('Toimenpide').fill('=HYPERLINK("x");@kaikki');
    await page.getByLabel('Vastuuhenkilö').fill('Maija M.');
    await page.getByLabel('Määräaika').fill('2027-03-31');
    await page.getByRole('button', { name: 'Lisää toimenpide' }).click();
    await expect.poll(() => screen.locator('.stage-actions li').textContent()).toBe('=HYPERLINK("x");@kaikki – Maija M., 31.3.2027');
    await page.reload();
    await expect.poll(() => page.locator('.action-list li').count()).toBe(1);
    await page.getByRole('button', { name: 'Näytä tulokset' }).click();
    await expect.poll(() => screen.locator('h1').textContent()).toBe('Työpajan tulokset');
    await expectNoControls(screen, 'results');
    await audit(screen, 'audience results');
    await audit(page, 'console results');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Lataa tulokset (CSV)' }).click()]);
    const raw = readFileSync(await download.path(), 'utf8');
    expect(raw.startsWith('\uFEFF')).toBe(true);
    const csv = parseCsv(raw.slice(1));
    const today = new Date();
    expect(csv.slice(0, 5)).toEqual([
      ['Työpaja', game.title],
      ['Peli ja versio', `${game.id} ${game.version}`],
      ['Päivämäärä', `${today.getDate()}.${today.getMonth() + 1}.${today.getFullYear()}`],
      ['Kirjaustapa', 'Jokaisen tiimin valinta erikseen (tiimit saavat pisteitä)'],
      ['Tiimit', `'${teams.join(', ')}`],
    ]);
    const header = csv.findIndex((r) => r[0] === 'Kierros');
    const cardRows = csv.slice(header + 1, header + 1 + rows.length);
    const unformula = (s: string) => s.replace(/^'(?=[=+\-@\t\r])/, '');
    expect(cardRows.map((c) => [c[1], unformula(c[2]!), c[4]])).toEqual(rows);
    expect(cardRows.find((c) => c[2]!.startsWith("'="))).toBeDefined(); // the formula-like team name is neutralised
    expect(csv.some((r) => r[1] === game.scenes.tulos!.title)).toBe(false); // no rows for the step to the ending
    const totals = csv.findIndex((r) => r[0] === 'Sija');
    const ranked = [...expected].sort((a, b) => b[1] - a[1]);
    expect(csv.slice(totals + 1, totals + 4).map((r) => [unformula(r[1]!), Number(r[2])])).toEqual(ranked);
    const actions = csv.findIndex((r) => r[0] === 'Toimenpide');
    expect(csv[actions + 1]).toEqual(["'=HYPERLINK(\"x\");@kaikki", 'Maija M.', '31.3.2027']);
    expect(csv.find((r) => r[0] === 'Mitä tapahtui?')).toEqual(['Mitä tapahtui?', notesWhat]);

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Lataa tulokset (JSON)' }).click()]);
    const data = JSON.parse(readFileSync(await json.path(), 'utf8'));
    expect(data.actions[0].due).toBe('2027-03-31');
    expect(data.startedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(data.rounds).toHaveLength(13);

    // Nothing personal in My learning; the workshop is in the Työpajat list.
    await screen.close();
    await page.goto(`${inject('siteUrl')}#/my`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Oma oppiminen');
    expect(await page.locator('main').textContent()).not.toContain(game.title);
    await page.getByRole('link', { name: 'Työpajat' }).first().click();
    await expect.poll(() => page.locator('.history-list li').count()).toBe(1);
    expect(await page.locator('.history-list').textContent()).toContain(game.title);
    await audit(page, 'workshop history');
    await page.locator('.history-list a').click();
    await expect.poll(() => page.locator('.stage-ranking li').count()).toBe(3);
    expect(await page.getByRole('button', { name: 'Lataa tulokset (CSV)' }).count()).toBe(1);
  });
});

describe('every shipped card on the projector', () => {
  const suite = browserForSuite();

  it('fits without scrolling at 1280×720 and 1920×1080, with 32 px text at 1920×1080, in fi, sv and en', async () => {
    const { page } = suite.current;
    const failures: string[] = [];
    for (const entry of content.games) {
      for (const lang of ['fi', 'sv', 'en'] as const) {
        const game = gameOf(entry.meta.id, lang);
        await page.goto(`${inject('siteUrl')}#/game/${game.id}/screen`);
        await page.evaluate((l) => localStorage.setItem('kohtaamo.lang', l), lang);
        await page.reload();
        await expect.poll(() => page.locator('h1').textContent()).toBe(game.title);
        for (const size of [
          { width: 1920, height: 1080 },
          { width: 1280, height: 720 },
        ]) {
          await page.setViewportSize(size);
          for (const scene of Object.values(game.scenes)) {
            if (scene.type !== 'choices' && scene.type !== 'discussion') continue;
            const meters = Object.fromEntries(game.meters.map((m) => [m.id, m.max]));
            const view: SessionView = {
              value: isDecision(scene) ? { card: 'open' } : scene.type === 'discussion' ? 'between' : 'step',
              context: {
                recording: 'teams',
                teams: ['Kettu', 'Karhu', 'Ilves'].map((name, i) => ({ id: `t${i}`, name, score: 10 })),
                game: { scene: scene.id, context: { meters, points: 0, path: [] } },
                votes: { choices: {}, tally: {} },
                undo: [],
                timer: { remainingMs: 120_000, runningSince: null },
                log: [],
                notes: { what: '', why: '' },
                actions: [],
                startedAt: 0,
              },
            };
            await page.evaluate(
              ([id, state]) => new BroadcastChannel(`kohtaamo-workshop-${id}`).postMessage({ type: 'state', state }),
              [game.id, { view, sessionId: 'measure' }] as const,
            );
            await expect.poll(() => page.locator('h1').textContent()).toBe(scene.title);
            const m = await page.evaluate(() => {
              const box = document.querySelector('.audience-screen')!;
              const stage = document.querySelector<HTMLElement>('.stage')!;
              const px = (sel: string) => [...document.querySelectorAll(sel)].map((el) => parseFloat(getComputedStyle(el).fontSize));
              return {
                overflow: box.scrollHeight - box.clientHeight,
                pageScroll: document.documentElement.scrollHeight - innerHeight,
                fit: stage.style.getPropertyValue('--fit'),
                body: Math.min(...px('.stage-text p, .stage-options li')),
                prompts: Math.min(...px('.stage-prompts li')),
              };
            });
            const where = `${game.id} ${lang} ${scene.id} at ${size.width}×${size.height}`;
            if (m.overflow > 0 || m.pageScroll > 0 || m.fit !== '1') failures.push(`${where}: does not fit (${JSON.stringify(m)})`);
            if (size.width === 1920 && scene.type === 'choices' && m.body < 32) failures.push(`${where}: body ${m.body}px`);
            if (size.width === 1920 && scene.type === 'discussion' && m.prompts < 28) failures.push(`${where}: prompts ${m.prompts}px`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('the console at 320 px (400 % zoom)', () => {
  const suite = browserForSuite();

  it('scrolls no phase sideways, with long team names and the action form', async () => {
    const { page } = suite.current;
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${inject('siteUrl')}#/game/avoimuusdilemmat/workshop`);
    await expect.poll(() => page.locator('#team-0').count()).toBe(1);
    await page.fill('#team-0', 'Tietopyyntöjenkäsittelyasiantuntijaryhmä');
    await page.fill('#team-1', 'Avoimuus ja osallisuus, yhteinen tiimi');
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await sideways(), 'setup').toBeLessThanOrEqual(0);
    await page.locator('.workshop-setup button[type="submit"]').click();
    const seen = new Set<string>();
    for (let i = 0; i < 80 && (await page.locator('.phase-ending').count()) === 0; i++) {
      const phase = (await page.locator('.stage').getAttribute('class'))!;
      if (!seen.has(phase)) {
        seen.add(phase);
        expect(await sideways(), phase).toBeLessThanOrEqual(0);
      }
      const title = await page.locator('h1').textContent();
      if (await page.locator('.console-timer').count()) {
        await page.getByRole('group', { name: 'Tietopyyntöjenkäsittelyasiantuntijaryhmä' }).getByLabel('A', { exact: true }).check();
        await page.locator('body').press('r');
        await expect.poll(() => page.locator('.reveal-option').count()).toBeGreaterThan(0);
        expect(await sideways(), 'reveal').toBeLessThanOrEqual(0);
      }
      await page.locator('body').press('n');
      await expect.poll(async () => (await page.locator('.phase-ending').count()) > 0 || (await page.locator('h1').textContent()) !== title).toBe(true);
    }
    await page.locator('body').press('n');
    await page.getByRole('button', { name: /Seuraava vaihe/ }).click();
    await page.getByRole('button', { name: /Seuraava vaihe/ }).click();
    await expect.poll(() => page.locator('.action-form').count()).toBe(1);
    await page.getByLabel('Toimenpide').fill('Pitkä toimenpide, joka ei mahdu yhdelle riville kapealla näytöllä');
    await page.getByLabel('Vastuuhenkilö').fill('Maija M.');
    await page.getByLabel('Määräaika').fill('2027-03-31');
    await page.getByRole('button', { name: 'Lisää toimenpide' }).click();
    await expect.poll(() => page.locator('.action-list li').count()).toBe(1);
    expect(await sideways(), 'actions').toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Näytä tulokset' }).click();
    await expect.poll(() => page.locator('.workshop-results').count()).toBe(1);
    expect(await sideways(), 'results').toBeLessThanOrEqual(0);
  });
});

describe('a workshop counting votes', () => {
  const suite = browserForSuite();

  it('adds one vote per click, undoes the last, and writes the counts out at the reveal', async () => {
    const { page } = suite.current;
    const game = gameOf('avoimuusdilemmat', 'fi');
    await page.goto(`${inject('siteUrl')}#/game/${game.id}/workshop`);
    await expect.poll(() => page.locator('#team-0').count()).toBe(1);
    await page.getByLabel('Koko ryhmän äänimäärät vaihtoehdoittain').check();
    await page.getByRole('button', { name: 'Aloita työpaja' }).click();
    await page.getByRole('button', { name: /^Jatka/ }).click();
    await expect.poll(() => page.locator('.recorder.tally').count()).toBe(1);
    const plusA = page.getByRole('button', { name: /^\+1 vaihtoehdolle A/ });
    await plusA.click();
    await plusA.click();
    await page.getByRole('button', { name: /^\+1 vaihtoehdolle B/ }).click();
    await expect.poll(() => page.locator('.stage-recorded').textContent()).toBe('3 ääntä kirjattu');
    await page.getByRole('button', { name: 'Peru edellinen kirjaus' }).click();
    await expect.poll(() => page.locator('.stage-recorded').textContent()).toBe('2 ääntä kirjattu');
    await page.getByRole('button', { name: 'Paljasta vastaukset' }).click();
    await expect.poll(() => page.locator('.reveal-count').allTextContents()).toEqual([
      expect.stringMatching(/^2 ääntä · /),
      expect.stringMatching(/^0 ääntä · /),
      expect.stringMatching(/^0 ääntä · /),
    ]);
    expect(await page.locator('.stage-scores').count()).toBe(0); // no team scores when votes are counted
  });
});
