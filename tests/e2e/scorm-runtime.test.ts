/**
 * The package's SCORM runtime in Chromium, launched by an LMS that holds it to Moodle's rules
 * (moodle-harness.ts): in every way of leaving, the LMS's call log ends with Terminate/LMSFinish
 * and nothing comes after it; everything is committed when the page becomes hidden; the learner's
 * own exit terminates while the page is alive; garbage resume data brings one plain notice and
 * nothing invalid is written back.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageContent, type BuiltPackage } from '../../src/lms/packager/package';
import { axeViolations, sidewaysOverflow } from './axe';
import { launch, removeProfile, type Browser } from './browser';
import { startHarness, type Harness } from './moodle-harness';
import { shippedCourse } from './support';

const course = shippedCourse('avoin-hallinto');
const outDir = mkdtempSync(join(tmpdir(), 'kohtaamo-runtime-'));
let packages: BuiltPackage[];
let browser: Browser;
const zipOf = (version: '1.2' | '2004') => packages.find((p) => p.version === version)!.zip;

const fresh = (version: '1.2' | '2004', extra: Record<string, unknown> = {}) =>
  version === '1.2'
    ? { core: { student_id: 'm1', student_name: 'Meikäläinen, Maija', entry: 'ab-initio', lesson_mode: 'normal', credit: 'credit', ...extra } }
    : { learner_id: 'm1', learner_name: 'Maija Meikäläinen', entry: 'ab-initio', mode: 'normal', credit: 'credit', ...extra };

beforeAll(async () => {
  packages = packageContent([course.id], outDir, true);
  browser = await launch(undefined, { enforceCSP: true });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  if (browser) removeProfile(browser.profile);
});

async function courseFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes('/content/')), { timeout: 15_000 }).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('/content/'))!;
  await expect.poll(() => frame.locator('h1').count(), { timeout: 15_000 }).toBe(1);
  return frame;
}

/** Opens the package in a new tab of the LMS and reads the first page of the course. */
async function open(version: '1.2' | '2004', cmi: object = fresh(version)) {
  const harness = await startHarness(zipOf(version), cmi);
  const page = await browser.context.newPage();
  await page.goto(harness.url);
  const frame = await courseFrame(page);
  await frame.getByRole('link', { name: 'Aloita kurssi' }).click();
  await expect.poll(() => frame.locator('h1').textContent()).toBe(course.modules[0]!.pages[0]!.title);
  // The first commit has come: exit suspend, location and suspend data with it.
  await expect.poll(() => harness.calls().some((c) => c.call === 'Commit' && c.result === 'true')).toBe(true);
  return { harness, page, frame };
}

/** The log after leaving: it ends with Terminate, once, and no value was refused by Moodle's rules. */
async function expectCleanEnd(harness: Harness) {
  await expect.poll(() => harness.calls().some((c) => c.call === 'Terminate'), { timeout: 10_000 }).toBe(true);
  await new Promise((r) => setTimeout(r, 1_500)); // any stray call (a retry, a late commit) would come now
  const calls = harness.calls();
  expect(calls.map((c) => c.call).at(-1)).toBe('Terminate');
  expect(calls.filter((c) => c.call === 'Terminate')).toHaveLength(1);
  expect(calls.filter((c) => c.mismatch)).toEqual([]);
  const firstCommit = calls.findIndex((c) => c.call === 'Commit');
  const exit = calls.slice(0, firstCommit).find((c) => /exit$/.test(c.element ?? ''));
  expect(exit?.value).toBe('suspend');
  expect(calls.slice(0, firstCommit).some((c) => c.element === 'cmi.suspend_data')).toBe(true);
  await harness.close();
}

describe('every way of leaving ends the session with Terminate and nothing after it', () => {
  for (const version of ['1.2', '2004'] as const) {
    it(`SCORM ${version}: pagehide (the LMS unloads the course frame)`, async () => {
      const { harness, page } = await open(version);
      await page.evaluate(() => {
        (document.getElementById('sco') as HTMLIFrameElement).src = 'about:blank';
      });
      await expectCleanEnd(harness);
      await page.close();
    });

    it(`SCORM ${version}: the iframe removed`, async () => {
      const { harness, page } = await open(version);
      await page.evaluate(() => document.getElementById('sco')!.remove());
      await expectCleanEnd(harness);
      await page.close();
    });

    it(`SCORM ${version}: the course's own exit, while the page is alive`, async () => {
      const { harness, page, frame } = await open(version);
      await frame.getByRole('button', { name: 'Tallenna ja lopeta' }).click();
      await expect.poll(() => frame.locator('.lms-state').textContent()).toContain('Istunto on päättynyt');
      await frame.locator('.pager a[rel="next"]').click(); // still usable, but nothing more is sent
      await expectCleanEnd(harness);
      expect(harness.stored()?.cmi).toBeTruthy();
      await page.close();
    });
  }

  it('SCORM 1.2: navigation away inside the frame', async () => {
    const { harness, page, frame } = await open('1.2');
    await frame.evaluate(() => location.assign('/elsewhere'));
    await expectCleanEnd(harness);
    await page.close();
  });

  it('SCORM 2004: the LMS page itself navigated away (unload)', async () => {
    const { harness, page } = await open('2004');
    await page.goto('about:blank');
    await expectCleanEnd(harness);
    await page.close();
  });

  it('SCORM 1.2: the tab closed', async () => {
    const { harness, page } = await open('1.2');
    await page.close({ runBeforeUnload: true });
    await expectCleanEnd(harness);
  });
});

