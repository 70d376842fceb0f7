/** Issue 14: two tabs on one knowledge check, and a progress file with impossible values. */
import { describe, expect, inject, it } from 'vitest';
import { browserForSuite } from './browser';
import { answer, shippedCourse } from './support';

const course = shippedCourse('avoin-hallinto');
const step = course.modules
  .flatMap((m) => m.pages.map((p) => ({ module: m, page: p })))
  .find(({ page }) => page.blocks.some((b) => b.type === 'quiz' && course.questions[b.questions[0]!]?.type === 'single'))!;
const quiz = step.page.blocks.find((b) => b.type === 'quiz')!;
const question = course.questions[quiz.type === 'quiz' ? quiz.questions[0]! : '']!;
const pageUrl = () => `${inject('siteUrl')}#/course/${course.id}/${step.module.id}/${step.page.id}`;
const scope = `#check-${question.id}-prompt >> xpath=ancestor::section[contains(@class,"check")]`;
const correct = question.type === 'single' ? question.options.find((o) => o.correct)! : null;

describe('two tabs on one knowledge check', () => {
  const suite = browserForSuite();

  it('keeps the selection this tab has not sent yet, and says what happened in the other tab', async () => {
    const tabA = suite.current.page;
    const tabB = await suite.current.context.newPage();
    await tabA.goto(pageUrl());
    await tabB.goto(pageUrl());
    await expect.poll(() => tabB.locator('h1').textContent()).toBe(step.page.title);
    await expect.poll(() => tabA.locator('h1').textContent()).toBe(step.page.title);

    // Tab A chooses the right option but has not checked it; tab B answers wrongly at that moment.
    await answer(tabA, scope, question, true);
    await answer(tabB, scope, question, false);
    await tabB.locator(scope).getByRole('button', { name: 'Tarkista vastaus' }).click();
    await expect.poll(() => tabB.locator(scope).locator('.verdict').textContent()).toBe('✗ Ei aivan oikein.');

    const box = tabA.locator(scope);
    await expect.poll(() => box.locator('[role="status"]').textContent()).toContain('vastattiin juuri toisessa välilehdessä');
    expect(await box.locator(`input[id$="-${correct!.id}"]`).isChecked()).toBe(true);
    expect(await box.locator(`input[id$="-${correct!.id}"]`).isDisabled()).toBe(false);
    expect(await box.locator('.verdict').count()).toBe(0);

    // Checking in tab A saves A's choice; both tabs then show it.
    await box.getByRole('button', { name: 'Tarkista vastaus' }).click();
    await expect.poll(() => box.locator('.verdict').textContent()).toBe('✓ Oikein!');
    expect(await box.locator('[role="status"]').count()).toBe(0);
    await expect.poll(() => tabB.locator(scope).locator('.verdict').textContent()).toBe('✓ Oikein!');

    // A tab that is only showing its result is told when the other tab answers anew.
    await tabB.locator(scope).getByRole('button', { name: 'Yritä uudelleen' }).click();
    await answer(tabB, scope, question, false);
    await tabB.locator(scope).getByRole('button', { name: 'Tarkista vastaus' }).click();
    await expect.poll(() => box.locator('.verdict').textContent()).toBe('✗ Ei aivan oikein.');
    expect(await box.locator('[role="status"]').textContent()).toContain('Näet nyt sen vastauksen');
    await tabB.close();

    // Progress loads after the page shows: a reload is not news from another tab.
    await tabA.reload();
    await expect.poll(() => box.locator('.verdict').textContent()).toBe('✗ Ei aivan oikein.');
    expect(await box.locator('[role="status"]').count()).toBe(0);
  });
});

describe('importing a progress file with impossible values', () => {
  const suite = browserForSuite();
  const now = Date.now();
  const attemptId = 'a1b2c3d4e5f60718';
  type Data = Record<'attempts' | 'visits' | 'answers' | 'gameSessions' | 'certificates', unknown[]>;
  const file = (edit: (data: Data) => void) => {
    const data: Data = {
      attempts: [{ id: attemptId, contentId: course.id, contentVersion: course.version, status: 'in-progress', startedAt: now, tries: [], timeSpentMs: 1000, updatedAt: now }],
      visits: [],
      answers: [{ id: 'b1b2c3d4e5f60718', attemptId, questionId: question.id, context: 'check', response: { type: 'single', option: 'a' }, correct: false, at: now }],
      gameSessions: [],
      certificates: [],
    };
    edit(data);
    const text = JSON.stringify({ format: 'kohtaamo-progress', formatVersion: 1, exportedAt: new Date(now).toISOString(), data: { profile: null, ...data } });
    return { name: 'edistyminen.json', mimeType: 'application/json', buffer: Buffer.from(text) };
  };

  it('refuses it, naming the field, and changes nothing', async () => {
    const { page } = suite.current;
    await page.goto(`${inject('siteUrl')}#/my`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Et ole vielä aloittanut');
    const input = page.getByLabel('Tuo tiedot tiedostosta');

    // A question id the compiled course does not have: the app loads the course to know its ids.
    await input.setInputFiles(file((d) => ((d.answers[0] as { questionId: string }).questionId = 'q-ei-ole')));
    await expect.poll(() => page.locator('.notice-error').textContent()).toBe(
      `Tiedostoa ei tuotu: se viittaa sivuun, kysymykseen tai kohtaukseen, jota kurssissa tai pelissä ei ole (answers.0.questionId: question "q-ei-ole" is not in ${course.id}). Tietoihisi ei tehty muutoksia.`,
    );
    // A certificate with a negative percentage.
    await input.setInputFiles(
      file((d) => d.certificates.push({ id: 'c1b2c3d4e5f60718', contentId: course.id, contentVersion: course.version, attemptId, title: 'x', percent: -5, issuedAt: now })),
    );
    await expect.poll(() => page.locator('.notice-error').textContent()).toContain('data.certificates.0.percent: must be between 0 and 100');
    expect(await page.locator('main').textContent()).toContain('Et ole vielä aloittanut');

    // The same file without the impossible value is imported.
    await input.setInputFiles(file(() => undefined));
    await expect.poll(() => page.locator('.notice-ok').textContent()).toContain('Tiedot tuotiin');
    await expect.poll(() => page.locator('.learning-card').count()).toBe(1);
  });
});

