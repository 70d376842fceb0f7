/**
 * Participants' phones in real Chromium (phone viewport, touch) against a real workshop server:
 * join by the QR link, pick a team, vote, change the vote, see the results with the principles,
 * send an idea in the debrief; axe on every phone view in fi, sv and en at 320 px.
 * The room is driven by the console's own client (LiveConsole) from Node.
 */
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import type { CompiledGame, Scene } from '../../src/content/game-schema';
import { LiveConsole, createRoom } from '../../src/live/console-client';
import { DEFAULTS } from '../../src/workshop-server/config';
import { startWorkshopServer, type RunningWorkshopServer } from '../../src/workshop-server/server';
import { expectNoAxeViolations, sidewaysOverflow } from './axe';
import { CHROMIUM_ARGS } from './browser';
import { siteDir } from './global-setup';
import { serveSiteWithWorkshop, type SiteWithWorkshop } from './live-proxy';

const GAME = 'avoimuusdilemmat';
const game = buildContent(join(import.meta.dirname, '../..'), [GAME]).games.find((g) => g.meta.id === GAME)!.compiled.fi as CompiledGame;
const cards = game.order.map((id) => game.scenes[id]!).filter((s): s is Extract<Scene, { type: 'choices' }> => s.type === 'choices');

let server: RunningWorkshopServer;
let front: SiteWithWorkshop;
let browser: Browser;
let live: LiveConsole;
const phones: { context: BrowserContext; page: Page }[] = [];

async function phone(width = 360): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 740 }, hasTouch: true, isMobile: true, locale: 'fi-FI', bypassCSP: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('phone page error:', error.message));
  phones.push({ context, page });
  return page;
}

async function audit(page: Page, view: string) {
  await page.waitForTimeout(150); // let focus and live regions settle
  await expectNoAxeViolations(page, view);
  expect(await sidewaysOverflow(page), `no sideways scrolling on ${view}`).toEqual([]);
}

const publishCard = (card: Extract<Scene, { type: 'choices' }>, state: 'open' | 'closed' | 'revealed', extra: object = {}) =>
  live.publish({ phase: 'card', card: { id: card.id, state, options: card.options.map((o) => o.id), timerEndsAt: card.timer ? Date.now() + card.timer * 1000 : null, timerSeconds: card.timer ?? null }, ...extra });

beforeAll(async () => {
  server = await startWorkshopServer({ ...DEFAULTS, port: 0, quiet: true });
  front = await serveSiteWithWorkshop(siteDir, '/lms/content/kohtaamo/', server.url);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  live = new LiveConsole({ ...(await createRoom(server.url)), WebSocketPolyfill: WebSocket });
  live.publish({
    gameId: GAME,
    lang: 'fi',
    mode: 'teams',
    teams: [
      { id: 't1', name: 'Kunnan viestintä' },
      { id: 't2', name: 'Ministeriön lakiyksikkö, jolla on hyvin pitkä nimi joka rivittyy' },
    ],
    phase: 'lobby',
    card: null,
    reveal: null,
  });
  void inject; // the site is built by the global set-up
});

afterAll(async () => {
  live?.destroy();
  for (const p of phones) await p.context.close();
  await browser?.close();
  await front?.close();
  await server?.close();
});

