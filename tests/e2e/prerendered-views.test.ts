/**
 * Views drawn at build time (src/app/prerender-plugin.ts), with the app's Content-Security-Policy in
 * force: the catalogue in index.html and a course's pages as files beside it show in the learner's
 * language before any of the app's code has run, the app's code is asked for only after that first
 * paint, the app takes the same markup over, and a learner who acts before the app has started
 * loses nothing.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { browserForSuite, type Browser } from './browser';

const isEntry = (url: URL) => /\/assets\/index-[^/]+\.js$/.test(url.pathname);
const appStarted = (page: Page) => page.waitForFunction(() => document.title.includes(' – '), null, { timeout: 10_000 });

/** Holds the app's entry script back until release() (a slow line). */
function heldEntry() {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  return {
    release: () => release(),
    entry: async (route: Route) => {
      await held;
      await route.continue();
    },
  };
}

async function open(browser: Browser, options: { saved?: string; browserLang?: string; hash?: string; entry?: (route: Route) => unknown } = {}): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript(({ saved, browserLang }) => {
    if (saved) localStorage.setItem('kohtaamo.lang', saved);
    else localStorage.removeItem('kohtaamo.lang');
    if (browserLang) Object.defineProperty(navigator, 'languages', { get: () => [browserLang] });
  }, { saved: options.saved ?? '', browserLang: options.browserLang ?? '' });
  if (options.entry) await page.route(isEntry, options.entry);
  await page.goto(`${inject('siteUrl')}${options.hash ?? '#/'}`);
  return page;
}

