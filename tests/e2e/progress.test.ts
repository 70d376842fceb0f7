/** Nothing a learner does is lost: reloads, closed browsers, two tabs, and storage that is blocked. */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForSuite, launch, removeProfile } from './browser';
import { answer, shippedCourse } from './support';

const course = shippedCourse('avoin-hallinto');
// The first page with a knowledge check, and the check's first question.
const stepWithQuiz = course.modules
  .flatMap((m) => m.pages.map((p) => ({ module: m, page: p })))
  .find(({ page }) => page.blocks.some((b) => b.type === 'quiz' && course.questions[b.questions[0]!]?.type === 'single'))!;
const quiz = stepWithQuiz.page.blocks.find((b) => b.type === 'quiz')!;
const question = course.questions[quiz.type === 'quiz' ? quiz.questions[0]! : '']!;
const pageUrl = () => `${inject('siteUrl')}#/course/${course.id}/${stepWithQuiz.module.id}/${stepWithQuiz.page.id}`;
const checkScope = `#check-${question.id}-prompt >> xpath=ancestor::section[contains(@class,"check")]`;

async function answerCheck(page: Page) {
  await answer(page, checkScope, question, true);
  await page.locator(checkScope).getByRole('button', { name: 'Tarkista vastaus' }).click();
  await expect.poll(() => page.locator(checkScope).locator('.verdict').textContent()).toBe('✓ Oikein!');
}

describe('progress survives', () => {
  const suite = browserForSuite();

  it('a reload: same page, same answer shown', async () => {
    const { page } = suite.current;
    await page.goto(pageUrl());
    await answerCheck(page);
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe(stepWithQuiz.page.title);
    await expect.poll(() => page.locator(checkScope).locator('.verdict').textContent()).toBe('✓ Oikein!');
    const correct = question.type === 'single' ? question.options.find((o) => o.correct)! : null;
    expect(await page.locator(checkScope).locator(`input[id$="-${correct!.id}"]`).isChecked()).toBe(true);
  });

  it('closing the browser mid-course: the catalogue offers to continue at the same page', async () => {
    await suite.current.close();
    suite.current = await launch(suite.current.profile); // same profile folder: the same browser, reopened
    const { page } = suite.current;
    await page.goto(inject('siteUrl'));
    const panel = page.locator('.continue-panel');
    await expect.poll(() => panel.textContent()).toContain(course.title);
    await panel.getByRole('link', { name: 'Jatka siitä, mihin jäit' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(stepWithQuiz.page.title);
    await expect.poll(() => page.locator(checkScope).locator('.verdict').textContent()).toBe('✓ Oikein!');
  });

  it('two tabs on the same course stay consistent without a reload', async () => {
    const tabA = suite.current.page;
    const tabB = await suite.current.context.newPage();
    await tabA.goto(`${inject('siteUrl')}#/course/${course.id}`);
    await tabB.goto(pageUrl());
    await expect.poll(() => tabB.locator('h1').textContent()).toBe(stepWithQuiz.page.title);
    // Tab B opens another page; tab A's menu shows it as read, live.
    const next = course.modules.flatMap((m) => m.pages.map((p) => ({ m, p }))).find(({ p }) => p.id !== stepWithQuiz.page.id)!;
    const before = await tabA.locator('label[for="course-progress"]').textContent();
    await tabB.goto(`${inject('siteUrl')}#/course/${course.id}/${next.m.id}/${next.p.id}`);
    await expect.poll(() => tabA.locator('label[for="course-progress"]').textContent()).not.toBe(before);
    expect(await tabA.locator('.page-list li.is-visited').count()).toBe(2);
    // Tab A retries the knowledge check wrongly; tab B sees the new answer when it comes back.
    await tabA.goto(pageUrl());
    await tabA.locator(checkScope).getByRole('button', { name: 'Yritä uudelleen' }).click();
    await answer(tabA, checkScope, question, false);
    await tabA.locator(checkScope).getByRole('button', { name: 'Tarkista vastaus' }).click();
    await tabB.goto(pageUrl());
    await expect.poll(() => tabB.locator(checkScope).locator('.verdict').textContent()).toBe('✗ Ei aivan oikein.');
    await tabB.close();
  });

  it('My learning: export, delete with confirmation, import back', async () => {
    const { page } = suite.current;
    await page.goto(`${inject('siteUrl')}#/my`);
    await expect.poll(() => page.locator('.learning-cards').textContent()).toContain(course.title);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Vie tiedot tiedostoon' }).click()]);
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.format).toBe('kohtaamo-progress');
    expect(exported.data.answers.length).toBeGreaterThanOrEqual(2);

    // A corrupt file is refused and nothing changes.
    await page.getByLabel('Tuo tiedot tiedostosta').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":') });
    await expect.poll(() => page.locator('.notice-error').textContent()).toContain('se ei ole JSON-tiedosto');
    expect(await page.locator('.learning-card').count()).toBe(1);

    await page.getByRole('button', { name: 'Poista kaikki tietoni…' }).click();
    await page.getByRole('button', { name: 'Peruuta' }).click();
    expect(await page.locator('.learning-card').count()).toBe(1);
    await page.getByRole('button', { name: 'Poista kaikki tietoni…' }).click();
    await page.getByRole('button', { name: 'Poista kaikki tiedot' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Et ole vielä aloittanut');

    await page.getByLabel('Tuo tiedot tiedostosta').setInputFiles(file);
    await expect.poll(() => page.locator('.notice-ok').textContent()).toContain('Tiedot tuotiin');
    await expect.poll(() => page.locator('.learning-card').count()).toBe(1);
    await page.goto(pageUrl());
    await expect.poll(() => page.locator(checkScope).locator('.verdict').textContent()).toBe('✗ Ei aivan oikein.');
  });
});

describe('a course updated since the attempt began', () => {
  it('still opens the attempt, ignores answers to removed questions and tells the learner', async () => {
    const browser = await launch();
    try {
      const { page } = browser;
      await page.goto(pageUrl());
      await answerCheck(page);
      // Make the stored attempt look like one made on an older version with a question since removed.
      await page.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('kohtaamo');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction(['attempts', 'answers'], 'readwrite');
              const attempts = tx.objectStore('attempts');
              attempts.getAll().onsuccess = (e) => {
                const [attempt] = (e.target as IDBRequest).result;
                attempts.put({ ...attempt, contentVersion: '0.9.0' });
                tx.objectStore('answers').put({
                  id: 'removed-question-answer',
                  attemptId: attempt.id,
                  questionId: 'q-removed-long-ago',
                  context: 'check',
                  response: { type: 'single', option: 'a' },
                  correct: true,
                  at: Date.now(),
                });
              };
              tx.oncomplete = () => {
                db.close();
                resolve();
              };
            };
          }),
      );
      await page.reload();
      const notice = page.locator('.notice-warning', { hasText: 'Kurssia on päivitetty' });
      await expect.poll(() => notice.textContent()).toContain(`versio 0.9.0 → ${course.version}`);
      await expect.poll(() => page.locator(checkScope).locator('.verdict').textContent()).toBe('✓ Oikein!');
      await notice.getByRole('button', { name: 'Selvä' }).click();
      await expect.poll(() => notice.count()).toBe(0);
      await page.reload();
      await expect.poll(() => page.locator('h1').textContent()).toBe(stepWithQuiz.page.title);
      expect(await notice.count()).toBe(0);
    } finally {
      await browser.close();
      removeProfile(browser.profile);
    }
  });
});

