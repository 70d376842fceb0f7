/**
 * The rewrite exercise inside an LMS: the clear-language course packaged for SCORM 1.2 and 2004,
 * launched in the preview LMS (scorm-again) in Chromium. The learner's text reaches the LMS as a
 * neutral free-text interaction (1.2 `fill-in` within 255 characters, 2004 `long-fill-in`), and
 * comes back from the LMS's resume data on another device.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageContent, type BuiltPackage } from '../../src/lms/packager/package';
import { startPreview } from '../../src/lms/preview/server';
import { formatResponse } from '../../src/lms/formats';
import { launch, removeProfile } from './browser';
import { shippedCourse } from './support';

const course = shippedCourse('selkea-kieli');
const qid = 'q-rw-paatoskirje';
const where = course.modules.flatMap((m) => m.pages.map((p) => ({ m, p }))).find(({ p }) => p.blocks.some((b) => b.type === 'quiz' && b.questions.includes(qid)))!;
const scope = `#check-${qid}-prompt >> xpath=ancestor::section[contains(@class,"check")]`;
// Longer than SCORM 1.2's 255 characters for a response, with letters outside ASCII.
const mine =
  'Olemme käsitelleet hakemuksesi, emmekä voi myöntää tukea. Syy on se, että emme saaneet liitteitä ajoissa. ' +
  'Jos olet eri mieltä, voit pyytää meiltä oikaisua. Ohjeet ovat tämän päätöksen lopussa, ja ' +
  'voit soittaa meille arkisin kello 9–15, jos jokin niissä jäi epäselväksi.';

let packages: BuiltPackage[];
const outDir = mkdtempSync(join(tmpdir(), 'kohtaamo-rewrite-packages-'));
beforeAll(() => {
  packages = packageContent([course.id], outDir, true);
}, 180_000);

async function courseFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes('/content/')), { timeout: 15_000 }).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('/content/'))!;
  await expect.poll(() => frame.locator('h1').count(), { timeout: 15_000 }).toBe(1);
  return frame;
}

describe('the rewrite exercise in an LMS', () => {
  for (const version of ['1.2', '2004'] as const) {
    it(`reaches the LMS as free text (SCORM ${version}) and comes back on another device`, async () => {
      expect(mine.length).toBeGreaterThan(255);
      const zip = packages.find((p) => p.version === version)!.zip;
      const preview = await startPreview(zip, { dataFile: join(outDir, `cmi-${version}.json`) });
      let browser = await launch(undefined, { enforceCSP: true });
      try {
        await browser.page.goto(preview.url);
        let frame = await courseFrame(browser.page);
        await expect.poll(() => frame.locator('h1').textContent()).toBe(course.title);
        await frame.evaluate((hash) => (location.hash = hash), `#/course/${course.id}/${where.m.id}/${where.p.id}`);
        await expect.poll(() => frame.locator('h1').textContent()).toBe(where.p.title);
        const box = frame.locator(scope);
        await box.getByLabel('Sinun versiosi').fill(mine);
        await box.getByRole('button', { name: 'Tallenna ja näytä mallivastaus' }).click();
        await expect.poll(() => box.locator('.rewrite-model').count()).toBe(1);

        await browser.page.getByRole('button', { name: 'Relaunch' }).click(); // the course gets pagehide
        const cmi = () => (preview.cmi() as { cmi: Record<string, any> } | null)?.cmi;
        await expect.poll(() => (version === '1.2' ? cmi()?.core?.exit : cmi()?.exit)).toBe('suspend');
        const interactions = Object.values(cmi()?.interactions ?? {}) as Record<string, any>[];
        const interaction = interactions.find((i) => String(i.id).includes(qid));
        expect(interaction).toMatchObject({ type: version === '1.2' ? 'fill-in' : 'long-fill-in', result: 'neutral' });
        const sent: string = version === '1.2' ? interaction!.student_response : interaction!.learner_response;
        expect(sent).toBe(formatResponse({ type: 'rewrite', text: mine }, version));
        if (version === '1.2') expect(sent.length).toBeLessThanOrEqual(255);
        else expect(sent).toBe(mine);
        expect(String(cmi()?.suspend_data ?? '').length).toBeLessThan(4096);

        // Another device: a fresh browser profile, so only the LMS's data can bring the text back.
        await browser.close();
        removeProfile(browser.profile);
        browser = await launch(undefined, { enforceCSP: true });
        await browser.page.goto(preview.url);
        frame = await courseFrame(browser.page);
        await expect.poll(() => frame.locator('h1').textContent()).toBe(where.p.title);
        await expect.poll(() => frame.locator(scope).getByLabel('Sinun versiosi').inputValue()).toBe(mine);
        expect(await frame.locator(scope).locator('.rewrite-model').count()).toBe(1);
        expect(await browser.page.locator('#warnings li:not(#no-warnings)').allTextContents()).toEqual([]);
      } finally {
        await browser.close();
        removeProfile(browser.profile);
        await preview.close();
      }
    }, 120_000);
  }
});