describe('the catalogue in the page', () => {
  // Once a service worker serves the app's code, course views are not fetched: each test is a first visit.
  const browser = browserForSuite({ enforceCSP: true, firstVisits: true });
  for (const c of [
    { who: 'a Finnish browser', options: {}, lang: 'fi', h1: 'Kurssit ja pelit', skip: 'Siirry pääsisältöön' },
    { who: 'a saved Swedish choice', options: { saved: 'sv' }, lang: 'sv', h1: 'Kurser och spel', skip: 'Gå till huvudinnehållet' },
    { who: 'an English browser', options: { browserLang: 'en-GB' }, lang: 'en', h1: 'Courses and games', skip: 'Skip to main content' },
  ]) {
    it(`shows in the learner's language without the app's code (${c.who}), and its skip link works`, async () => {
      const page = await open(browser.current, { ...c.options, entry: (route) => route.abort() });
      try {
        await expect.poll(() => page.locator('h1').textContent()).toBe(c.h1);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(c.lang);
        expect(await page.locator('.card').count()).toBe(7);
        expect(await page.locator('.card h3').first().textContent()).toBeTruthy();
        // Only the chosen language is in the document; the others stay in their templates.
        expect(await page.locator('h1').count()).toBe(1);
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(c.skip);
        await page.keyboard.press('Enter');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
        expect(new URL(page.url()).hash).toBe('#/');
      } finally {
        await page.close();
      }
    });
  }

  it("asks for the app's code only after the first paint, then takes over the same markup", async () => {
    const page = await open(browser.current);
    try {
      await page.evaluate(() => ((window as unknown as { h1: Element | null }).h1 = document.querySelector('h1')));
      await appStarted(page);
      const seen = await page.evaluate(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]!.startTime;
        const scripts = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js'));
        return {
          fcp,
          firstScript: Math.min(...scripts.map((e) => e.startTime)),
          scripts: scripts.length,
          sameHeading: (window as unknown as { h1: Element | null }).h1 === document.querySelector('h1'),
          headings: document.querySelectorAll('h1').length,
          marks: [document.documentElement.getAttribute('data-prerendered'), document.getElementById('app')!.getAttribute('data-prerendered')],
        };
      });
      expect(seen.scripts).toBeGreaterThan(1);
      expect(seen.firstScript).toBeGreaterThanOrEqual(seen.fcp);
      expect(seen.sameHeading).toBe(true); // hydrated, not drawn again
      expect(seen.headings).toBe(1);
      expect(seen.marks).toEqual([null, null]);
      // The app is live: its status comes from storage, and its language switch works.
      await expect.poll(() => page.locator('.card .status').first().textContent()).toContain('Ei aloitettu');
      await page.getByRole('button', { name: 'Svenska' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Kurser och spel');
      expect(await page.locator('h1').count()).toBe(1);
      // Back to Finnish: the app keeps the choice in its stored profile too, for the tests after this one.
      await page.getByRole('button', { name: 'Suomi' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Kurssit ja pelit');
    } finally {
      await page.evaluate(() => localStorage.removeItem('kohtaamo.lang'));
      await page.close();
    }
  });

  it('switches language before the app has started, keeps the choice, and the app starts in it', async () => {
    const slow = heldEntry();
    const page = await open(browser.current, { entry: slow.entry });
    try {
      await page.getByRole('button', { name: 'Svenska' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('h1').textContent()).toBe('Kurser och spel');
      expect(await page.evaluate(() => [document.documentElement.lang, localStorage.getItem('kohtaamo.lang'), document.activeElement?.textContent])).toEqual(['sv', 'sv', 'Svenska']);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.evaluate(() => document.title)).toBe('Kohtaamo'); // the app has not started
      slow.release();
      await appStarted(page);
      expect(await page.evaluate(() => document.title)).toBe('Kurser och spel – Kohtaamo');
      await expect.poll(() => page.locator('.card .status').first().textContent()).toContain('Inte påbörjad');
      expect(await page.locator('h1').count()).toBe(1);
    } finally {
      slow.release();
      await page.evaluate(() => localStorage.removeItem('kohtaamo.lang'));
      await page.close();
    }
  });

  it('opens the course a learner chose before the app had started', async () => {
    const slow = heldEntry();
    const page = await open(browser.current, { entry: slow.entry });
    try {
      await page.locator('.card a.button').first().click();
      expect(new URL(page.url()).hash).toBe('#/course/avoin-hallinto');
      slow.release();
      await appStarted(page);
      await expect.poll(() => page.locator('.course-intro h1').textContent()).toBe('Avoin hallinto on käytännön tekoja');
      expect(await page.locator('.catalogue').count()).toBe(0);
      expect(await page.locator('h1').count()).toBe(1);
    } finally {
      slow.release();
      await page.close();
    }
  });
});

describe('a course page drawn at build time', () => {
  const browser = browserForSuite({ enforceCSP: true, firstVisits: true });
  const pageHash = '#/course/avoin-hallinto/perusteet/lyhyesti';

  it("shows in the learner's language without the app's code, and its skip link works", async () => {
    const page = await open(browser.current, { hash: pageHash, saved: 'sv', entry: (route) => route.abort() });
    try {
      await expect.poll(() => page.locator('.page h1').textContent()).toBe('Öppen förvaltning i korthet');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
      expect(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.includes('/pages/')))).toEqual([
        expect.stringMatching(/\/pages\/sv\/avoin-hallinto\/perusteet\/lyhyesti\.html$/),
      ]);
      expect(await page.locator('.pager').getByRole('link').count()).toBeGreaterThan(0);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      expect(new URL(page.url()).hash).toBe(pageHash);
    } finally {
      await page.close();
    }
  });

  it('is taken over by the app node for node, which then records the visit', async () => {
    const page = await open(browser.current, { hash: pageHash });
    try {
      await page.evaluate(() => ((window as unknown as { drawn: Element[] }).drawn = [...document.querySelectorAll('#app *')]));
      await appStarted(page);
      const seen = await page.evaluate(() => {
        const drawn = (window as unknown as { drawn: Element[] }).drawn;
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]!.startTime;
        const scripts = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js'));
        return { drawn: drawn.length, kept: drawn.filter((n) => n.isConnected).length, firstScript: Math.min(...scripts.map((e) => e.startTime)), fcp };
      });
      expect(seen.drawn).toBeGreaterThan(50);
      expect(seen.kept).toBe(seen.drawn);
      expect(seen.firstScript).toBeGreaterThanOrEqual(seen.fcp);
      await expect.poll(() => page.locator('.progress-box label').textContent()).toMatch(/^Luettu 1\/\d+ sivua$/);
    } finally {
      await page.close();
    }
  });

  it('keeps a button pressed before the app had started: the page list opens on a phone once it has', async () => {
    const slow = heldEntry();
    const page = await open(browser.current, { hash: pageHash, entry: slow.entry });
    try {
      await page.setViewportSize({ width: 412, height: 823 });
      await expect.poll(() => page.locator('.page h1').textContent()).toBe('Avoin hallinto lyhyesti');
      const toggle = page.getByRole('button', { name: 'Kurssin sivut' });
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.title)).toBe('Kohtaamo'); // the app has not started
      expect(new URL(page.url()).hash).toBe(pageHash); // nothing navigated or reloaded
      slow.release();
      await appStarted(page);
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await page.locator('.module-list').isVisible()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Kurssin sivut');
    } finally {
      slow.release();
      await page.close();
    }
  });

  it('follows a link the learner chose before the app had started', async () => {
    const slow = heldEntry();
    const page = await open(browser.current, { hash: pageHash, entry: slow.entry });
    try {
      await expect.poll(() => page.locator('.page h1').textContent()).toBe('Avoin hallinto lyhyesti');
      await page.locator('.pager').getByRole('link', { name: /^Seuraava/ }).click();
      expect(new URL(page.url()).hash).toBe('#/course/avoin-hallinto/perusteet/tekijat');
      slow.release();
      await appStarted(page);
      await expect.poll(() => page.locator('.page h1').textContent()).toBe('Kuka avointa hallintoa tekee');
      expect(await page.locator('h1').count()).toBe(1);
    } finally {
      slow.release();
      await page.close();
    }
  });
});
