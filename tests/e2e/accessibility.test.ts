/**
 * WCAG 2.1 A and AA with axe-core in real Chromium, on every kind of view in every UI language,
 * plus a check that no view shows an untranslated key.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import type { CompiledCourse, Question } from '../../src/content/schema';
import { launch, removeProfile, type Browser } from './browser';
import { answer } from './support';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const content = buildContent(join(import.meta.dirname, '../..'));
const course = content.courses.find((c) => c.meta.id === 'avoin-hallinto')!.compiled.fi! as CompiledCourse;
const easyCourse = content.courses.find((c) => c.catalogue.easyPages)!;
const keys = (() => {
  const flat: string[] = [];
  const walk = (o: object, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (v && typeof v === 'object' && !Array.isArray(v)) walk(v, key);
      else flat.push(key.replace(/_(one|other)$/, ''));
    }
  };
  walk(JSON.parse(readFileSync(join(import.meta.dirname, '../../src/i18n/locales/fi.json'), 'utf8')), '');
  return [...new Set(flat)].filter((k) => k.includes('.'));
})();

async function audit(page: Page, view: string) {
  await page.waitForTimeout(150); // let focus and live regions settle
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  const violations = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
  expect(violations, `axe on ${view}`).toEqual([]);
  const text = (await page.locator('body').innerText()) ?? '';
  const raw = keys.filter((k) => text.includes(k));
  expect(raw, `untranslated keys on ${view}`).toEqual([]);
  expect(await page.locator('h1').count(), `one h1 on ${view}`).toBe(1);
}

/** An export file that makes the course complete (all pages, a passed try), to reach its certificate. */
function completedProgress(c: CompiledCourse) {
  const attemptId = 'aaaaaaaaaaaa0001';
  const now = Date.now();
  const pages = c.modules.flatMap((m) => m.pages.map((p) => p.id));
  return JSON.stringify({
    format: 'kohtaamo-progress',
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    data: {
      profile: { key: 'me', name: 'Maija Meikäläinen' },
      attempts: [
        {
          id: attemptId,
          contentId: c.id,
          contentVersion: c.version,
          status: 'completed',
          location: 'certificate',
          startedAt: now + 60_000, // newer than the attempt this browser made above
          finishedAt: now,
          tries: [{ no: 1, questionIds: c.finalTest!.pool.slice(0, c.finalTest!.draw), percent: 92, passed: true, finishedAt: now }],
          timeSpentMs: 2_400_000,
          updatedAt: now,
        },
      ],
      visits: pages.map((pageId, i) => ({ id: `vvvvvvvvvvvv${String(i).padStart(4, '0')}`, attemptId, pageId, at: now - 1000 + i })),
      answers: [],
      gameSessions: [],
      certificates: [{ id: 'cccccccccccc0001', contentId: c.id, contentVersion: c.version, attemptId, title: c.title, percent: 92, issuedAt: now }],
    },
  });
}

const firstPageWith = (predicate: (q: Question) => boolean) => {
  for (const m of course.modules) {
    for (const p of m.pages) {
      for (const b of p.blocks) if (b.type === 'quiz' && b.questions.some((id) => predicate(course.questions[id]!))) return { m, p, b };
    }
  }
  return null;
};

