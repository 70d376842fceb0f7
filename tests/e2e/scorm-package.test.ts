/**
 * SCORM packages end to end: build the zips, check their manifests against the bundled XSDs with
 * xmllint, launch them in the preview LMS (scorm-again) in Chromium, and read what the LMS stored.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageContent, type BuiltPackage } from '../../src/lms/packager/package';
import { startPreview, type Preview } from '../../src/lms/preview/server';
import { formatDuration, parseDuration } from '../../src/lms/preview/attempt';
import { launch, removeProfile, type Browser } from './browser';
import { answer, shippedCourse } from './support';
import { validateManifest } from '../unit/manifest-xsd';

const course = shippedCourse('avoin-hallinto');
const steps = course.modules.flatMap((m) => m.pages.map((p) => ({ module: m, page: p })));
const firstQuiz = steps.findIndex(({ page }) => page.blocks.some((b) => b.type === 'quiz' && course.questions[b.questions[0]!]?.type === 'single'));
const quizBlock = steps[firstQuiz]!.page.blocks.find((b) => b.type === 'quiz')!;
const checkQuestion = course.questions[quizBlock.type === 'quiz' ? quizBlock.questions[0]! : '']!;
const checkScope = `#check-${checkQuestion.id}-prompt >> xpath=ancestor::section[contains(@class,"check")]`;

let packages: BuiltPackage[];
const outDir = mkdtempSync(join(tmpdir(), 'kohtaamo-packages-'));
const zipOf = (version: '1.2' | '2004') => packages.find((p) => p.version === version)!.zip;

// Built with an organisation's branding: the packager passes it through to the app.
const BRANDING = { VITE_FEEDBACK_EMAIL: 'saavutettavuus@esimerkkivirasto.fi', VITE_ORG_NAME: 'Esimerkkivirasto' };

beforeAll(() => {
  packages = packageContent([course.id], outDir, { env: { ...process.env, ...BRANDING } });
}, 120_000);

/** Unzips a package and validates its manifest with xmllint against the schemas it carries. */
function xmllint(zip: string, version: '1.2' | '2004', edit?: (manifest: string) => string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kohtaamo-unzipped-'));
  for (const [name, data] of Object.entries(unzipSync(new Uint8Array(readFileSync(zip))))) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), name === 'imsmanifest.xml' && edit ? edit(new TextDecoder().decode(data)) : data);
  }
  return validateManifest(dir, version);
}

