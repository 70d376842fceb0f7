/**
 * `npm run bench`: builds the product and measures it; prints one JSON document (also written to
 * tests/.output/bench.json) with every figure and a pass/fail against tests/bench/budgets.json.
 * Figures, not tests: nothing here is part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { createActor } from 'xstate';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Page } from 'playwright-core';
import { buildContent } from '../../src/content/build-content.ts';
import { createGameMachine, possibleEvents, type GameSnapshot } from '../../src/game/machine.ts';
import { packageContent } from '../../src/lms/packager/package.ts';
import { startPreview } from '../../src/lms/preview/server.ts';
import { CHROMIUM_ARGS, launch, removeProfile } from '../e2e/browser.ts';
import { serveFolder } from '../e2e/static-server.ts';
import { serveSiteWithWorkshop } from '../e2e/live-proxy.ts';
import { benchLive } from './live.ts';
import WebSocket from 'ws';
import { LiveConsole, createRoom } from '../../src/live/console-client.ts';
import { DEFAULTS } from '../../src/workshop-server/config.ts';
import { startWorkshopServer } from '../../src/workshop-server/server.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const out = join(root, 'tests/.output');
const siteDir = join(out, 'bench-site');
const budgets = JSON.parse(readFileSync(join(root, 'tests/bench/budgets.json'), 'utf8')) as Record<string, { max?: number; min?: number; note: string }>;
const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const log = (text: string) => process.stderr.write(`${text}\n`);

function buildSite(): number {
  const env: NodeJS.ProcessEnv = { ...process.env, KOHTAAMO_OUT_DIR: siteDir };
  delete env.VITEST;
  delete env.NODE_ENV;
  const start = performance.now();
  const result = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('vite build failed');
  return performance.now() - start;
}

/**
 * Gzipped bytes of the JS and CSS the browser had asked for by the moment the app had drawn `ready`
 * (the document title then names the view): what is needed to show the view. The catalogue is in
 * the HTML before that; this counts the code that makes it live. Files fetched afterwards (local
 * storage, say) are listed apart.
 */
async function transferred(url: string, hash: string, ready: string) {
  const browser = await launch();
  await browser.context.addInitScript((selector: string) => {
    const w = window as unknown as { shownAt?: number };
    new MutationObserver((_, observer) => {
      if (document.querySelector(selector) && document.title.includes(' – ')) {
        w.shownAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, ready);
  await browser.page.goto(`${url}${hash}`);
  await browser.page.waitForFunction((selector) => document.querySelector(selector) && document.title.includes(' – '), ready, { timeout: 20_000 });
  await browser.page.waitForTimeout(500);
  const entries = await browser.page.evaluate(() => {
    const shownAt = (window as unknown as { shownAt: number }).shownAt;
    return performance
      .getEntriesByType('resource')
      .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, before: e.startTime <= shownAt }))
      .filter((e) => /\.(js|css)$/.test(e.path));
  });
  await browser.close();
  removeProfile(browser.profile);
  const prefix = new URL(url).pathname;
  const size = (path: string) => gzipSync(readFileSync(join(siteDir, path.slice(prefix.length))), { level: 9 }).length;
  const needed: Record<string, number> = {};
  const later: Record<string, number> = {};
  for (const e of entries) (e.before ? needed : later)[e.path.slice(prefix.length)] = size(e.path);
  return { gzipBytes: Object.values(needed).reduce((a, b) => a + b, 0), files: needed, loadedAfterShown: later };
}

async function runLighthouse(url: string) {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: CHROMIUM_ARGS });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    const lhr = result!.lhr;
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    return {
      performance: lhr.categories.performance?.score ?? 0,
      accessibility: lhr.categories.accessibility?.score ?? 0,
      lcpMs: round(audit('largest-contentful-paint'), 0),
      tbtMs: round(audit('total-blocking-time'), 0),
      cls: round(audit('cumulative-layout-shift'), 3),
      totalByteWeight: audit('total-byte-weight'),
    };
  } finally {
    await chrome.kill();
  }
}

