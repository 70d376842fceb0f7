/** Runs in Chromium on the site's origin: real IndexedDB timings for the benchmark. */
import { ProgressStore } from '../../src/storage/progress';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

(window as unknown as { kohtaamoBench: () => Promise<object> }).kohtaamoBench = async () => {
  const store = await ProgressStore.open(`bench-${Date.now()}`);
  const attempt = await store.startAttempt('bench-course', '1.0.0');
  const answer = (i: number) => ({
    attemptId: attempt.id,
    questionId: `q-${i % 40}`,
    context: i % 3 === 0 ? 'check' : `test:${1 + (i % 5)}`,
    response: { type: 'single' as const, option: 'abcd'[i % 4]! },
    correct: i % 2 === 0,
  });
  const record: number[] = [];
  for (let i = 0; i < 500; i++) {
    const start = performance.now();
    await store.recordAnswer(answer(i));
    if (i >= 10) record.push(performance.now() - start); // the first writes warm up IndexedDB
  }
  for (let i = 0; i < 30; i++) await store.recordVisit(attempt.id, `page-${i}`, `m/page-${i}`);
  const resume: number[] = [];
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    const snapshot = await store.loadAttempt('bench-course');
    if (!snapshot || snapshot.answers.length !== 500) throw new Error('resume lost answers');
    resume.push(performance.now() - start);
  }
  return { recordAnswerMedianMs: median(record), resume500AnswersMs: median(resume.slice(3)) };
};