for (const lang of ['fi', 'sv', 'en'] as const) {
  describe(`accessibility in ${lang}`, () => {
    let browser: Browser;
    const site = () => inject('siteUrl');
    const go = async (hash: string) => {
      await browser.page.goto(`${site()}${hash}`);
      await expect.poll(() => browser.page.locator('h1').count(), { timeout: 10_000 }).toBe(1);
    };
    beforeAll(async () => {
      browser = await launch();
      await browser.page.goto(site());
      await browser.page.locator(`.language-switch button[lang="${lang}"]`).click();
      await browser.page.waitForFunction((l) => document.documentElement.lang === l, lang);
    });
    afterAll(async () => {
      await browser.close();
      removeProfile(browser.profile);
    });

    it('catalogue, accessibility statement, my learning, not found', async () => {
      await go('#/');
      await audit(browser.page, 'catalogue');
      await go('#/accessibility');
      await audit(browser.page, 'accessibility statement');
      await go('#/my');
      await audit(browser.page, 'my learning (empty)');
      await go('#/nothing-here');
      await audit(browser.page, 'not found');
    });

    it('course intro and every block and question type, answering and answered', async () => {
      await go(`#/course/${course.id}`);
      await audit(browser.page, 'course intro');
      const seen = new Set<string>();
      for (const m of course.modules) {
        for (const p of m.pages) {
          const kinds = p.blocks.map((b) => b.type).filter((k) => !seen.has(k));
          const questions = p.blocks.flatMap((b) => (b.type === 'quiz' ? b.questions.map((id) => course.questions[id]!) : [])).filter((q) => !seen.has(`q-${q.type}`));
          if (kinds.length === 0 && questions.length === 0) continue;
          kinds.forEach((k) => seen.add(k));
          await go(`#/course/${course.id}/${m.id}/${p.id}`);
          await audit(browser.page, `page ${p.id} (${kinds.join(', ')})`);
          for (const q of questions) {
            seen.add(`q-${q.type}`);
            const scope = `#check-${q.id}-prompt >> xpath=ancestor::section[contains(@class,"check")]`;
            await answer(browser.page, scope, q, false);
            await browser.page.locator(scope).locator('.actions button').click();
            await expect.poll(() => browser.page.locator(scope).locator('.verdict').count()).toBe(1);
          }
          if (questions.length) await audit(browser.page, `page ${p.id} with feedback (${questions.map((q) => q.type).join(', ')})`);
          // Read-more open too.
          if (p.blocks.some((b) => b.type === 'readmore')) {
            await browser.page.locator('details.readmore summary').first().click();
            await audit(browser.page, `page ${p.id} read more open`);
          }
        }
      }
      expect([...seen]).toEqual(expect.arrayContaining(['text', 'image', 'callout', 'readmore', 'keypoints', 'quote', 'links', 'practice', 'quiz']));
      expect(firstPageWith(() => true)).not.toBeNull();
    });

    it('final test, results, certificate (missing and issued), My learning with data', async () => {
      const { page } = browser;
      await go(`#/course/${course.id}/certificate`);
      await audit(page, 'certificate not yet earned');
      await go(`#/course/${course.id}/test`);
      await audit(page, 'final test intro');
      await page.locator('.final-test .actions button').click();
      await expect.poll(() => page.locator('.test-questions > li').count()).toBe(course.finalTest!.draw);
      await audit(page, 'final test questions');
      await page.locator('.final-test > .actions button').click(); // submit with nothing answered: errors
      await expect.poll(() => page.locator('#test-missing').count()).toBe(1);
      await audit(page, 'final test with errors');
      const ids = await page.locator('.test-questions > li').evaluateAll((lis) => lis.map((li) => li.id.replace(/^test-q-/, '')));
      for (const id of ids) await answer(page, `#test-q-${id}`, course.questions[id]!, false);
      await page.locator('.final-test > .actions button').click();
      await expect.poll(() => page.locator('.result-summary').count()).toBe(1);
      await audit(page, 'test results');

      await go('#/my');
      await page.locator('#import-file').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(completedProgress(course)) });
      await expect.poll(() => page.locator('.notice-ok').count()).toBe(1);
      await audit(page, 'my learning with data');
      await go(`#/course/${course.id}/certificate`);
      await expect.poll(() => page.locator('.certificate').count()).toBe(1);
      await audit(page, 'certificate');
    });

    it('Easy Finnish page', async () => {
      const c = easyCourse.compiled.fi!;
      const m = c.modules.find((mod) => mod.pages.some((p) => p.easy))!;
      const p = m.pages.find((pg) => pg.easy)!;
      await go(`#/course/${c.id}/${m.id}/${p.id}`);
      if (await browser.page.locator('.easy-toggle button').count()) {
        await browser.page.locator('.easy-toggle button').click();
        await expect.poll(() => browser.page.locator('.badge').count()).toBe(1);
      }
      await audit(browser.page, 'easy finnish page');
    });

    it('games: intro, solo scene, feedback, review, ending; workshop screens', async () => {
      const { page } = browser;
      const sim = content.games.find((g) => g.meta.id === 'toimintaohjelma')!;
      await go(`#/game/${sim.meta.id}`);
      await audit(page, 'game intro');
      await go(`#/game/${sim.meta.id}/play`);
      await audit(page, 'game scene');
      let sawFeedback = false;
      let sawReview = false;
      for (let i = 0; i < 60 && (await page.locator('.game-ending').count()) === 0; i++) {
        if (await page.locator('.traffic-lights').count()) {
          if (!sawReview) await audit(page, 'game review (traffic lights)');
          sawReview = true;
        }
        if (await page.locator('.game-options button').count()) {
          await page.locator('.game-options button').first().click();
          await expect.poll(() => page.locator('.game-feedback').count()).toBe(1);
          if (!sawFeedback) await audit(page, 'game feedback');
          sawFeedback = true;
        }
        await page.locator('main .actions button').first().click();
        await page.waitForTimeout(50);
      }
      await expect.poll(() => page.locator('.game-ending').count()).toBe(1);
      await audit(page, 'game ending');

      const cards = content.games.find((g) => g.meta.id === 'avoimuusdilemmat')!;
      await go(`#/game/${cards.meta.id}/workshop`);
      await audit(page, 'workshop setup');
      await page.locator('.workshop-setup button[type="submit"]').click();
      for (let i = 0; i < 5 && (await page.locator('.console-timer').count()) === 0; i++) {
        await page.locator('.console-controls .actions button').last().click();
      }
      await expect.poll(() => page.locator('.console-timer').count()).toBe(1);
      await audit(page, 'workshop card');
      await page.locator('body').press('r');
      await expect.poll(() => page.locator('.reveal-option').count()).toBeGreaterThan(0);
      await audit(page, 'workshop reveal');
      // On through the cards with the shortcuts (R reveal, N next / go on) to the ending.
      for (let i = 0; i < 80 && (await page.locator('.phase-ending').count()) === 0; i++) {
        const title = await page.locator('h1').textContent();
        if (await page.locator('.console-timer').count()) {
          await page.locator('body').press('r');
          await expect.poll(() => page.locator('.reveal-option').count()).toBeGreaterThan(0);
        }
        await page.locator('body').press('n');
        await expect.poll(async () => (await page.locator('.phase-ending').count()) > 0 || (await page.locator('h1').textContent()) !== title).toBe(true);
      }
      await page.locator('body').press('n');
      await expect.poll(() => page.locator('.phase-what').count()).toBe(1);
      await audit(page, 'workshop debrief step 1');
      await page.locator('.console-controls .actions button').last().click();
      await page.locator('.console-controls .actions button').last().click();
      await expect.poll(() => page.locator('.actions-editor').count()).toBe(1);
      await audit(page, 'workshop debrief step 3 (actions)');
      await page.locator('.console-controls .actions button').last().click();
      await expect.poll(() => page.locator('.workshop-results').count()).toBe(1);
      await audit(page, 'workshop results');
    });
  });
}

