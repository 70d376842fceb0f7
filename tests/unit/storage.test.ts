import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressStore } from '../../src/storage/progress';

let n = 0;
const fresh = () => ProgressStore.open(`test-${++n}`);

describe('progress store on IndexedDB (fake-indexeddb)', () => {
  afterEach(() => undefined);

  it('opens persistently when IndexedDB works', async () => {
    const store = await fresh();
    expect(store.persistent).toBe(true);
  });

  it('records visits and answers as they happen and loads them back', async () => {
    const name = `test-${++n}`;
    const store = await ProgressStore.open(name);
    const attempt = await store.startAttempt('c', '1.0.0');
    await store.recordVisit(attempt.id, 'p1', 'm1/p1');
    await store.recordVisit(attempt.id, 'p2', 'm1/p2');
    await store.recordAnswer({ attemptId: attempt.id, questionId: 'q1', context: 'check', response: { type: 'single', option: 'a' }, correct: false });
    await store.recordAnswer({ attemptId: attempt.id, questionId: 'q1', context: 'check', response: { type: 'single', option: 'b' }, correct: true });

    // A second store on the same database stands for a reopened browser.
    const reopened = await ProgressStore.open(name);
    const snapshot = await reopened.loadAttempt('c', '1.0.0');
    expect(snapshot?.attempt.location).toBe('m1/p2');
    expect([...snapshot!.visited].sort()).toEqual(['p1', 'p2']);
    expect(snapshot!.answers.map((a) => a.response)).toEqual([
      { type: 'single', option: 'a' },
      { type: 'single', option: 'b' },
    ]);
  });

  it('keeps attempts per content version apart', async () => {
    const store = await fresh();
    await store.startAttempt('c', '1.0.0');
    expect(await store.loadAttempt('c', '2.0.0')).toBeNull();
    expect(await store.loadAttempt('c', '1.0.0')).not.toBeNull();
  });

  it('stores the final-test tries and the learner profile', async () => {
    const store = await fresh();
    const attempt = await store.startAttempt('c', '1.0.0');
    await store.updateAttempt(attempt.id, { openTry: { no: 1, questionIds: ['a', 'b'], startedAt: 1 } });
    await store.finishTry(attempt.id, [{ no: 1, questionIds: ['a', 'b'], percent: 50, passed: false, finishedAt: 2 }]);
    const loaded = await store.latestAttempt('c', '1.0.0');
    expect(loaded?.openTry).toBeUndefined();
    expect(loaded?.tries).toHaveLength(1);
    await store.saveProfile({ name: 'Maija' });
    expect((await store.getProfile()).name).toBe('Maija');
  });
});

describe('progress store without IndexedDB', () => {
  it('falls back to memory and still works', async () => {
    // Private mode or a blocked third-party iframe: opening IndexedDB throws.
    const blocked = {
      open() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const store = await ProgressStore.open('blocked', blocked);
    expect(store.persistent).toBe(false);
    const attempt = await store.startAttempt('c', '1.0.0');
    await store.recordVisit(attempt.id, 'p1', 'm/p1');
    expect((await store.loadAttempt('c', '1.0.0'))?.visited.has('p1')).toBe(true);
  });
});