describe('packages', () => {
  it('are built for both versions, small and self-contained', () => {
    expect(packages.map((p) => p.zip.split('/').pop()).sort()).toEqual([`${course.id}-${course.version}-scorm12.zip`, `${course.id}-${course.version}-scorm2004.zip`]);
    for (const p of packages) {
      expect(p.bytes).toBeLessThan(400 * 1024);
      const files = unzipSync(new Uint8Array(readFileSync(p.zip)));
      const html = new TextDecoder().decode(files['index.html']);
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//); // no network, relative URLs only
      expect(html).toContain(`<meta name="kohtaamo-scorm" content="${p.version}" />`);
      const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
      for (const match of manifest.matchAll(/<file href="([^"]+)"/g)) expect(files[match[1]!], match[1]).toBeDefined();
    }
  });

  it('have manifests valid against the bundled IMS/ADL schemas (xmllint)', () => {
    for (const version of ['1.2', '2004'] as const) {
      const result = xmllint(zipOf(version), version);
      expect(result.output).toMatch(/imsmanifest\.xml validates/);
      expect(result.ok).toBe(true);
    }
    // The check is real: a wrong SCO type is rejected.
    expect(xmllint(zipOf('1.2'), '1.2', (m) => m.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="game"')).ok).toBe(false);
    expect(xmllint(zipOf('2004'), '2004', (m) => m.replace('adlcp:scormType="sco"', 'adlcp:scormType="game"')).ok).toBe(false);
  });

  it('leave the status to the SCO (no mastery score), name the course in fi, sv and en, and carry the CHANGELOG', () => {
    const files = (version: '1.2' | '2004') => unzipSync(new Uint8Array(readFileSync(zipOf(version))));
    const read = (version: '1.2' | '2004') => new TextDecoder().decode(files(version)['imsmanifest.xml']);
    expect(read('1.2')).not.toContain('masteryscore');
    expect(read('2004')).not.toMatch(/minNormalizedMeasure|satisfiedByMeasure/);
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const title = shippedCourse(course.id, lang).title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      expect(read('1.2')).toContain(`<imsmd:langstring xml:lang="${lang}">${title}</imsmd:langstring>`);
      expect(read('2004')).toContain(`<string language="${lang}">${title}</string>`);
    }
    const changelog = new TextDecoder().decode(files('1.2')['CHANGELOG.md']);
    expect(changelog).toMatch(new RegExp(`^## ${course.version.replace(/\./g, '\\.')} – `, 'm'));
  });

  it('carry the branding given at build time (VITE_FEEDBACK_EMAIL, VITE_ORG_NAME)', () => {
    const files = unzipSync(new Uint8Array(readFileSync(zipOf('1.2'))));
    const scripts = Object.entries(files).filter(([name]) => name.endsWith('.js')).map(([, data]) => new TextDecoder().decode(data)).join('\n');
    expect(scripts).toContain(BRANDING.VITE_FEEDBACK_EMAIL);
    expect(scripts).toContain(BRANDING.VITE_ORG_NAME);
  });
});

/** Runs in every frame from its start: keeps each main heading the frame ever showed, in order. */
function recordHeadings() {
  const seen: string[] = ((window as unknown as { headingsSeen: string[] }).headingsSeen = []);
  new MutationObserver(() => {
    const text = document.querySelector('main h1')?.textContent;
    if (text && seen[seen.length - 1] !== text) seen.push(text);
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

async function courseFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes('/content/')), { timeout: 15_000 }).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('/content/'))!;
  await expect.poll(() => frame.locator('h1').count(), { timeout: 15_000 }).toBe(1);
  return frame;
}

async function readAllPages(frame: Frame, from: number, to: number) {
  for (let i = from; i < to; i++) {
    await expect.poll(() => frame.locator('h1').textContent()).toBe(steps[i]!.page.title);
    if (i < steps.length - 1) await frame.locator('.pager').getByRole('link', { name: /^Seuraava/ }).click();
  }
}

async function passTest(frame: Frame) {
  await frame.getByRole('link', { name: /Siirry lopputestiin/ }).click();
  await frame.getByRole('button', { name: 'Aloita lopputesti' }).click();
  await expect.poll(() => frame.locator('.test-questions > li').count()).toBe(course.finalTest!.draw);
  const ids = await frame.locator('.test-questions > li').evaluateAll((lis) => lis.map((li) => li.id.replace(/^test-q-/, '')));
  for (const id of ids) await answer(frame, `#test-q-${id}`, course.questions[id]!, true);
  await frame.getByRole('button', { name: 'Lähetä vastaukset' }).click();
  await expect.poll(() => frame.locator('.result-verdict').textContent()).toBe('✓ Hyväksytty');
}

