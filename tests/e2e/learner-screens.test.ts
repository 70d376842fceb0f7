/**
 * The learner's screens on a laptop and a phone: ordering by mouse, touch and keyboard; the final
 * test one question per screen; My learning's game links; certificate dates in fi, sv and en-GB;
 * no sideways scrolling at 320 px.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { browserForSuite } from './browser';
import { shippedCourse } from './support';

const course = shippedCourse('avoin-hallinto');
const pages = course.modules.flatMap((m) => m.pages.map((p) => ({ m, p })));
const orderingCheck = (() => {
  for (const { m, p } of pages)
    for (const b of p.blocks) if (b.type === 'quiz') for (const id of b.questions) if (course.questions[id]!.type === 'ordering') return { m, p, q: course.questions[id]! };
  throw new Error('no ordering check');
})();
const site = () => inject('siteUrl');

function progress(options: { game?: boolean } = {}) {
  const now = Date.UTC(2026, 11, 4, 10, 0);
  const attemptId = 'aaaaaaaaaaaa0001';
  const attempts: object[] = [
    {
      id: attemptId, contentId: course.id, contentVersion: course.version, status: 'completed', location: 'certificate', startedAt: Date.now() + 60_000, finishedAt: now,
      tries: [{ no: 1, questionIds: course.finalTest!.pool.slice(0, course.finalTest!.draw), percent: 92, passed: true, finishedAt: now }], timeSpentMs: 2_400_000, updatedAt: now,
    },
  ];
  const certificates: object[] = [{ id: 'cccccccccccc0001', contentId: course.id, contentVersion: course.version, attemptId, title: course.title, percent: 92, issuedAt: now }];
  if (options.game) {
    attempts.push({ id: 'gggggggggggg0001', contentId: 'toimintaohjelma', contentVersion: '1.0.1', status: 'completed', location: 'ending', startedAt: now, finishedAt: now, tries: [{ no: 1, questionIds: [], percent: 80, passed: true, finishedAt: now }], timeSpentMs: 0, updatedAt: now + 1 });
    certificates.push({ id: 'cccccccccccc0002', contentId: 'toimintaohjelma', contentVersion: '1.0.1', attemptId: 'gggggggggggg0001', title: 'Peli', percent: 80, issuedAt: now });
  }
  return JSON.stringify({
    format: 'kohtaamo-progress', formatVersion: 1, exportedAt: new Date().toISOString(),
    data: {
      profile: { key: 'me', name: 'Maija Meikäläinen' }, attempts,
      visits: pages.map(({ p }, i) => ({ id: `vvvvvvvvvvvv${String(i).padStart(4, '0')}`, attemptId, pageId: p.id, at: now - 1000 + i })),
      answers: [], gameSessions: [], certificates,
    },
  });
}

async function importProgress(page: Page, file: string) {
  await page.goto(`${site()}#/my`);
  await page.locator('#import-file').setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect.poll(() => page.locator('.notice-ok').count()).toBe(1);
}

const readOrder = (box: Locator) => box.locator('.ordering li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-item')));
const center = async (l: Locator) => {
  const b = (await l.boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
};

describe('the learner screens', () => {
  const suite = browserForSuite();

  it('orders by mouse drag, by touch drag and still by keyboard', async () => {
    const { page } = suite.current;
    const { m, p, q } = orderingCheck;
    await page.goto(`${site()}#/course/${course.id}/${m.id}/${p.id}`);
    const box = page.locator(`#check-${q.id}-prompt >> xpath=ancestor::section[contains(@class,"check")]`);
    await expect.poll(() => box.locator('.ordering li').count()).toBeGreaterThan(2);
    const before = await readOrder(box);

    // Mouse: the first item's handle dragged onto the third row.
    await box.locator('.ordering li').first().scrollIntoViewIfNeeded();
    const from = await center(box.locator('.ordering-handle').first());
    const to = await center(box.locator('.ordering li').nth(2));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x, (from.y + to.y) / 2, { steps: 4 });
    await page.mouse.move(from.x, to.y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => readOrder(box)).toEqual([before[1], before[2], before[0], ...before.slice(3)]);
    await expect.poll(() => page.locator('#live-region').textContent()).toContain('sijalla 3/');

    // Touch: real touch events through the DevTools protocol, the third item back to the top.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const now = await readOrder(box);
    const start = await center(box.locator('.ordering-handle').nth(2));
    const top = await center(box.locator('.ordering li').first());
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: start.x, y: start.y }] });
    for (let i = 1; i <= 5; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: start.x, y: start.y + ((top.y - 4 - start.y) * i) / 5 }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(() => readOrder(box)).toEqual([now[2], now[0], now[1], ...now.slice(3)]);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });

    // Keyboard: the buttons stay and move one step.
    const after = await readOrder(box);
    await box.locator(`button[data-focus="${after[0]}-down"]`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => readOrder(box)).toEqual([after[1], after[0], ...after.slice(2)]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-focus'))).toMatch(/-(down|up)$/);
  });

  it('on a phone the final test shows one question per screen with a running count', async () => {
    const { page } = suite.current;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${site()}#/course/${course.id}/test`);
      await page.getByRole('button', { name: 'Aloita lopputesti' }).click();
      await expect.poll(() => page.locator('.test-progress').textContent()).toContain(`0/${course.finalTest!.draw} vastattu`);
      expect(await page.locator('.test-questions > li').count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Lähetä vastaukset' }).count()).toBe(0);
      const seen = new Set<string>();
      let answeredCount = 0;
      for (let i = 0; i < course.finalTest!.draw; i++) {
        const li = page.locator('.test-questions > li');
        const id = (await li.getAttribute('id'))!.replace(/^test-q-/, '');
        seen.add(id);
        const q = course.questions[id]!;
        if (q.type === 'ordering') {
          // Untouched, an ordering is not an answer.
          expect(await page.locator('.test-progress').textContent()).toContain(`${answeredCount}/`);
        } else if (q.type === 'single' || q.type === 'multiple') {
          await li.locator('input').first().check();
          answeredCount++;
          await expect.poll(() => page.locator('.test-progress').textContent()).toContain(`${answeredCount}/${course.finalTest!.draw} vastattu`);
        }
        if (i < course.finalTest!.draw - 1) await page.getByRole('button', { name: 'Seuraava kysymys' }).click();
      }
      expect(seen.size).toBe(course.finalTest!.draw);
      // The sticky count stays in view; sending with gaps lists them, and each link opens its question.
      await page.getByRole('button', { name: 'Lähetä vastaukset' }).click();
      await expect.poll(() => page.locator('#test-missing').count()).toBe(1);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.locator('#test-missing button').first().click();
      await expect.poll(() => page.locator('.test-questions > li .field-error').count()).toBe(1);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('My learning: a card per course, a game links to #/game/<id> and gets no certificate', async () => {
    const { page } = suite.current;
    await importProgress(page, progress({ game: true }));
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${site()}#/my`);
      const gameCard = page.locator('.learning-card', { hasText: 'Avoimuuspeli' });
      await expect.poll(() => gameCard.count()).toBe(1);
      expect(await gameCard.locator('h3 a').getAttribute('href')).toBe('#/game/toimintaohjelma');
      expect(await gameCard.textContent()).toContain('Pelattu loppuun');
      const courseCard = page.locator('.learning-card', { hasText: course.title }).filter({ hasText: 'Suoritettu' });
      expect(await courseCard.locator('h3 a').getAttribute('href')).toBe(`#/course/${course.id}`);
      expect(await page.locator('table').count()).toBe(0);
      const certificates = page.locator('h2:has-text("Todistukset") + ul li');
      expect(await certificates.count()).toBe(1);
      expect(await certificates.textContent()).toContain(course.title);
      const box = (await courseCard.boundingBox())!;
      expect(box.width).toBeLessThanOrEqual(390);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  for (const [lang, date, minutes] of [
    ['fi', '4.12.2026', 'Laajuus:40 min'],
    ['sv', '4.12.2026', 'Omfattning:40 min'],
    ['en', '4 December 2026', 'Length:40 min'],
  ] as const) {
    it(`the certificate in ${lang} dates itself ${date} and names its issuer`, async () => {
      const { page } = suite.current;
      await page.goto(`${site()}#/course/${course.id}/certificate`);
      await page.locator(`.language-switch button[lang="${lang}"]`).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      const certificate = page.locator('.certificate');
      await expect.poll(() => certificate.count()).toBe(1);
      const text = (await certificate.textContent())!;
      expect(text).toContain(date);
      const [label, value] = minutes.split(':');
      expect(await certificate.locator('dl > div', { hasText: label! }).locator('dd').textContent()).toBe(value);
      expect(text).not.toMatch(/noin|cirka|about/);
      expect(text).not.toContain(course.id);
      expect(text).toMatch(/Kohtaamo/);
      await page.locator('.language-switch button[lang="fi"]').click();
      await page.waitForFunction(() => document.documentElement.lang === 'fi');
    });
  }

  it('no view the learner touches scrolls sideways at 320 px', async () => {
    const { page } = suite.current;
    await page.setViewportSize({ width: 320, height: 700 });
    try {
      const { m, p } = orderingCheck;
      for (const hash of ['#/', `#/course/${course.id}`, `#/course/${course.id}/${m.id}/${p.id}`, `#/course/${course.id}/test`, `#/course/${course.id}/certificate`, '#/my']) {
        await page.goto(`${site()}${hash}`);
        await expect.poll(() => page.locator('h1').count()).toBe(1);
        await page.waitForTimeout(200);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `sideways scroll on ${hash}`).toBeLessThanOrEqual(0);
      }
      // The breadcrumb is one line on a narrow screen.
      const { m: m0, p: p0 } = pages[5]!;
      await page.goto(`${site()}#/course/${course.id}/${m0.id}/${p0.id}`);
      const crumb = (await page.locator('.breadcrumbs ol').boundingBox())!;
      const line = await page.locator('.breadcrumbs li:last-child').evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      expect(crumb.height).toBeLessThan(line * 1.5);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