async function storageTimings(url: string) {
  const bundle = await esbuild({ entryPoints: [join(root, 'tests/bench/storage-probe.ts')], bundle: true, format: 'iife', write: false, platform: 'browser', logLevel: 'error' });
  const browser = await launch();
  try {
    await browser.page.goto(url);
    await browser.page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    return (await browser.page.evaluate(() => (window as unknown as { kohtaamoBench: () => Promise<object> }).kohtaamoBench())) as { recordAnswerMedianMs: number; resume500AnswersMs: number };
  } finally {
    await browser.close();
    removeProfile(browser.profile);
  }
}

function gameMoves(moves = 10_000) {
  const content = buildContent(root);
  const figures: Record<string, { ms: number; plays: number }> = {};
  for (const g of content.games) {
    const game = g.compiled[g.languages[0]!]!;
    const machine = createGameMachine(game);
    let actor = createActor(machine).start();
    let plays = 0;
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const start = performance.now();
    for (let i = 0; i < moves; i++) {
      const snapshot = actor.getSnapshot() as GameSnapshot;
      const events = possibleEvents(game, snapshot);
      if (snapshot.status === 'done' || events.length === 0) {
        actor.stop();
        actor = createActor(machine).start();
        plays++;
        continue;
      }
      actor.send(events[Math.floor(random() * events.length)]!);
    }
    figures[game.id] = { ms: round(performance.now() - start), plays };
  }
  return figures;
}

/** Peak JS heap while a learner reads every page and takes the final test. */
async function peakHeap(url: string) {
  const content = buildContent(root);
  const course = content.courses.find((c) => c.meta.id === 'avoin-hallinto')!.compiled.fi!;
  const browser = await launch();
  const page: Page = browser.page;
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let peak = 0;
  const sample = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    peak = Math.max(peak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
  };
  try {
    const pages = course.modules.flatMap((m) => m.pages.map((p) => `#/course/${course.id}/${m.id}/${p.id}`));
    await page.goto(`${url}#/course/${course.id}`);
    await page.waitForSelector('h1');
    for (const hash of pages) {
      await page.evaluate((h) => (location.hash = h), hash);
      await page.waitForFunction((h) => location.hash === h && document.querySelector('h1'), hash);
      await page.waitForTimeout(40);
      await sample();
    }
    await page.evaluate((h) => (location.hash = h), `#/course/${course.id}/test`);
    await page.locator('.final-test .actions button').click();
    await page.waitForSelector('.test-questions > li');
    for (const li of await page.locator('.test-questions > li').all()) {
      const radio = li.locator('input[type="radio"], input[type="checkbox"]').first();
      if (await radio.count()) await radio.check();
      for (const select of await li.locator('select').all()) await select.selectOption({ index: 1 });
      await sample();
    }
    await page.locator('.final-test > .actions button').click();
    await page.waitForSelector('.result-summary');
    await sample();
    return peak;
  } finally {
    await browser.close();
    removeProfile(browser.profile);
  }
}

/** Bytes a phone loads to show the join view with the game's content, the room served from the same origin. */
async function participantFirstLoad() {
  const server = await startWorkshopServer({ ...DEFAULTS, port: 0, quiet: true });
  const front = await serveSiteWithWorkshop(siteDir, '/bench/', server.url);
  const live = new LiveConsole({ ...(await createRoom(server.url)), WebSocketPolyfill: WebSocket, log: () => undefined });
  try {
    live.publish({ gameId: 'avoimuusdilemmat', lang: 'fi', mode: 'teams', teams: [{ id: 't1', name: 'A' }], phase: 'lobby', card: null, reveal: null });
    return await transferred(front.url, `#/join/${live.options.code}`, '.live-join[data-game]');
  } finally {
    live.destroy();
    await front.close();
    await server.close();
  }
}