describe('SCORM 1.2 package in the preview LMS', () => {
  let preview: Preview;
  let browser: Browser;
  beforeAll(async () => {
    preview = await startPreview(zipOf('1.2'), { dataFile: join(outDir, 'cmi12.json') });
    browser = await launch(undefined, { enforceCSP: true });
  });
  afterAll(async () => {
    await browser.close();
    removeProfile(browser.profile);
    await preview.close();
  });
  const core = () => (preview.cmi() as { cmi: { core: Record<string, any>; suspend_data: string } } | null)?.cmi;

  it('opens straight into the course and marks it incomplete, with the learner’s name', async () => {
    await browser.page.goto(preview.url);
    const frame = await courseFrame(browser.page);
    await expect.poll(() => frame.locator('h1').textContent()).toBe(course.title);
    expect(await frame.locator('.site-header nav[aria-label="Päävalikko"]').count()).toBe(0); // no catalogue in a package
    await expect.poll(() => core()?.core.lesson_status).toBe('incomplete');
    // The package's own Content-Security-Policy is in force and allows its first-view hints,
    // which ask for storage, LMS code, the course view and the course content at once.
    const hinted = await frame.locator('link[rel="modulepreload"][data-first-view]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    expect(hinted.some((href) => /\/assets\/package-mode-[\w-]+\.js$/.test(href))).toBe(true);
    expect(hinted.some((href) => /\/assets\/CourseView-[\w-]+\.js$/.test(href))).toBe(true);
    expect(hinted.length).toBeGreaterThanOrEqual(6);
    // The app's own script is asked for before the hints add theirs (else it queues behind them).
    expect(await frame.evaluate(() => [...document.head.querySelectorAll('script')].map((s) => (s.src ? 'entry' : 'hints')))).toEqual(['entry', 'hints']);
  });

  it('quit half-way on one device, relaunched on another: resumes at the saved page with answers', async () => {
    const frame = await courseFrame(browser.page);
    await frame.getByRole('link', { name: 'Aloita kurssi' }).click();
    await readAllPages(frame, 0, firstQuiz);
    await expect.poll(() => frame.locator('h1').textContent()).toBe(steps[firstQuiz]!.page.title);
    // No catalogue in a package: the breadcrumb starts at the course.
    expect(await frame.locator('.breadcrumbs a').first().textContent()).toBe(course.title);
    expect(await frame.locator('.breadcrumbs a[href="#/"]').count()).toBe(0);
    await answer(frame, checkScope, checkQuestion, true);
    await frame.locator(checkScope).getByRole('button', { name: 'Tarkista vastaus' }).click();
    await expect.poll(() => frame.locator(checkScope).locator('.verdict').textContent()).toBe('✓ Oikein!');
    await browser.page.getByRole('button', { name: 'Relaunch' }).click(); // the course gets pagehide
    await expect.poll(() => core()?.core.exit).toBe('suspend');
    expect(core()?.core.lesson_location).toBe(`${steps[firstQuiz]!.module.id}/${steps[firstQuiz]!.page.id}`);
    expect(core()?.suspend_data.length).toBeLessThan(4096);
    // By default the knowledge check is reported as an interaction (see --no-practice-interactions).
    expect(Object.keys((preview.cmi() as { cmi: { interactions: object } }).cmi.interactions).length).toBeGreaterThanOrEqual(1);

    // Another device: a fresh browser profile, so only the LMS's data can restore the attempt.
    await browser.close();
    removeProfile(browser.profile);
    browser = await launch(undefined, { enforceCSP: true });
    await browser.context.addInitScript(recordHeadings);
    await browser.page.goto(preview.url);
    const resumed = await courseFrame(browser.page);
    await expect.poll(() => resumed.locator('h1').textContent()).toBe(steps[firstQuiz]!.page.title);
    // Straight to the saved page: no catalogue or course intro showed on the way.
    expect(await resumed.evaluate(() => (window as unknown as { headingsSeen: string[] }).headingsSeen)).toEqual([steps[firstQuiz]!.page.title]);
    await expect.poll(() => resumed.locator(checkScope).locator('.verdict').textContent()).toBe('✓ Oikein!');
    expect(await browser.page.locator('#state').textContent()).toContain('entry: resume');
  });

  it('progress survives an LMS that fails', async () => {
    await browser.page.locator('#fail').check();
    const frame = await courseFrame(browser.page);
    const before = core()?.core.lesson_location;
    await frame.locator('.pager').getByRole('link', { name: /^Seuraava/ }).click();
    await expect.poll(() => frame.locator('.lms-state').textContent(), { timeout: 10_000 }).toContain('ei ole vielä tallennettu');
    expect(core()?.core.lesson_location).toBe(before); // the LMS stored none of it
    await browser.page.getByRole('button', { name: 'Relaunch' }).click();
    const again = await courseFrame(browser.page);
    // Relaunched (the LMS works again): the newer local progress wins over the LMS's older copy.
    await expect.poll(() => again.locator('h1').textContent()).toBe(steps[firstQuiz + 1]!.page.title);
    await expect.poll(() => core()?.core.lesson_location).toBe(`${steps[firstQuiz + 1]!.module.id}/${steps[firstQuiz + 1]!.page.id}`);
  });

  it('completes and passes: the LMS records passed, the score and interactions', async () => {
    const frame = await courseFrame(browser.page);
    await readAllPages(frame, firstQuiz + 1, steps.length);
    await passTest(frame);
    await expect.poll(() => core()?.core.lesson_status, { timeout: 10_000 }).toBe('passed');
    expect(core()?.core.score).toMatchObject({ raw: '100', min: '0', max: '100' });
    const interactions = Object.values((preview.cmi() as { cmi: { interactions: object } }).cmi.interactions);
    expect(interactions.length).toBeGreaterThanOrEqual(course.finalTest!.draw);
    await browser.page.getByRole('button', { name: 'Relaunch' }).click();
    await expect.poll(() => core()?.core.exit).toBe('');
    expect(core()?.core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}/);
    await expect.poll(() => browser.page.locator('#state').textContent()).toMatch(/^Session \d+ running/); // the relaunched page
    // No call was refused apart from the simulated commit failures.
    expect(await browser.page.locator('#warnings li:not(#no-warnings)').allTextContents()).toEqual([]);
  });

  it('shows the feedback address given at build time in the accessibility statement', async () => {
    const frame = await courseFrame(browser.page);
    await frame.evaluate(() => (location.hash = '#/accessibility'));
    await expect.poll(() => frame.locator(`a[href="mailto:${BRANDING.VITE_FEEDBACK_EMAIL}"]`).count()).toBe(1);
  });
});

