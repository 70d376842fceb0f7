/**
 * Offline use, installing and updates in real Chromium, with the app's Content-Security-Policy in
 * force. The site is a copy of the test build served under a sub-path by a server this file can
 * stop: offline means the browser is offline AND nothing answers, so no request can slip through.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageContent } from '../../src/lms/packager/package';
import { startPreview } from '../../src/lms/preview/server';
import { launch, removeProfile, type Browser } from './browser';
import { siteDir } from './global-setup';
import { serveFolder } from './static-server';
import { answer, shippedCourse } from './support';

const SUB_PATH = '/lms/content/kohtaamo/';

/** A copy of the built site on its own server, which can go away and come back on the same port. */
async function ownSite() {
  const dir = mkdtempSync(join(tmpdir(), 'kohtaamo-offline-site-'));
  cpSync(siteDir, dir, { recursive: true });
  const { url, server } = await serveFolder(dir, SUB_PATH);
  const port = (server.address() as AddressInfo).port;
  return {
    dir,
    url,
    server,
    down: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
    up: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve())),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Waits until the service worker is active: by then it has precached the whole site. */
async function serviceWorkerReady(page: Page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const cached = await caches.keys().then((keys) => Promise.all(keys.map((k) => caches.open(k).then((c) => c.keys())))).then((lists) => lists.flat().map((r) => r.url));
    return { scope: registration.scope, script: registration.active?.scriptURL ?? '', cached };
  });
}

const checkScopeOf = (questionId: string) => `#check-${questionId}-prompt >> xpath=ancestor::section[contains(@class,"check")]`;

