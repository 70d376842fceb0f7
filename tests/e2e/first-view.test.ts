/**
 * First-view hints, with the app's Content-Security-Policy in force: the inline script in
 * index.html runs (its hash is allowed), asks for exactly the files the first view then uses,
 * nothing is downloaded twice, and no view waits on a fallback timer. A view counts as shown when
 * the app has drawn it (the document title names it): the catalogue is in the page before that.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, removeProfile, type Browser } from './browser';
import { siteDir } from './global-setup';

const cases = [
  { name: 'catalogue', hash: '#/', ready: '.card' },
  { name: 'course page', hash: '#/course/avoin-hallinto/perusteet/lyhyesti', ready: '.page h1' },
  { name: 'course page with a knowledge check', hash: '#/course/avoin-hallinto/perusteet/miksi', ready: '.quiz .check' },
  { name: 'course page in Swedish (saved choice)', hash: '#/course/selkea-kieli', ready: '.course-intro h1', saved: 'sv' },
  { name: 'game', hash: '#/game/palvelutiski', ready: '.game-intro h1' },
  { name: 'good practices in English (browser language)', hash: '#/practices', ready: '.library h1', browser: 'en-GB' },
  { name: 'my learning', hash: '#/my', ready: 'main h1' },
];

describe('first-view hints', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(undefined, { enforceCSP: true });
  });
  afterAll(async () => {
    await browser.close();
    removeProfile(browser.profile);
  });

  // The app itself: its entry script and the chunks it imports, which the hint script starts
  // (first-view-hints.ts, AppStart). Everything else is the view's.
  const appFiles: string[] = [];
  beforeAll(() => {
    const start = /"entry":"\.\/assets\/([^"]+)","imports":(\[[^\]]*\])/.exec(readFileSync(join(siteDir, 'index.html'), 'utf8'));
    expect(start).not.toBeNull();
    appFiles.push(start![1]!, ...(JSON.parse(start![2]!) as string[]).map((file) => file.replace('./assets/', '')));
  });

  for (const c of cases) {
    it(`asks at once for what the ${c.name} needs`, async () => {
      const page = await browser.context.newPage();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.addInitScript(
        ({ selector, saved, browserLang }) => {
          const w = window as unknown as { shownAt?: number };
          if (saved) localStorage.setItem('kohtaamo.lang', saved);
          else localStorage.removeItem('kohtaamo.lang');
          if (browserLang) Object.defineProperty(navigator, 'languages', { get: () => [browserLang] });
          // No first view may hang on a fallback timer (storage once waited 1.5 s on some routes).
          const setTimer = window.setTimeout;
          window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => ((ms ?? 0) >= 1000 ? 0 : setTimer(fn, ms, ...rest))) as typeof window.setTimeout;
          new MutationObserver((_, observer) => {
            if (document.querySelector(selector) && document.title.includes(' – ')) {
              w.shownAt = performance.now();
              observer.disconnect();
            }
          }).observe(document, { childList: true, subtree: true });
        },
        { selector: c.ready, saved: c.saved ?? '', browserLang: c.browser ?? '' },
      );
      await page.goto(`${inject('siteUrl')}${c.hash}`);
      await page.waitForFunction((selector) => document.querySelector(selector) && document.title.includes(' – '), c.ready, { timeout: 10_000 });
      const seen = await page.evaluate((app) => {
        const shownAt = (window as unknown as { shownAt: number }).shownAt;
        const scripts = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js'));
        return {
          hinted: [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"][data-first-view]')].map((l) => l.href),
          usedBeforeShown: scripts.filter((e) => e.startTime <= shownAt && !app.includes(new URL(e.name).pathname.split('/').pop()!)).map((e) => e.name),
          fetches: scripts.map((e) => e.name),
          lang: document.documentElement.lang,
        };
      }, appFiles);
      await page.close();
      expect(violations).toEqual([]);
      expect(seen.lang).toBe(c.saved ?? (c.browser ? c.browser.slice(0, 2) : 'fi'));
      expect(seen.hinted.length).toBeGreaterThan(0);
      expect([...seen.hinted].sort()).toEqual([...new Set(seen.usedBeforeShown)].sort());
      expect(seen.fetches.length).toBe(new Set(seen.fetches).size);
    });
  }
});

describe('what ships to the browser', () => {
  it('has no Markdown, YAML or HTML-sanitising code: content arrives compiled and cleaned at build time', () => {
    const markers = { 'markdown-it': 'html_block', yaml: 'YAMLParseError', 'sanitize-html': 'nonTextTags' };
    const assets = join(siteDir, 'assets');
    const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(10);
    for (const file of scripts) {
      const code = readFileSync(join(assets, file), 'utf8');
      for (const [library, marker] of Object.entries(markers)) expect(code.includes(marker), `${library} in ${file}`).toBe(false);
    }
  });
});