describe('SCORM 2004 package in the preview LMS', () => {
  it('completes and passes: completion, success, scaled score', async () => {
    const preview = await startPreview(zipOf('2004'), { dataFile: join(outDir, 'cmi2004.json') });
    const browser = await launch(undefined, { enforceCSP: true });
    try {
      await browser.page.goto(preview.url);
      const frame = await courseFrame(browser.page);
      const cmi = () => (preview.cmi() as { cmi: Record<string, any> } | null)?.cmi;
      await expect.poll(() => cmi()?.completion_status).toBe('incomplete');
      await frame.getByRole('link', { name: 'Aloita kurssi' }).click();
      await readAllPages(frame, 0, steps.length);
      await passTest(frame);
      await expect.poll(() => cmi()?.completion_status, { timeout: 10_000 }).toBe('completed');
      expect(cmi()?.success_status).toBe('passed');
      expect(cmi()?.score).toMatchObject({ raw: '100', scaled: '1' });
      expect(await browser.page.locator('#warnings li:not(#no-warnings)').allTextContents()).toEqual([]);
    } finally {
      await browser.close();
      removeProfile(browser.profile);
      await preview.close();
    }
  });
});

describe('a game as a SCORM 1.2 package', () => {
  it('plays to an ending; the LMS records the status and the score', async () => {
    const [pkg] = packageContent(['palvelutiski'], outDir).filter((p) => p.version === '1.2');
    const preview = await startPreview(pkg!.zip, { dataFile: join(outDir, 'cmi-game.json') });
    const browser = await launch(undefined, { enforceCSP: true });
    try {
      await browser.page.goto(preview.url);
      const frame = await courseFrame(browser.page);
      const core = () => (preview.cmi() as { cmi: { core: Record<string, any> } } | null)?.cmi.core;
      await expect.poll(() => core()?.lesson_status).toBe('incomplete');
      // A learner in an LMS plays alone: no workshop on offer, not even by its address.
      expect(await frame.getByRole('link', { name: /Aloita työpaja|Jatka työpajaa/ }).count()).toBe(0);
      await frame.evaluate(() => (location.hash = '#/game/palvelutiski/workshop'));
      await expect.poll(() => frame.getByRole('link', { name: 'Pelaa yksin' }).count()).toBe(1);
      await frame.getByRole('link', { name: 'Pelaa yksin' }).click();
      for (let i = 0; i < 60 && (await frame.locator('.game-ending').count()) === 0; i++) {
        await expect.poll(() => frame.locator('.game-options button, main .actions button').count()).toBeGreaterThan(0);
        if (await frame.locator('.game-options button').count()) {
          await frame.locator('.game-options button').last().click();
          await expect.poll(() => frame.locator('.game-feedback, .game-ending').count()).toBe(1);
        } else {
          const before = await frame.locator('h1').textContent();
          await frame.locator('main .actions button').first().click();
          await expect.poll(() => frame.locator('h1').textContent()).not.toBe(before);
        }
      }
      await expect.poll(() => frame.locator('.game-ending').count()).toBe(1);
      await expect.poll(() => frame.locator('.game-ending .result-verdict').count()).toBe(1);
      const score = Number(/(\d+) %/.exec((await frame.locator('.game-ending .result-verdict').textContent({ timeout: 5_000 })) ?? '')?.[1]);
      await expect.poll(() => core()?.lesson_status, { timeout: 10_000 }).toBe(score >= 60 ? 'passed' : 'failed');
      expect(core()?.score.raw).toBe(String(score));
      expect(await browser.page.locator('#warnings li:not(#no-warnings)').allTextContents()).toEqual([]);
    } finally {
      await browser.close();
      removeProfile(browser.profile);
      await preview.close();
    }
  });
});