/** Sum of the files the service worker precaches (sw.js's manifest), raw and gzipped. */
function precacheSize() {
  const sw = readFileSync(join(siteDir, 'sw.js'), 'utf8');
  const files = [...sw.matchAll(/url:\s*"([^"]+)"/g)].map((m) => m[1]!);
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const data = readFileSync(join(siteDir, file));
    bytes += data.length;
    gzipBytes += /\.(png|jpe?g|webp|gif)$/.test(file) ? data.length : gzipSync(data, { level: 9 }).length;
  }
  return { files: files.length, bytes, gzipBytes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Milliseconds from a document's start to the moment a course's `main h1` is in it, in a fresh browser. */
async function timeToContent(url: string, inFrame: boolean, before?: (page: Page) => Promise<void>): Promise<number> {
  const browser = await launch();
  try {
    await browser.context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        // The course's own heading (a package must not count anything it shows on the way).
        if (location.hash.startsWith('#/course/') && document.querySelector('main h1')) {
          (window as unknown as { shownAt?: number }).shownAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    if (before) await before(browser.page);
    await browser.page.goto(url);
    const frame = async () => (inFrame ? browser.page.frames().find((f) => f.url().includes('/content/')) : browser.page.mainFrame());
    for (let i = 0; i < 200; i++) {
      const f = await frame();
      const shown = f && (await f.evaluate(() => (window as unknown as { shownAt?: number }).shownAt).catch(() => undefined));
      if (shown !== undefined) return shown;
      await browser.page.waitForTimeout(50);
    }
    throw new Error(`no content shown at ${url}`);
  } finally {
    await browser.close();
    removeProfile(browser.profile);
  }
}

/**
 * A SCORM 1.2 package launched from the preview LMS (scorm-again), from the SCO page's start to its
 * first content, without and with earlier CMI data, beside the same course on the plain site.
 */
async function packageStartup(siteUrl: string, zip: string, courseId: string, runs = 3) {
  const dataFile = join(out, 'bench-cmi.json');
  const site: number[] = [];
  const fresh: number[] = [];
  const resumed: number[] = [];
  for (let i = 0; i < runs; i++) {
    site.push(await timeToContent(`${siteUrl}#/course/${courseId}`, false));
    rmSync(dataFile, { force: true }); // no earlier CMI data
    const preview = await startPreview(zip, { dataFile });
    try {
      fresh.push(await timeToContent(preview.url, true));
    } finally {
      await preview.close();
    }
  }
  // Earlier CMI data: a learner read a few pages, the LMS committed, then came back on another browser.
  const preview = await startPreview(zip, { dataFile });
  try {
    const browser = await launch();
    await browser.page.goto(preview.url);
    const frame = () => browser.page.frames().find((f) => f.url().includes('/content/'));
    for (let i = 0; i < 200 && !(await frame()?.locator('main h1').count().catch(() => 0)); i++) await browser.page.waitForTimeout(100);
    await frame()!.getByRole('link', { name: 'Aloita kurssi' }).click();
    for (let i = 0; i < 3; i++) await frame()!.locator('a[rel="next"]').click();
    await browser.page.getByRole('button', { name: 'Relaunch' }).click();
    const held = () => (preview.cmi() as { cmi?: { suspend_data?: string } } | null)?.cmi?.suspend_data;
    for (let i = 0; i < 100 && !held(); i++) await browser.page.waitForTimeout(100);
    await browser.close();
    removeProfile(browser.profile);
    if (!held()) throw new Error('the preview LMS holds no suspend data to resume from');
    for (let i = 0; i < runs; i++) resumed.push(await timeToContent(preview.url, true));
  } finally {
    await preview.close();
  }
  return { siteMs: round(median(site), 0), packageNoCmiMs: round(median(fresh), 0), packageWithCmiMs: round(median(resumed), 0), samples: { site, fresh, resumed } };
}

function check(name: string, value: number) {
  const budget = budgets[name];
  if (!budget) return undefined;
  const pass = (budget.max === undefined || value <= budget.max) && (budget.min === undefined || value >= budget.min);
  return { value, ...(budget.max !== undefined ? { max: budget.max } : {}), ...(budget.min !== undefined ? { min: budget.min } : {}), pass, budget: budget.note };
}

async function main() {
  mkdirSync(out, { recursive: true });
  log('Building…');
  const buildMs = buildSite();
  const { url, server } = await serveFolder(siteDir, '/bench/');
  try {
    log('Bytes to show the catalogue and a course page…');
    const catalogue = await transferred(url, '#/', '.card');
    const coursePage = await transferred(url, '#/course/avoin-hallinto/perusteet/lyhyesti', '.page h1');
    if (process.argv.includes('--sizes')) {
      console.log(JSON.stringify({ catalogue, coursePage }, null, 2));
      return;
    }
    if (process.argv.includes('--quick')) {
      // Sizes and Lighthouse only, for quick before/after comparisons while working on the first view.
      const lhCatalogue = await runLighthouse(`${url}#/`);
      const lhCourse = await runLighthouse(`${url}#/course/avoin-hallinto/perusteet/lyhyesti`);
      console.log(JSON.stringify({ catalogue, coursePage, precache: precacheSize(), lighthouse: { catalogue: lhCatalogue, coursePage: lhCourse } }, null, 2));
      return;
    }
    log('SCORM packages…');
    const pkgDir = join(out, 'bench-packages');
    rmSync(pkgDir, { recursive: true, force: true });
    const built = packageContent([], pkgDir, true);
    const packages = built.map((p) => ({ file: p.zip.split('/').pop()!, bytes: p.bytes, version: p.version }));
    log('Package start-up in the preview LMS beside the site…');
    const zip12 = built.find((p) => p.id === 'avoin-hallinto' && p.version === '1.2')!.zip;
    const startup = await packageStartup(url, zip12, 'avoin-hallinto');
    const precache = precacheSize();
    log('Lighthouse (mobile, simulated throttling)…');
    const lhCatalogue = await runLighthouse(`${url}#/`);
    const lhCourse = await runLighthouse(`${url}#/course/avoin-hallinto/perusteet/lyhyesti`);
    log('IndexedDB timings…');
    const storage = await storageTimings(url);
    log('Game machines…');
    const games = gameMoves();
    log('Heap during a course run…');
    const heap = await peakHeap(url);
    log('A participant\'s first load…');
    const participant = await participantFirstLoad();
    const live = await benchLive(log);

    const largest12 = Math.max(...packages.filter((p) => p.version === '1.2').map((p) => p.bytes));
    const results = {
      catalogueJsCssGzipBytes: check('catalogueJsCssGzipBytes', catalogue.gzipBytes),
      firstCoursePageGzipBytes: check('firstCoursePageGzipBytes', coursePage.gzipBytes),
      scorm12PackageBytes: check('scorm12PackageBytes', largest12),
      lighthousePerformance: check('lighthousePerformance', Math.min(lhCatalogue.performance, lhCourse.performance)),
      lighthouseAccessibility: check('lighthouseAccessibility', Math.min(lhCatalogue.accessibility, lhCourse.accessibility)),
      lcpCatalogueMs: check('lcpCatalogueMs', lhCatalogue.lcpMs),
      lcpCoursePageMs: check('lcpCoursePageMs', lhCourse.lcpMs),
      packageSlowerThanSiteMs: check('packageSlowerThanSiteMs', Math.max(startup.packageNoCmiMs, startup.packageWithCmiMs) - startup.siteMs),
      recordAnswerMedianMs: check('recordAnswerMedianMs', round(storage.recordAnswerMedianMs)),
      resume500AnswersMs: check('resume500AnswersMs', round(storage.resume500AnswersMs)),
      participantFirstLoadGzipBytes: check('participantFirstLoadGzipBytes', participant.gzipBytes),
      liveVoteP95Ms: check('liveVoteP95Ms', live.oneRoom300.p95Ms),
      liveServerRss20x40Bytes: check('liveServerRss20x40Bytes', live.rooms20x40.rssBytes),
      liveRedisVoteP95Ms: check('liveRedisVoteP95Ms', live.redisTwoInstances300.p95Ms),
    };
    const report = {
      measuredAt: new Date().toISOString(),
      node: process.version,
      buildMs: round(buildMs, 0),
      bytes: { catalogue, coursePage, participant, packages },
      live,
      lighthouse: { catalogue: lhCatalogue, coursePage: lhCourse },
      packageStartup: startup,
      precache,
      storage,
      gameMachines10kRandomMoves: games,
      peakJsHeapBytesCourseRun: heap,
      budgets: results,
      allWithinBudget: Object.values(results).every((r) => r?.pass),
    };
    const text = JSON.stringify(report, null, 2);
    writeFileSync(join(out, 'bench.json'), `${text}\n`);
    console.log(text);
  } finally {
    server.close();
    if (existsSync(siteDir)) rmSync(siteDir, { recursive: true, force: true });
  }
}

// Awaited: Vite's module runner (src/tools/vite-run.mjs) closes once this module is done, and
// later dynamic imports would find it closed.
await main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