describe('participants on their phones', () => {
  it('three phones join by the QR link, vote by touch, see the results and send ideas', async () => {
    const code = live.options.code;
    const pages = [await phone(), await phone(), await phone(320)];
    for (const page of pages) await page.goto(`${front.url}#/join/${code}`);
    const choose = async (page: Page, team: string | null, nickname = '') => {
      await page.getByRole('heading', { name: 'Ennen kuin aloitetaan' }).waitFor();
      await page.getByRole('radio', { name: team ?? 'Äänestän yksin' }).tap();
      if (nickname) await page.getByLabel('Nimimerkki (vapaaehtoinen)').fill(nickname);
      await page.getByRole('button', { name: 'Valmis' }).tap();
      await page.getByText('Odotetaan, että kouluttaja aloittaa.').waitFor();
    };
    await choose(pages[0]!, 'Kunnan viestintä', 'Maija');
    await choose(pages[1]!, 'Kunnan viestintä');
    await choose(pages[2]!, null);
    await expect.poll(() => live.participants().length).toBe(3);
    await expect.poll(() => pages[2]!.getByText('Mukana: 3').count()).toBe(1);

    const card = cards[0]!;
    publishCard(card, 'open');
    const [first, second] = card.options;
    for (const page of pages) await page.getByRole('heading', { name: card.title }).waitFor();
    await pages[0]!.getByRole('button', { name: new RegExp(`^A:`) }).tap();
    await pages[1]!.getByRole('button', { name: new RegExp(`^B:`) }).tap();
    await pages[2]!.getByRole('button', { name: new RegExp(`^B:`) }).tap();
    // Changed mind: the first phone moves to B; still one vote for it.
    await pages[0]!.getByText('Äänesi on kirjattu').waitFor();
    await pages[0]!.getByRole('button', { name: new RegExp(`^B:`) }).tap();
    await expect.poll(() => live.count(card.id, card.options.map((o) => o.id)).tally).toEqual(Object.fromEntries(card.options.map((o) => [o.id, o.id === second!.id ? 3 : 0])));
    expect(live.count(card.id, card.options.map((o) => o.id)).byTeam).toEqual({ t1: { [second!.id]: 2 } });
    await expect(pages[0]!.getByRole('button', { name: /^B:/ }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect.poll(() => pages[1]!.getByText('Äänestäneitä: 3/3').count()).toBe(1);
    void first;

    // The reveal: the chart with the counts and the principles.
    const tally = live.count(card.id, card.options.map((o) => o.id)).tally;
    publishCard(card, 'revealed', { reveal: { card: card.id, tally, teamChoices: { t1: second!.id }, followed: second!.id } });
    for (const page of pages) await page.getByRole('heading', { name: 'Tulokset' }).waitFor();
    await expect(pages[2]!.getByText('Ääniä: 3').count()).resolves.toBe(1);
    await expect(pages[2]!.getByText('Sinun äänesi').count()).resolves.toBe(1);

    // The debrief: ideas for actions reach the console.
    live.publish({ phase: 'debrief', card: null, reveal: null });
    await pages[0]!.getByLabel(/Ehdota toimenpidettä/).fill('Julkaistaan valmisteluaikataulu lausuntopalvelussa');
    await pages[0]!.getByRole('button', { name: 'Lähetä ehdotus' }).tap();
    await pages[0]!.getByText('Ehdotuksia lähetetty: 1').waitFor();
    await expect.poll(() => live.ideas().map((i) => [i.text, i.nickname, i.team])).toEqual([['Julkaistaan valmisteluaikataulu lausuntopalvelussa', 'Maija', 't1']]);

    // A phone asks only for what the join view shows: its UI strings, no others, and no local storage.
    const asked = await pages[0]!.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    expect(asked.filter((path) => /\/assets\/(shell|join)-[\w-]{8}\.js$/.test(path))).toHaveLength(2);
    expect(asked.filter((path) => /\/assets\/((more|course)-[\w-]{8}|progress-[\w-]+)\.js$/.test(path))).toEqual([]);
  });

  it('keeps a vote cast offline and counts it once when the phone is back', async () => {
    const card = cards[2]!;
    publishCard(card, 'open');
    const page = await phone();
    await page.goto(`${front.url}#/join/${live.options.code}`);
    await page.getByRole('radio', { name: 'Äänestän yksin' }).tap();
    await page.getByRole('button', { name: 'Valmis' }).tap();
    await page.getByRole('heading', { name: card.title }).waitFor();
    const before = live.count(card.id, card.options.map((o) => o.id)).voted;
    front.setNetworkDown(true);
    await page.getByText('Yhteys katkesi.', { exact: false }).waitFor();
    await page.locator('.live-option').first().tap();
    await page.getByText('Äänesi lähtee, kun yhteys palaa.').waitFor();
    await page.waitForTimeout(500);
    expect(live.count(card.id, card.options.map((o) => o.id)).voted).toBe(before);
    front.setNetworkDown(false);
    await page.getByText('Äänesi on kirjattu', { exact: false }).waitFor({ timeout: 20_000 });
    await expect.poll(() => live.count(card.id, card.options.map((o) => o.id)).voted).toBe(before + 1);
    // A reload sends nothing twice.
    await page.reload();
    await page.getByRole('heading', { name: card.title }).waitFor();
    await page.waitForTimeout(500);
    expect(live.count(card.id, card.options.map((o) => o.id)).voted).toBe(before + 1);
  });

  it('says clearly when a code is mistyped or the room does not exist', async () => {
    const page = await phone(320);
    await page.goto(`${front.url}#/join`);
    await page.getByLabel('Liittymiskoodi').fill('abc');
    await page.getByRole('button', { name: 'Liity' }).tap();
    await page.getByText(/Koodissa on 8 merkkiä/).waitFor();
    await page.getByLabel('Liittymiskoodi').fill('7kmn-a4cx');
    await page.getByRole('button', { name: 'Liity' }).tap();
    await page.getByText('Tällä koodilla ei ole käynnissä olevaa työpajaa. Tarkista koodi.').waitFor();
  });

  it('phone views pass axe at 320 px in fi, sv and en', async () => {
    const card = cards[1]!;
    live.publish({ phase: 'lobby', card: null, reveal: null });
    for (const [lang, label] of [
      ['fi', 'Suomi'],
      ['sv', 'Svenska'],
      ['en', 'English'],
    ] as const) {
      const page = await phone(320);
      await page.goto(`${front.url}#/join`);
      if (lang !== 'fi') {
        await page.getByRole('button', { name: label, exact: true }).tap();
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      }
      await audit(page, `code form (${lang})`);
      await page.goto(`${front.url}#/join/${live.options.code}`);
      await page.locator('fieldset input[type=radio]').first().waitFor();
      await audit(page, `set-up (${lang})`);
      await page.locator('fieldset input[type=radio]').first().tap();
      await page.locator('form button[type=submit]').tap();
      publishCard(card, 'open');
      await page.locator('.live-option').first().waitFor();
      await page.locator('.live-option').first().tap();
      await audit(page, `card (${lang})`);
      publishCard(card, 'revealed', { reveal: { card: card.id, tally: live.count(card.id, card.options.map((o) => o.id)).tally, teamChoices: {}, followed: null } });
      await page.locator('.live-results').waitFor();
      await audit(page, `results (${lang})`);
      live.publish({ phase: 'debrief', card: null, reveal: null });
      await page.locator('#live-idea').waitFor();
      await audit(page, `debrief (${lang})`);
      live.publish({ phase: 'lobby', card: null, reveal: null });
    }
  });
});