describe('after one visit the site works with the network off', () => {
  let site: Awaited<ReturnType<typeof ownSite>>;
  let browser: Browser;
  const requests: string[] = [];
  beforeAll(async () => {
    site = await ownSite();
    site.server.on('request', (req) => requests.push(req.url ?? ''));
    browser = await launch(undefined, { enforceCSP: true });
  });
  afterAll(async () => {
    await browser.close();
    removeProfile(browser.profile);
    await site.down().catch(() => undefined);
    site.remove();
  });

  // Never opened during the online visit: only the precache can have them.
  const course = shippedCourse('kansalaisyhteiskunta');
  const quizPage = course.modules.flatMap((m) => m.pages.map((p) => ({ module: m, page: p }))).find(({ page }) => page.blocks.some((b) => b.type === 'quiz' && course.questions[b.questions[0]!]?.type === 'single'))!;
  const quiz = quizPage.page.blocks.find((b) => b.type === 'quiz')!;
  const question = course.questions[quiz.type === 'quiz' ? quiz.questions[0]! : '']!;

  it('installs a service worker scoped to the sub-path that precaches every course, game, language and icon', async () => {
    const { page } = browser;
    await page.goto(site.url);
    await expect.poll(() => page.locator('.card').count()).toBeGreaterThan(0);
    const sw = await serviceWorkerReady(page);
    expect(sw.scope).toBe(site.url);
    expect(sw.script).toBe(`${site.url}sw.js`);
    const cached = sw.cached.map((u) => new URL(u).pathname.slice(SUB_PATH.length));
    for (const name of ['index.html', 'manifest.webmanifest', 'icons/icon-192.png', 'icons/icon-512.png', 'icons/icon-maskable-512.png', 'robots.txt']) expect(cached).toContain(name);
    // Every script and stylesheet of the build, so every course and game chunk, is in the cache.
    const built = [...readFileSync(join(site.dir, 'sw.js'), 'utf8').matchAll(/url:\s*"(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(built.length).toBeGreaterThan(30);
    for (const file of built) expect(cached).toContain(file);
    // The manifest the page links to is the one in public/, in Finnish, installable.
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!;
      return (await fetch(link.href)).json();
    });
    expect(manifest).toMatchObject({ lang: 'fi', short_name: 'Kohtaamo', start_url: './', scope: './', display: 'standalone', theme_color: '#0b4f8a' });
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('./icons/icon.svg');
  });

  it('reloads offline, opens a course and a game never opened before, and keeps the answers', async () => {
    const { page, context } = browser;
    await site.down();
    await context.setOffline(true);
    requests.length = 0;
    await page.reload();
    await expect.poll(() => page.locator('.card').count()).toBeGreaterThan(0);

    await page.goto(`${site.url}#/course/${course.id}/${quizPage.module.id}/${quizPage.page.id}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(quizPage.page.title);
    const scope = checkScopeOf(question.id);
    await answer(page, scope, question, true);
    await page.locator(scope).getByRole('button', { name: 'Tarkista vastaus' }).click();
    await expect.poll(() => page.locator(scope).locator('.verdict').textContent()).toBe('✓ Oikein!');

    await page.goto(`${site.url}#/game/palvelutiski`);
    await page.getByRole('link', { name: 'Pelaa yksin' }).click();
    await page.locator('.game-options button').first().click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mitä valinnastasi seurasi');

    await page.goto(`${site.url}#/tools/kieli`);
    await expect.poll(() => page.locator('main h1').count()).toBe(1);
    expect(requests).toEqual([]); // the server was down: nothing could have come from it

    // Back online: the answers given offline are there, nothing was lost.
    await site.up();
    await context.setOffline(false);
    await page.goto(`${site.url}#/course/${course.id}/${quizPage.module.id}/${quizPage.page.id}`);
    await page.reload();
    await expect.poll(() => page.locator(scope).locator('.verdict').textContent()).toBe('✓ Oikein!');
    await page.goto(`${site.url}#/my`);
    await expect.poll(() => page.locator('main').textContent()).toContain(course.title);
    await page.goto(`${site.url}#/game/palvelutiski`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Jatka peliä');
  });
});

describe('a new version', () => {
  let site: Awaited<ReturnType<typeof ownSite>>;
  let browser: Browser;
  beforeAll(async () => {
    site = await ownSite();
    browser = await launch(undefined, { enforceCSP: true });
  });
  afterAll(async () => {
    await browser.close();
    removeProfile(browser.profile);
    await site.down().catch(() => undefined);
    site.remove();
  });

  const course = shippedCourse('avoin-hallinto');

  it('is announced, waits for the learner, and keeps an answer in progress when applied', async () => {
    const { page } = browser;
    await page.goto(`${site.url}#/course/${course.id}/test`);
    await serviceWorkerReady(page);
    await page.reload(); // now under the worker's control, as a returning learner is
    await page.getByRole('button', { name: 'Aloita lopputesti' }).click();
    await expect.poll(() => page.locator('.test-questions > li').count()).toBe(course.finalTest!.draw);
    const ids = await page.locator('.test-questions > li').evaluateAll((lis) => lis.map((li) => li.id.replace(/^test-q-/, '')));

    // A new build is deployed: a changed page, and a service worker whose precache says so.
    const html = readFileSync(join(site.dir, 'index.html'), 'utf8');
    const revision = /url:\s*"index\.html",\s*revision:\s*"(\w+)"/.exec(readFileSync(join(site.dir, 'sw.js'), 'utf8'))![1]!;
    writeFileSync(join(site.dir, 'index.html'), html.replace('<meta charset="utf-8" />', '<meta charset="utf-8" />\n    <meta name="kohtaamo-build" content="2" />'));
    writeFileSync(join(site.dir, 'sw.js'), readFileSync(join(site.dir, 'sw.js'), 'utf8').replace(revision, 'f'.repeat(32)));
    // The learner comes back to the page: the browser finds the new worker as the page loads,
    // seconds before the page registers its own (which waits for the first view).
    await page.reload();
    await expect.poll(() => page.locator('.test-questions > li').evaluateAll((lis) => lis.map((li) => li.id.replace(/^test-q-/, ''))), { timeout: 15_000 }).toEqual(ids);
    const notice = page.locator('.update-notice');
    await expect.poll(() => notice.textContent(), { timeout: 20_000 }).toBe('Uusi versio saatavilla – päivitä');
    // Announced, not applied: the page is still the old one, the learner carries on.
    expect(await page.locator('meta[name="kohtaamo-build"]').count()).toBe(0);

    // An answer given just before updating, its write still on its way when the button is pressed.
    const chosen = ids.find((id) => ['single', 'multiple', 'truefalse'].includes(course.questions[id]!.type))!;
    await answer(page, `#test-q-${chosen}`, course.questions[chosen]!, true);
    await Promise.all([page.waitForEvent('load', { timeout: 20_000 }), notice.getByRole('button', { name: 'päivitä' }).click()]);
    await expect.poll(() => page.locator('meta[name="kohtaamo-build"]').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.locator('.test-questions > li').count(), { timeout: 15_000 }).toBe(course.finalTest!.draw);
    await expect.poll(() => page.locator(`#test-q-${chosen} input:checked`).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator('.update-notice').count()).toBe(0);
    // Its steps have their own waits (up to 80 s in all on a loaded machine); the test's timeout only catches a hang.
  }, 180_000);
});

describe('a SCORM package', () => {
  it('registers no service worker and carries no manifest', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'kohtaamo-offline-packages-'));
    const [pkg] = packageContent(['toimintaohjelma'], outDir, true);
    const files = unzipSync(new Uint8Array(readFileSync(pkg!.zip)));
    const names = Object.keys(files);
    expect(names).toContain('icons/icon.svg');
    expect(names.filter((n) => /sw\.js$|workbox|webmanifest|robots\.txt|\.png$/.test(n))).toEqual([]);
    const html = new TextDecoder().decode(files['index.html']);
    expect(html).not.toContain('rel="manifest"');
    const scripts = names.filter((n) => n.endsWith('.js')).map((n) => new TextDecoder().decode(files[n])).join('\n');
    expect(scripts).not.toMatch(/serviceWorker|SKIP_WAITING/);

    const preview = await startPreview(pkg!.zip, { dataFile: join(outDir, 'cmi.json') });
    const browser = await launch(undefined, { enforceCSP: true });
    try {
      await browser.page.goto(preview.url);
      await expect.poll(() => browser.page.frames().some((f) => f.url().includes('/content/')), { timeout: 15_000 }).toBe(true);
      const frame = browser.page.frames().find((f) => f.url().includes('/content/'))!;
      await expect.poll(() => frame.locator('h1').count(), { timeout: 15_000 }).toBe(1);
      await frame.waitForTimeout(2000); // past the moment the site registers its worker
      expect(await frame.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
    } finally {
      await browser.close();
      removeProfile(browser.profile);
      await preview.close();
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 180_000);
});
