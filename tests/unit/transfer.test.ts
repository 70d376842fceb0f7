import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ProgressStore } from '../../src/storage/progress';
import { exportProgress, ImportRefused, mergeProgress, parseImport, EXPORT_FORMAT_VERSION } from '../../src/storage/transfer';

let n = 0;
const known = new Set(['c', 'game']);

async function storeWithProgress() {
  const store = await ProgressStore.open(`transfer-${++n}`);
  const attempt = await store.startAttempt('c', '1.0.0');
  await store.recordVisit(attempt.id, 'p1', 'm/p1');
  await store.recordAnswer({ attemptId: attempt.id, questionId: 'q1', context: 'check', response: { type: 'truefalse', value: true }, correct: true });
  await store.saveProfile({ name: 'Maija' });
  return { store, attempt };
}

async function counts(store: ProgressStore) {
  const db = store.db;
  return { attempts: await db.attempts.count(), visits: await db.visits.count(), answers: await db.answers.count() };
}

describe('export and import of progress', () => {
  it('moves everything to another device and merges without duplicates', async () => {
    const { store } = await storeWithProgress();
    const file = await exportProgress(store.db);
    const text = JSON.stringify(file);

    const other = await ProgressStore.open(`transfer-${++n}`);
    const own = await other.startAttempt('other', '1.0.0');
    await other.recordVisit(own.id, 'x', 'm/x');
    const first = await mergeProgress(other.db, parseImport(text, new Set([...known, 'other'])));
    expect(first).toEqual({ added: 3, updated: 0, unchanged: 0 });
    const again = await mergeProgress(other.db, parseImport(text, new Set([...known, 'other'])));
    expect(again).toEqual({ added: 0, updated: 0, unchanged: 3 });
    expect(await counts(other)).toEqual({ attempts: 2, visits: 2, answers: 1 });
    expect((await other.loadAttempt('c'))?.visited.has('p1')).toBe(true);
    expect((await other.getProfile()).name).toBe('Maija');
  });

  it('keeps the newer side of an attempt both devices have', async () => {
    const { store, attempt } = await storeWithProgress();
    const older = JSON.stringify(await exportProgress(store.db));
    await store.updateAttempt(attempt.id, { location: 'm/p9' });
    await mergeProgress(store.db, parseImport(older, known));
    expect((await store.latestAttempt('c'))?.location).toBe('m/p9');
  });

  const refusals: [string, string, ImportRefused['reason']][] = [
    ['not JSON', '{"format": "kohtaamo-progress", ', 'not-json'],
    ['another format', JSON.stringify({ format: 'moodle-backup', formatVersion: 1, data: {} }), 'other-format'],
    ['a JSON array', '[1, 2, 3]', 'other-format'],
    ['too new', JSON.stringify({ format: 'kohtaamo-progress', formatVersion: EXPORT_FORMAT_VERSION + 1, data: {} }), 'too-new'],
  ];
  for (const [what, text, reason] of refusals) {
    it(`refuses a file that is ${what}, changing nothing`, async () => {
      const { store } = await storeWithProgress();
      const before = await counts(store);
      expect(() => parseImport(text, known)).toThrowError(expect.objectContaining({ reason }));
      expect(await counts(store)).toEqual(before);
    });
  }

  it('refuses a corrupt file and says where', async () => {
    const { store } = await storeWithProgress();
    const file = await exportProgress(store.db);
    (file.data.answers[0] as { response: unknown }).response = { type: 'single' };
    expect(() => parseImport(JSON.stringify(file), known)).toThrowError(
      expect.objectContaining({ reason: 'corrupt', details: expect.stringContaining('answers.0.response') }),
    );
    const orphan = await exportProgress(store.db);
    orphan.data.attempts = [];
    expect(() => parseImport(JSON.stringify(orphan), known)).toThrowError(expect.objectContaining({ reason: 'corrupt' }));
  });

  it('refuses progress for content that no longer exists, naming it', async () => {
    const { store } = await storeWithProgress();
    const text = JSON.stringify(await exportProgress(store.db));
    expect(() => parseImport(text, new Set(['game']))).toThrowError(expect.objectContaining({ reason: 'unknown-content', details: 'c' }));
  });

  it('changes nothing when the merge fails half-way', async () => {
    const { store } = await storeWithProgress();
    const file = await exportProgress(store.db);
    const target = await ProgressStore.open(`transfer-${++n}`);
    const data = parseImport(JSON.stringify(file), known);
    // A record that IndexedDB cannot store (a function cannot be cloned) fails the transaction.
    (data.answers[0] as { response: unknown }).response = { type: 'truefalse', value: () => true };
    await expect(mergeProgress(target.db, data)).rejects.toThrow();
    expect(await counts(target)).toEqual({ attempts: 0, visits: 0, answers: 0 });
  });
});
