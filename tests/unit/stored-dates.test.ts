/** Issue 14 §2: data already stored with impossible dates never hides newer progress or breaks a view. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ProgressStore } from '../../src/storage/progress';
import { formatDate, formatDateTime } from '../../src/i18n';

let n = 0;

describe('stored data with impossible dates', () => {
  it('an answer dated 9999 does not hide the answers given after it', async () => {
    const store = await ProgressStore.open(`stored-dates-${++n}`);
    const attempt = await store.startAttempt('c', '1.0.0');
    await store.recordAnswer({ attemptId: attempt.id, questionId: 'q1', context: 'check', response: { type: 'truefalse', value: true }, correct: true });
    const first = (await store.db.answers.toArray())[0]!;
    await store.db.answers.update(first.id, { at: Date.UTC(9999, 0, 1) });
    await store.recordAnswer({ attemptId: attempt.id, questionId: 'q1', context: 'check', response: { type: 'truefalse', value: false }, correct: false });
    const answers = (await store.loadAttempt('c'))!.answers;
    expect(answers.map((a) => a.correct)).toEqual([true, false]); // oldest first: the newer answer is the latest
  });

  it('an attempt whose date JavaScript cannot hold is still listed in My learning', async () => {
    const store = await ProgressStore.open(`stored-dates-${++n}`);
    const broken = await store.startAttempt('c', '1.0.0');
    await store.startAttempt('d', '1.0.0');
    await store.db.attempts.update(broken.id, { updatedAt: Number.NaN, startedAt: 8.64e15 + 1 });
    const listed = await store.allAttempts();
    expect(listed.map((a) => a.contentId)).toEqual(['d', 'c']);
    expect((await store.latestAttempt('c'))?.id).toBe(broken.id);
  });

  it('a date outside JavaScript range is shown as a dash, never an exception', () => {
    expect(formatDate(Number.NaN, 'fi')).toBe('–');
    expect(formatDateTime(8.64e15 + 1, 'fi')).toBe('–');
    expect(formatDate(Date.UTC(2026, 11, 4), 'fi')).toBe('4.12.2026');
  });
});