describe('storage full', () => {
  it('says so, keeps the answer waiting, and saves it when retried', async () => {
    const browser = await launch();
    try {
      const { page } = browser;
      await page.goto(pageUrl());
      await expect.poll(() => page.locator('h1').textContent()).toBe(stepWithQuiz.page.title);
      // The disk fills up: every IndexedDB write now fails as a full quota does.
      await page.evaluate(() => {
        const w = window as unknown as { __writes: object };
        w.__writes = { add: IDBObjectStore.prototype.add, put: IDBObjectStore.prototype.put };
        for (const method of ['add', 'put'] as const) {
          IDBObjectStore.prototype[method] = function () {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          };
        }
      });
      await answer(page, checkScope, question, true);
      await page.locator(checkScope).getByRole('button', { name: 'Tarkista vastaus' }).click();
      const alert = page.locator('.notice-error[role="alert"]');
      await expect.poll(() => alert.textContent()).toContain('tallennustila on täynnä');
      expect(await page.locator(checkScope).locator('.verdict').count()).toBe(0);
      // Space is freed; the waiting write goes through on retry.
      await page.evaluate(() => {
        const w = window as unknown as { __writes: { add: IDBObjectStore['add']; put: IDBObjectStore['put'] } };
        IDBObjectStore.prototype.add = w.__writes.add;
        IDBObjectStore.prototype.put = w.__writes.put;
      });
      await alert.getByRole('button', { name: /Yritä tallennusta uudelleen/ }).click();
      await expect.poll(() => alert.count()).toBe(0);
      await page.reload();
      await expect.poll(() => page.locator(checkScope).locator('.verdict').textContent()).toBe('✓ Oikein!');
    } finally {
      await browser.close();
      removeProfile(browser.profile);
    }
  });
});

describe('storage blocked', () => {
  it('inside a sandboxed iframe without IndexedDB the course still works and says progress is not kept', async () => {
    const browser = await launch();
    try {
      const { page } = browser;
      await page.setContent(`<!doctype html><title>LMS</title><iframe sandbox="allow-scripts" src="${pageUrl()}" style="width:1000px;height:800px"></iframe>`);
      const frame = page.frameLocator('iframe');
      await expect.poll(() => frame.locator('.site-notice').textContent(), { timeout: 15_000 }).toContain('edistymisesi ei säily');
      await expect.poll(() => frame.locator('h1').textContent()).toBe(stepWithQuiz.page.title);
      await answer(page.frames()[1]!, checkScope, question, true);
      await frame.locator(checkScope).getByRole('button', { name: 'Tarkista vastaus' }).click();
      await expect.poll(() => frame.locator(checkScope).locator('.verdict').textContent()).toBe('✓ Oikein!');
    } finally {
      await browser.close();
      removeProfile(browser.profile);
    }
  });
});
