/**
 * A whole live workshop in Chromium: the facilitator console and its audience window, three phones
 * (phone viewport, touch) voting for two teams, a real workshop server behind the site's origin.
 * Join code and QR code large on the audience view before the first card and small after it; the
 * phones' votes become the teams' choices; the live count without who voted what; ideas from a
 * phone picked into the agreed actions; the CSV export at the end.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import type { CompiledGame } from '../../src/content/game-schema';
import { isDecision } from '../../src/game/workshop-session/machine';
import { DEFAULTS } from '../../src/workshop-server/config';
import { startWorkshopServer, type RunningWorkshopServer } from '../../src/workshop-server/server';
import { expectNoAxeViolations } from './axe';
import { CHROMIUM_ARGS } from './browser';
import { siteDir } from './global-setup';
import { serveSiteWithWorkshop } from './live-proxy';
import { freePort } from '../unit/live-helpers';

const GAME = 'avoimuusdilemmat';
const game = buildContent(join(import.meta.dirname, '../..'), [GAME]).games.find((g) => g.meta.id === GAME)!.compiled.fi as CompiledGame;
const TEAMS = ['Kunta', 'Ministeriö'];

let server: RunningWorkshopServer;
let front: { url: string; close(): Promise<void> };
let browser: Browser;
const contexts: BrowserContext[] = [];

let port: number;
beforeAll(async () => {
  port = await freePort();
  server = await startWorkshopServer({ ...DEFAULTS, port, quiet: true });
  front = await serveSiteWithWorkshop(siteDir, '/lms/content/kohtaamo/', server.url);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await front?.close();
  await server?.close();
});

async function context(options: Parameters<Browser['newContext']>[0]) {
  const c = await browser.newContext({ locale: 'fi-FI', bypassCSP: true, acceptDownloads: true, ...options });
  contexts.push(c);
  return c;
}

describe('a live workshop with phones', () => {
  it('runs the game from join to export with votes from three phones', async () => {
    const laptop = await context({ viewport: { width: 1280, height: 900 } });
    const page = await laptop.newPage();
    page.on('pageerror', (e) => console.error('console page error:', e.message));
    await page.goto(`${front.url}#/game/${GAME}/workshop`);
    await expect.poll(() => page.locator('h2').first().textContent()).toBe('Työpajan valmistelu');
    const [screen] = await Promise.all([laptop.waitForEvent('page'), page.getByRole('button', { name: 'Avaa yleisönäkymä' }).click()]);
    await screen.setViewportSize({ width: 1920, height: 1080 });

    await page.getByRole('button', { name: 'Avaa työpaja puhelimille' }).click();
    const code = (await page.locator('.live-panel .live-code').textContent())!.replace('-', '');
    expect(code).toMatch(/^[34679ACEFHJKMNPRTWXY]{8}$/);
    expect(await page.locator('.live-panel .live-url').textContent()).toBe(`${front.url}#/join/${code}`);
    expect(await page.locator('.live-panel .live-qr svg').count()).toBe(1);
    // Before the first card the audience sees how to join, large.
    await screen.locator('.live-badge-large .live-qr svg').waitFor();
    expect(await screen.locator('.live-badge-code').textContent()).toBe(`${code.slice(0, 4)}-${code.slice(4)}`);
    await expectNoAxeViolations(page, 'console with the live panel');
    await expectNoAxeViolations(screen, 'audience view with the join code');

    await page.locator('#team-count').selectOption('2');
    for (const [i, name] of TEAMS.entries()) await page.getByLabel(`Tiimin ${i + 1} nimi`).fill(name);
    await page.getByRole('button', { name: 'Aloita työpaja' }).click();

    const phones: Page[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await context({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
      const phone = await c.newPage();
      phone.on('pageerror', (e) => console.error('phone page error:', e.message));
      await phone.goto(`${front.url}#/join/${code}`);
      await phone.getByRole('radio', { name: TEAMS[i < 2 ? 0 : 1] }).tap();
      await phone.getByRole('button', { name: 'Valmis' }).tap();
      phones.push(phone);
    }
    await expect.poll(() => screen.locator('.live-badge-small').textContent()).toContain('Mukana: 3');
    expect(await screen.locator('.live-badge-large').count()).toBe(0);

    let cards = 0;
    for (let step = 0; step < 80; step++) {
      const title = (await page.locator('.console-stage h1').textContent())!;
      const scene = Object.values(game.scenes).find((s) => s.title === title);
      if (!scene || scene.type === 'ending') break;
      if (isDecision(scene)) {
        // One-screen mode hides the controls; the room keeps following and votes keep arriving.
        if (cards === 1) await page.locator('body').press('h');
        for (const [i, phone] of phones.entries()) {
          await phone.getByRole('heading', { name: title }).waitFor();
          const options = phone.locator('.live-option');
          await (i < 2 ? options.first() : options.last()).tap();
        }
        // The phones' votes are the teams' choices; the room sees only how many voted.
        await expect.poll(() => screen.locator('.stage-recorded').textContent(), { message: `choices on ${title}` }).toBe('Valinnan kirjanneet tiimit: 2/2');
        await expect.poll(() => screen.locator('.live-badge-small').textContent()).toContain('Äänestänyt 3/3');
        if (cards === 0) {
          const firstOption = await page.getByRole('group', { name: TEAMS[0] }).getByRole('radio').first().isChecked();
          expect(firstOption).toBe(true);
        }
        if (cards === 2) {
          // The server restarts mid-card: the console fills the room again, nothing is lost, and
          // a phone that changes its vote afterwards is heard.
          await server.close();
          await expect.poll(() => page.locator('.live-panel .notice').count()).toBe(1);
          server = await startWorkshopServer({ ...DEFAULTS, port, quiet: true });
          await expect.poll(() => page.locator('.live-panel .notice').count(), { timeout: 20_000 }).toBe(0);
          await phones[2]!.locator('.live-option').first().tap();
          await expect.poll(() => page.getByRole('group', { name: TEAMS[1] }).getByRole('radio').first().isChecked(), { timeout: 45_000 }).toBe(true);
          await expect.poll(() => screen.locator('.live-badge-small').textContent()).toContain('Äänestänyt 3/3');
        }
        if (cards === 1) {
          expect(await page.locator('.live-panel').count()).toBe(0);
          await page.getByRole('button', { name: 'Näytä ohjaimet' }).click();
          await page.locator('.live-panel').waitFor();
        }
        await page.locator('body').press('r');
        await expect.poll(() => screen.locator('.reveal-option').count()).toBeGreaterThan(1);
        if (cards === 0) {
          await expectNoAxeViolations(screen, 'audience card with the live count');
          for (const phone of phones) await phone.getByRole('heading', { name: 'Tulokset' }).waitFor();
          expect(await phones[2]!.getByText('Sinun äänesi').count()).toBe(1);
        }
        await page.getByRole('button', { name: /^Seuraava/ }).click();
        cards++;
      } else {
        await page.locator('.console-controls .actions button').last().click();
      }
      await expect.poll(() => page.locator('.console-stage h1').textContent()).not.toBe(title);
    }
    expect(cards).toBe(13);

    await page.getByRole('button', { name: /Aloita purku/ }).click();
    await page.getByRole('button', { name: /Seuraava vaihe/ }).click();
    await page.getByRole('button', { name: /Seuraava vaihe/ }).click();
    await expect.poll(() => screen.locator('h1').textContent()).toBe('Mitä teemme omassa työssämme?');
    const idea = 'Avataan lausuntopyyntöjen aikataulu verkkoon';
    await phones[0]!.getByLabel(/Ehdota toimenpidettä/).fill(idea);
    await phones[0]!.getByRole('button', { name: 'Lähetä ehdotus' }).tap();
    await page.getByRole('button', { name: 'Lisää sovittuihin toimenpiteisiin' }).click();
    await expectNoAxeViolations(page, 'console with ideas');
    await expect.poll(() => screen.locator('.stage-actions li').first().textContent()).toContain(idea);
    await page.getByRole('button', { name: 'Näytä tulokset' }).click();
    await expect.poll(() => screen.locator('h1').textContent()).toBe('Työpajan tulokset');
    await phones[1]!.getByText('Työpaja on päättynyt. Kiitos osallistumisesta!').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Lataa tulokset (CSV)' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain(idea);
    for (const team of TEAMS) expect(csv).toContain(team);
  }, 240_000);
});