describe('the preview LMS cannot get stuck', () => {
  it('refuses an old tab’s data after another package took the port, and the new package launches', async () => {
    const old = await startPreview(zipOf('1.2'), { dataFile: join(outDir, 'stuck-old.json') });
    const port = Number(new URL(old.url).port);
    const browser = await launch(undefined, { enforceCSP: true });
    let fresh: Preview | null = null;
    try {
      await browser.page.goto(old.url);
      await courseFrame(browser.page);
      await expect.poll(() => old.cmi()).not.toBeNull();
      await old.close();
      fresh = await startPreview(zipOf('2004'), { port, dataFile: join(outDir, 'stuck-new.json') });
      // The old tab's course commits (as it does every few seconds) to the new server.
      expect(await browser.page.evaluate(() => (window as unknown as { API: { LMSCommit(s: string): string } }).API.LMSCommit(''))).toBe('true');
      await expect.poll(() => browser.page.locator('#refused').isVisible()).toBe(true);
      expect(await browser.page.locator('#refused').textContent()).toMatch(/^Refused: this data comes from package kohtaamo-avoin-hallinto-[\d.]+-scorm12.*now serves kohtaamo-avoin-hallinto-[\d.]+-scorm2004/);
      expect(fresh.cmi()).toBeNull();
      // Relaunch in the old tab opens the package the server now serves.
      await browser.page.getByRole('button', { name: 'Relaunch' }).click();
      await expect.poll(() => browser.page.title()).toMatch(/^SCORM 2004 preview/);
      await courseFrame(browser.page);
      await expect.poll(() => (fresh!.cmi() as { cmi: Record<string, string> } | null)?.cmi.completion_status).toBe('incomplete');
      expect(await browser.page.locator('#refused').isVisible()).toBe(false);
    } finally {
      await browser.close();
      removeProfile(browser.profile);
      await fresh?.close();
    }
  });

  it('Reset attempt and Relaunch work when the launch fails', async () => {
    const preview = await startPreview(zipOf('1.2'), { dataFile: join(outDir, 'stuck-failing.json') });
    const browser = await launch(undefined, { enforceCSP: true });
    try {
      // The LMS's launch data cannot be read: the launch fails before the API exists.
      const launchUrl = (url: URL) => url.pathname === '/launch';
      await browser.page.route(launchUrl, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"cmi": ' }));
      await browser.page.goto(preview.url);
      await expect.poll(() => browser.page.locator('#state').textContent()).toBe('Launch failed');
      expect(await browser.page.locator('#warnings').textContent()).toMatch(/The launch failed: .*"Reset attempt" starts a new attempt\./);
      await browser.page.getByRole('button', { name: 'Relaunch' }).click();
      await expect.poll(() => browser.page.locator('#state').textContent()).toBe('Launch failed'); // reloaded, still failing
      await browser.page.unroute(launchUrl);
      await browser.page.getByRole('button', { name: 'Reset attempt' }).click();
      await courseFrame(browser.page);
      await expect.poll(() => browser.page.locator('#state').textContent()).toMatch(/^Session \d+ running \(entry: ab-initio\)/);
    } finally {
      await browser.close();
      removeProfile(browser.profile);
      await preview.close();
    }
  });

  it('keeps the call log over Relaunch (earlier session folded) and shows the total time the LMS accumulates', async () => {
    const preview = await startPreview(zipOf('1.2'), { dataFile: join(outDir, 'stuck-log.json') });
    const browser = await launch(undefined, { enforceCSP: true });
    try {
      await browser.page.goto(preview.url);
      await courseFrame(browser.page);
      await expect.poll(() => browser.page.locator('#state').textContent()).toMatch(/^Session 1 running/);
      await browser.page.waitForTimeout(1_100); // a session time of at least a second
      const firstCalls = await browser.page.locator('#log tr').count();
      await browser.page.getByRole('button', { name: 'Relaunch' }).click();
      await expect.poll(() => browser.page.locator('#state').textContent()).toMatch(/^Session 2 running/);
      await courseFrame(browser.page);
      // The first session's calls are still there, folded, with its LMSFinish.
      const earlier = browser.page.locator('details.earlier-session');
      await expect.poll(() => earlier.count()).toBe(1);
      expect(await earlier.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(await earlier.locator('summary').textContent()).toMatch(/^Session 1 .*: \d+ calls, last LMS\w+$/);
      expect(await earlier.locator('tr').count()).toBeGreaterThanOrEqual(firstCalls);
      expect((await earlier.locator('tr').allTextContents()).some((row) => row.includes('LMSFinish'))).toBe(true);
      expect(await browser.page.locator('#log tr').last().textContent()).toContain('LMSInitialize');
      // total_time = the first session's session_time, as an LMS adds it up.
      const stored = preview.attempt()!;
      expect(stored.totalSeconds).toBeGreaterThanOrEqual(1);
      const total = await browser.page.evaluate(() => (window as unknown as { previewApi: { LMSGetValue(e: string): string } }).previewApi.LMSGetValue('cmi.core.total_time'));
      // The same timespan; scorm-again writes it in its own form ('00:00:01.5' for '00:00:01.50').
      expect(total).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
      expect(parseDuration(total)).toBeCloseTo(stored.totalSeconds, 2);
      const clock = formatDuration(Math.round(stored.totalSeconds), '1.2').slice(0, 8);
      expect(await browser.page.locator('#total-time').textContent()).toContain(`Total time (cmi.core.total_time): ${clock} before this session`);
    } finally {
      await browser.close();
      removeProfile(browser.profile);
      await preview.close();
    }
  });
});

describe('a course package built with --no-practice-interactions', () => {
  it('reports no knowledge check to the LMS, and still resumes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kohtaamo-packages-nopractice-'));
    const [pkg] = packageContent([course.id], dir, { quiet: true, reportPractice: false }).filter((p) => p.version === '1.2');
    const preview = await startPreview(pkg!.zip, { dataFile: join(dir, 'cmi.json') });
    const browser = await launch(undefined, { enforceCSP: true });
    try {
      await browser.page.goto(preview.url);
      const frame = await courseFrame(browser.page);
      await frame.getByRole('link', { name: 'Aloita kurssi' }).click();
      await readAllPages(frame, 0, firstQuiz);
      await answer(frame, checkScope, checkQuestion, true);
      await frame.locator(checkScope).getByRole('button', { name: 'Tarkista vastaus' }).click();
      await expect.poll(() => frame.locator(checkScope).locator('.verdict').textContent()).toBe('✓ Oikein!');
      await browser.page.getByRole('button', { name: 'Relaunch' }).click();
      const cmi = () => (preview.cmi() as { cmi: { core: Record<string, string>; interactions: object } } | null)?.cmi;
      await expect.poll(() => cmi()?.core.exit).toBe('suspend');
      expect(cmi()?.interactions).toEqual({});
      const resumed = await courseFrame(browser.page);
      await expect.poll(() => resumed.locator(checkScope).locator('.verdict').textContent()).toBe('✓ Oikein!');
    } finally {
      await browser.close();
      removeProfile(browser.profile);
      await preview.close();
    }
  });
});
