/**
 * SCORM packages end to end: build the zips, check their manifests against the bundled XSDs with
 * xmllint, launch them in the preview LMS (scorm-again) in Chromium, and read what the LMS stored.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageContent, type BuiltPackage } from '../../src/lms/packager/package';
import { startPreview, type Preview } from '../../src/lms/preview/server';
import { launch, removeProfile, type Browser } from './browser';
import { answer, shippedCourse } from './support';

const course = shippedCourse('avoin-hallinto');
const steps = course.modules.flatMap((m) => m.pages.map((p) => ({ module: m, page: p })));
const firstQuiz = steps.findIndex(({ page }) => page.blocks.some((b) => b.type === 'quiz' && course.questions[b.questions[0]!]?.type === 'single'));
const quizBlock = steps[firstQuiz]!.page.blocks.find((b) => b.type === 'quiz')!;
const checkQuestion = course.questions[quizBlock.type === 'quiz' ? quizBlock.questions[0]! : '']!;
const checkScope = `#check-${checkQuestion.id}-prompt >> xpath=ancestor::section[contains(@class,"check")]`;

let packages: BuiltPackage[];
const outDir = mkdtempSync(join(tmpdir(), 'kohtaamo-packages-'));
const zipOf = (version: '1.2' | '2004') => packages.find((p) => p.version === version)!.zip;

beforeAll(() => {
  packages = packageContent([course.id], outDir);
}, 120_000);

const XSD_IMPORTS: Record<'1.2' | '2004', [string, string][]> = {
  '1.2': [
    ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
    ['http://www.imsglobal.org/xsd/imsmd_rootv1p2p1', 'imsmd_rootv1p2p1.xsd'],
  ],
  '2004': [
    ['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
    ['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
  ],
};

/** Unzips a package and validates its manifest with xmllint against the schemas it carries. */
function xmllint(zip: string, version: '1.2' | '2004', edit?: (manifest: string) => string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kohtaamo-unzipped-'));
  for (const [name, data] of Object.entries(unzipSync(new Uint8Array(readFileSync(zip))))) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), name === 'imsmanifest.xml' && edit ? edit(new TextDecoder().decode(data)) : data);
  }
  // CP's strict wildcards need the extension schemas loaded too: one wrapper imports them all.
  writeFileSync(
    join(dir, 'validate-all.xsd'),
    `<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:kohtaamo:validate">\n${XSD_IMPORTS[version]
      .map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="${file}"/>`)
      .join('\n')}\n</xs:schema>\n`,
  );
  const run = spawnSync('xmllint', ['--noout', '--schema', 'validate-all.xsd', 'imsmanifest.xml'], { cwd: dir, encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
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
    expect(xmllint(zipOf('2004'), '2004', (m) => m.replace('satisfiedByMeasure="true"', 'satisfiedByMeasure="maybe"')).ok).toBe(false);
  });

  it('carry the pass mark the LMS needs', () => {
    const read = (version: '1.2' | '2004') =>
      new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(zipOf(version))))['imsmanifest.xml']);
    expect(read('1.2')).toContain(`<adlcp:masteryscore>${course.passMark}</adlcp:masteryscore>`);
    expect(read('2004')).toContain(`<imsss:minNormalizedMeasure>${(course.passMark / 100).toFixed(2)}</imsss:minNormalizedMeasure>`);
    expect(read('2004')).toContain('satisfiedByMeasure="true"');
  });
});

async function courseFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes('/content/')), { timeout: 15_000 }).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('/content/'))!;
  await expect.poll(() => frame.locator('h1').count(), { timeout: 15_000 }).toBe(1);
  return frame;
}

async function readAllPages(frame: Frame, from: number, to: number) {
  for (let i = from; i < to; i++) {
    await expect.poll(() => frame.locator('h1').textContent()).toBe(steps[i]!.page.title);
    if (i < steps.length - 1) await frame.getByRole('link', { name: /^Seuraava/ }).click();
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
  });

  it('quit half-way on one device, relaunched on another: resumes at the saved page with answers', async () => {
    const frame = await courseFrame(browser.page);
    await frame.getByRole('link', { name: 'Aloita kurssi' }).click();
    await readAllPages(frame, 0, firstQuiz);
    await expect.poll(() => frame.locator('h1').textContent()).toBe(steps[firstQuiz]!.page.title);
    await answer(frame, checkScope, checkQuestion, true);
    await frame.locator(checkScope).getByRole('button', { name: 'Tarkista vastaus' }).click();
    await expect.poll(() => frame.locator(checkScope).locator('.verdict').textContent()).toBe('✓ Oikein!');
    await browser.page.getByRole('button', { name: 'Relaunch' }).click(); // the course gets pagehide
    await expect.poll(() => core()?.core.exit).toBe('suspend');
    expect(core()?.core.lesson_location).toBe(`${steps[firstQuiz]!.module.id}/${steps[firstQuiz]!.page.id}`);
    expect(core()?.suspend_data.length).toBeLessThan(4096);

    // Another device: a fresh browser profile, so only the LMS's data can restore the attempt.
    await browser.close();
    removeProfile(browser.profile);
    browser = await launch(undefined, { enforceCSP: true });
    await browser.page.goto(preview.url);
    const resumed = await courseFrame(browser.page);
    await expect.poll(() => resumed.locator('h1').textContent()).toBe(steps[firstQuiz]!.page.title);
    await expect.poll(() => resumed.locator(checkScope).locator('.verdict').textContent()).toBe('✓ Oikein!');
    expect(await browser.page.locator('#state').textContent()).toContain('entry: resume');
  });

  it('progress survives an LMS that fails', async () => {
    await browser.page.locator('#fail').check();
    const frame = await courseFrame(browser.page);
    const before = core()?.core.lesson_location;
    await frame.getByRole('link', { name: /^Seuraava/ }).click();
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
    // No call was refused apart from the simulated commit failures.
    expect(await browser.page.locator('#warnings li:not(#no-warnings)').allTextContents()).toEqual([]);
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