describe('narrow screens (320 px, as at 400 % zoom)', () => {
  it('scrolls no view sideways', async () => {
    const browser = await launch();
    try {
      const { page } = browser;
      await page.setViewportSize({ width: 320, height: 640 });
      const views = [
        '#/',
        `#/course/${course.id}`,
        ...course.modules.slice(0, 3).map((m) => `#/course/${course.id}/${m.id}/${m.pages[0]!.id}`),
        `#/course/${course.id}/test`,
        '#/my',
        '#/practices',
        '#/accessibility',
        '#/game/toimintaohjelma/play',
        '#/game/avoimuusdilemmat/workshop',
      ];
      for (const hash of views) {
        await page.goto(`${inject('siteUrl')}${hash}`);
        await expect.poll(() => page.locator('h1').count(), { timeout: 10_000 }).toBe(1);
        await page.waitForTimeout(100);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `sideways scroll on ${hash}`).toBeLessThanOrEqual(0);
      }
    } finally {
      await browser.close();
      removeProfile(browser.profile);
    }
  });
  it('puts the page before the course page list on a phone; the list opens by keyboard and passes axe', async () => {
    const browser = await launch();
    try {
      const { page } = browser;
      await page.setViewportSize({ width: 412, height: 823 });
      const [first, second] = course.modules[0]!.pages;
      await page.goto(`${inject('siteUrl')}#/course/${course.id}/${course.modules[0]!.id}/${first!.id}`);
      await expect.poll(() => page.locator('.page h1').textContent()).toBe(first!.title);
      const box = await page.locator('.page h1').boundingBox();
      expect(box!.y + box!.height, 'page heading within the first screen').toBeLessThan(823);
      const toggle = page.getByRole('button', { name: 'Kurssin sivut' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator('.module-list').isVisible()).toBe(false);
      await toggle.focus();
      await page.keyboard.press('Enter');
      // Pressed before the app has started, the press takes effect once it has.
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await page.locator('.module-list').isVisible()).toBe(true);
      await audit(page, 'course page list open on a phone');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab'); // past the current page to the next one
      expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(second!.title);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.page h1').textContent()).toBe(second!.title);
      await expect.poll(() => toggle.getAttribute('aria-expanded'), { message: 'the list folds away after a move' }).toBe('false');
      expect(await page.locator('.module-list').isVisible()).toBe(false);
      await page.setViewportSize({ width: 1280, height: 900 });
      expect(await toggle.isVisible(), 'no toggle on a wide screen').toBe(false);
      expect(await page.locator('.module-list').isVisible()).toBe(true);
    } finally {
      await browser.close();
      removeProfile(browser.profile);
    }
  });
});
