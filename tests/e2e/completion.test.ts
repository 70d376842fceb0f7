/**
 * Completion is never a surprise: for every combination of pages read (all / not all) and final
 * test (passed / failed / not taken), the catalogue, course menu, test, certificate and My learning
 * say the same status and what is still missing, with links to the unread pages.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForSuite } from './browser';
import { shippedCourse } from './support';

const course = shippedCourse('avoin-hallinto');
const pages = course.modules.flatMap((m) => m.pages.map((p) => p.id));
const READ_SOME = 3;

type Test = 'passed' | 'failed' | 'not-taken';

function progressFile(allRead: boolean, test: Test, n: number) {
  const attemptId = `aaaaaaaaaaaa${String(n).padStart(4, '0')}`;
  const now = Date.now();
  const read = allRead ? pages : pages.slice(0, READ_SOME);
  const completed = allRead && test === 'passed';
  const tries = test === 'not-taken' ? [] : [{ no: 1, questionIds: course.finalTest!.pool.slice(0, course.finalTest!.draw), percent: test === 'passed' ? 92 : 25, passed: test === 'passed', finishedAt: now }];
  return JSON.stringify({
    format: 'kohtaamo-progress',
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    data: {
      profile: { key: 'me', name: 'Maija Meikäläinen' },
      attempts: [
        {
          id: attemptId,
          contentId: course.id,
          contentVersion: course.version,
          status: completed ? 'completed' : 'in-progress',
          location: 'test',
          startedAt: now,
          ...(completed ? { finishedAt: now } : {}),
          tries,
          timeSpentMs: 600_000,
          updatedAt: now,
        },
      ],
      visits: read.map((pageId, i) => ({ id: `vvvvvvvv${String(n).padStart(4, '0')}${String(i).padStart(4, '0')}`, attemptId, pageId, at: now - 1000 + i })),
      answers: [],
      gameSessions: [],
      certificates: completed ? [{ id: `cccccccccccc${String(n).padStart(4, '0')}`, contentId: course.id, contentVersion: course.version, attemptId, title: course.title, percent: 92, issuedAt: now }] : [],
    },
  });
}

async function go(page: Page, hash: string, ready: string) {
  await page.goto(`${inject('siteUrl')}${hash}`);
  await expect.poll(() => page.locator(ready).count(), { timeout: 10_000 }).toBeGreaterThan(0);
}

async function startOver(page: Page, file: string) {
  await go(page, '#/my', '#import-file');
  if (await page.locator('#delete-start').count()) {
    await page.locator('#delete-start').click();
    await page.getByRole('button', { name: 'Poista kaikki tiedot' }).click();
    await expect.poll(() => page.locator('.notice-ok').textContent()).toContain('poistettiin');
  }
  await page.locator('#import-file').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect.poll(() => page.locator('.notice-ok').textContent()).toContain('Tiedot tuotiin');
}

const unread = pages.length - READ_SOME;
const passedMessage = `Testi hyväksytty – lue vielä ${unread} sivua, niin kurssi on suoritettu.`;
const missingMessage = `Lukematta on vielä ${unread} sivua.`;
const testWords: Record<Test, string> = {
  passed: 'Lopputesti hyväksytty',
  failed: 'Lopputestiä ei vielä hyväksytty – voit yrittää uudelleen',
  'not-taken': 'Lopputestiä ei ole vielä tehty',
};

describe('one completion status on every screen', () => {
  const suite = browserForSuite();
  let n = 0;

  for (const allRead of [true, false]) {
    for (const test of ['passed', 'failed', 'not-taken'] as const) {
      it(`${allRead ? 'all pages read' : `${unread} pages unread`}, test ${test}`, async () => {
        const { page } = suite.current;
        await startOver(page, progressFile(allRead, test, ++n));
        const completed = allRead && test === 'passed';
        const status = completed ? 'Suoritettu' : 'Kesken';
        const message = allRead ? null : test === 'passed' ? passedMessage : missingMessage;

        // My learning: a card with the status and the same message.
        const card = page.locator('.learning-card', { hasText: course.title });
        await expect.poll(() => card.locator('.status').textContent()).toContain(status);
        // The card reads the pages read apart from the attempt: the message may follow the status.
        if (message) await expect.poll(() => card.textContent()).toContain(message);
        else expect(await card.textContent()).not.toContain('Lukematta');

        // Catalogue.
        await go(page, '#/', '.card .status');
        const catalogueCard = page.locator('.card', { hasText: course.title });
        await expect.poll(() => catalogueCard.locator('.status').textContent()).toContain(status);
        if (!completed && test !== 'not-taken') expect(await catalogueCard.locator('.status').textContent()).toContain(testWords[test]);
        if (!allRead && test === 'passed') expect(await catalogueCard.textContent()).toContain(passedMessage);

        // Course menu box, on the course front page.
        await go(page, `#/course/${course.id}`, '.progress-box .course-status');
        const box = page.locator('.progress-box');
        await expect.poll(() => box.locator('.course-status').textContent()).toContain(status);
        expect(await box.textContent()).toContain(testWords[test]);
        if (message) {
          expect(await box.textContent()).toContain(message);
          expect(await box.locator('a').first().getAttribute('href')).toContain(`/${pages[READ_SOME]}`);
        }

        // Final test: the result (or the start) says the same.
        await go(page, `#/course/${course.id}/test`, '.final-test');
        const main = page.locator('.course-main');
        if (test === 'not-taken') {
          expect(await main.getByRole('button', { name: 'Aloita lopputesti' }).count()).toBe(1);
          if (!allRead) expect(await main.textContent()).toContain(missingMessage);
        } else {
          expect(await page.locator('.result-verdict').textContent()).toContain(test === 'passed' ? 'Hyväksytty' : 'Ei vielä hyväksytty');
          if (!allRead && test === 'passed') {
            expect(await main.textContent()).toContain(passedMessage);
            expect(await main.locator('.unread-pages a').count()).toBe(unread);
            expect(await main.getByRole('link', { name: 'Avaa ensimmäinen lukematon sivu' }).getAttribute('href')).toContain(`/${pages[READ_SOME]}`);
          }
          expect(await main.getByRole('link', { name: 'Siirry todistukseen' }).count()).toBe(completed ? 1 : 0);
        }

        // Certificate page: the certificate only when completed; else what is missing, with links.
        await go(page, `#/course/${course.id}/certificate`, '.certificate-view, .certificate-missing');
        if (completed) {
          await expect.poll(() => page.locator('.certificate').count()).toBe(1);
        } else {
          const missing = page.locator('.certificate-missing');
          expect(await missing.locator('.course-status').textContent()).toContain(`${status} · ${testWords[test]}`);
          if (message) {
            expect(await missing.textContent()).toContain(message);
            expect(await missing.locator('.unread-pages a').count()).toBe(unread);
          }
          expect(await missing.getByRole('link', { name: /lopputestiin/ }).count()).toBe(test === 'passed' ? 0 : 1);
        }
      });
    }
  }

  it('a course opened but with no page read and no try is "Ei aloitettu" in the menu and the catalogue alike', async () => {
    const { page } = suite.current;
    await go(page, '#/my', '#import-file');
    await page.locator('#delete-start').click();
    await page.getByRole('button', { name: 'Poista kaikki tiedot' }).click();
    await go(page, `#/course/${course.id}`, '.progress-box .course-status');
    expect(await page.locator('.progress-box .course-status').textContent()).toContain('Ei aloitettu');
    expect(await page.locator('label[for="course-progress"]').textContent()).toBe(`Luettu 0/${pages.length} sivua`);
    await go(page, '#/', '.card .status');
    await expect.poll(() => page.locator('.card', { hasText: course.title }).locator('.status').textContent()).toContain('Ei aloitettu');
  });
});
