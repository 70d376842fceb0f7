/**
 * Two workshop server instances sharing rooms through Redis (Debian's redis-server on a free port,
 * nothing on disk): the console in Chromium on one instance, two phones on the other.
 */
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import type { CompiledGame } from '../../src/content/game-schema';
import { isDecision } from '../../src/game/workshop-session/machine';
import { DEFAULTS } from '../../src/workshop-server/config';
import { startWorkshopServer } from '../../src/workshop-server/server';
import { CHROMIUM_ARGS } from './browser';
import { siteDir } from './global-setup';
import { serveSiteWithWorkshop } from './live-proxy';
import { startRedis } from '../unit/live-helpers';

const GAME = 'avoimuusdilemmat';
const game = buildContent(join(import.meta.dirname, '../..'), [GAME]).games.find((g) => g.meta.id === GAME)!.compiled.fi as CompiledGame;
const TEAMS = ['Kunta', 'Ministeriö'];

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

async function context(options: Parameters<Browser['newContext']>[0]) {
  const c = await browser.newContext({ locale: 'fi-FI', bypassCSP: true, ...options });
  contexts.push(c);
  return c;
}

describe('a live workshop on two server instances', () => {
  it('serves one room from two instances through Redis: the console on one, the phones on the other', async () => {
    const redis = await startRedis();
    const a = await startWorkshopServer({ ...DEFAULTS, port: 0, quiet: true, redisUrl: redis.url });
    const b = await startWorkshopServer({ ...DEFAULTS, port: 0, quiet: true, redisUrl: redis.url });
    const frontA = await serveSiteWithWorkshop(siteDir, '/k/', a.url);
    const frontB = await serveSiteWithWorkshop(siteDir, '/k/', b.url);
    try {
      const page = await (await context({ viewport: { width: 1280, height: 900 } })).newPage();
      await page.goto(`${frontA.url}#/game/${GAME}/workshop`);
      await page.getByRole('button', { name: 'Avaa työpaja puhelimille' }).click();
      const code = (await page.locator('.live-panel .live-code').textContent())!.replace('-', '');
      await page.locator('#team-count').selectOption('2');
      for (const [i, name] of TEAMS.entries()) await page.getByLabel(`Tiimin ${i + 1} nimi`).fill(name);
      await page.getByRole('button', { name: 'Aloita työpaja' }).click();
      for (let i = 0; i < 10; i++) {
        const title = (await page.locator('.console-stage h1').textContent())!;
        if (isDecision(Object.values(game.scenes).find((s) => s.title === title))) break;
        await page.locator('.console-controls .actions button').last().click();
        await expect.poll(() => page.locator('.console-stage h1').textContent()).not.toBe(title);
      }
      const title = (await page.locator('.console-stage h1').textContent())!;
      for (const team of TEAMS) {
        const phone = await (await context({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true })).newPage();
        await phone.goto(`${frontB.url}#/join/${code}`);
        await phone.getByRole('radio', { name: team }).tap();
        await phone.getByRole('button', { name: 'Valmis' }).tap();
        await phone.getByRole('heading', { name: title }).waitFor();
        await phone.locator('.live-option').last().tap();
        await phone.getByText('Äänesi on kirjattu', { exact: false }).waitFor();
      }
      await expect.poll(() => page.locator('.console-stage .stage-recorded').textContent()).toBe('Valinnan kirjanneet tiimit: 2/2');
      for (const team of TEAMS) expect(await page.getByRole('group', { name: team }).getByRole('radio').last().isChecked()).toBe(true);
    } finally {
      for (const c of contexts.splice(0)) await c.close();
      await frontA.close();
      await frontB.close();
      await a.close();
      await b.close();
      await redis.stop();
    }
  }, 120_000);
});