describe('when the page becomes hidden, everything is committed before any end', () => {
  it('SCORM 2004: session time, location, suspend data and exit are committed on visibilitychange', async () => {
    const { harness, page, frame } = await open('2004');
    await frame.locator('.pager a[rel="next"]').click();
    await expect.poll(() => frame.locator('h1').textContent()).toBe(course.modules[0]!.pages[1]!.title);
    await new Promise((r) => setTimeout(r, 500)); // the visit is usually stored and reported by now (queued, not yet committed)
    const before = harness.calls().length;
    await frame.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(() => harness.calls().slice(before).some((c) => c.call === 'Commit')).toBe(true);
    const stored = () => harness.stored()!.cmi as Record<string, any>;
    expect(stored().session_time).toMatch(/^PT/);
    expect(stored().exit).toBe('suspend');
    // On a loaded machine the visit may still be on its way from local storage when the page is
    // hidden: it is then committed as soon as it arrives, still without ending the session.
    const second = course.modules[0]!.pages[1] ? `${course.modules[0]!.id}/${course.modules[0]!.pages[1]!.id}` : '';
    await expect.poll(() => stored().location).toBe(second);
    expect(harness.calls().slice(before).some((c) => c.call === 'Terminate')).toBe(false);
    expect(stored().suspend_data).toContain(course.modules[0]!.pages[0]!.id);
    await page.close();
    await harness.close();
  });
});

describe('resume data from the LMS is untrusted', () => {
  it('garbage suspend data: the learner is told once, in plain words, and nothing invalid goes back', async () => {
    const garbage = JSON.stringify(['k2', course.id, course.version, ['<script>'], 'zzzzzzzzzz', '<img src=x onerror=alert(1)>', 0, 'NaN', [], [[1, 'abc', 0, 'x']], [], 0]);
    const harness = await startHarness(zipOf('1.2'), { ...fresh('1.2', { entry: 'resume', lesson_location: '<b>x</b>' }), suspend_data: garbage });
    const page = await browser.context.newPage();
    await page.goto(harness.url);
    const frame = await courseFrame(page);
    const notice = frame.locator('.lms-not-restored');
    await expect.poll(() => notice.textContent()).toContain('Aiemmin tallennettua edistymistäsi ei voitu palauttaa');
    expect(frame.url()).not.toMatch(/img|%3C/i); // no HTML in the address
    await frame.getByRole('link', { name: 'Aloita kurssi' }).click();
    await expect.poll(() => frame.locator('h1').textContent()).toBe(course.modules[0]!.pages[0]!.title);
    expect(await frame.locator('.lms-not-restored').count()).toBe(1); // told once, not again per page
    await frame.locator('.lms-not-restored').getByRole('button', { name: 'Selvä' }).click();
    await frame.locator('.pager a[rel="next"]').click();
    expect(await frame.locator('.lms-not-restored').count()).toBe(0);
    await expect.poll(() => harness.stored()?.cmi?.suspend_data ?? '').toMatch(/^\["k2","avoin-hallinto"/);
    await page.close();
    await expectCleanEnd(harness);
  });
});

describe('the LMS notices and the exit button are accessible', () => {
  it('axe finds nothing, at 320 px nothing sticks out, and the exit is reachable by keyboard', async () => {
    const a11y = await launch(); // axe is injected as a script: this browser leaves the CSP aside
    try {
      const harness = await startHarness(zipOf('2004'), fresh('2004', { entry: 'resume', suspend_data: 'garbage' }));
      await a11y.page.setViewportSize({ width: 320, height: 800 });
      await a11y.page.goto(harness.url);
      const frame = await courseFrame(a11y.page);
      await expect.poll(() => frame.locator('.lms-not-restored').count()).toBe(1);
      const asPage = frame as unknown as Page;
      expect(await axeViolations(asPage)).toEqual([]);
      expect(await sidewaysOverflow(asPage)).toEqual([]);
      const exit = frame.getByRole('button', { name: 'Tallenna ja lopeta' });
      await exit.focus();
      await a11y.page.keyboard.press('Enter');
      await expect.poll(() => frame.locator('.lms-state').textContent()).toContain('Istunto on päättynyt');
      await harness.close();
    } finally {
      await a11y.close();
      removeProfile(a11y.profile);
    }
  });
});
