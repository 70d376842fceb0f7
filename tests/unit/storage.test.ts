import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ProgressStore } from '../../src/storage/progress';

let n = 0;
const freshName = () => `test-${++n}`;

describe('progress store on IndexedDB (fake-indexeddb)', () => {
  it('opens persistently when IndexedDB works', async () => {
    expect((await ProgressStore.open(freshName())).persistent).toBe(true);
  });

  it('records visits and answers as they happen and loads them back after a reopen', async () => {
    const name = freshName();
    const store = await ProgressStore.open(name);
    const attempt = await store.startAttempt('c', '1.0.0');
    await store.recordVisit(attempt.id, 'p1', 'm1/p1');
    await store.recordVisit(attempt.id, 'p2', 'm1/p2');
    await store.recordVisit(attempt.id, 'p1', 'm1/p1');
    await store.recordAnswer({ attemptId: attempt.id, questionId: 'q1', context: 'check', response: { type: 'single', option: 'a' }, correct: false });
    await store.recordAnswer({ attemptId: attempt.id, questionId: 'q1', context: 'check', response: { type: 'single', option: 'b' }, correct: true });
    store.db.close();

    const reopened = await ProgressStore.open(name);
    const snapshot = await reopened.loadAttempt('c');
    expect(snapshot?.attempt.location).toBe('m1/p1');
    expect([...snapshot!.visited].sort()).toEqual(['p1', 'p2']);
    expect(await reopened.db.visits.count()).toBe(2); // a page seen twice is one visit
    expect(snapshot!.answers.map((a) => a.response)).toEqual([
      { type: 'single', option: 'a' },
      { type: 'single', option: 'b' },
    ]);
  });

  it('keeps one attempt per course even when two tabs start it at once', async () => {
    const name = freshName();
    const [tabA, tabB] = await Promise.all([ProgressStore.open(name), ProgressStore.open(name)]);
    const [a, b] = await Promise.all([tabA.startAttempt('c', '1.0.0'), tabB.startAttempt('c', '1.0.0')]);
    expect(a.id).toBe(b.id);
    expect(await tabA.db.attempts.count()).toBe(1);
  });

  it('loses no final-test try when two tabs finish tries', async () => {
    const name = freshName();
    const [tabA, tabB] = await Promise.all([ProgressStore.open(name), ProgressStore.open(name)]);
    const attempt = await tabA.startAttempt('c', '1.0.0');
    const opened = await tabA.openTry(attempt.id, () => ['q1', 'q2']);
    const again = await tabB.openTry(attempt.id, () => ['q3', 'q4']);
    expect(again).toEqual(opened); // the other tab continues the same try
    await tabA.finishTry(attempt.id, { no: 1, questionIds: ['q1', 'q2'], percent: 50, passed: false, finishedAt: 1 });
    await tabB.finishTry(attempt.id, { no: 1, questionIds: ['q1', 'q2'], percent: 50, passed: false, finishedAt: 2 });
    const second = await tabB.openTry(attempt.id, () => ['q5', 'q6']);
    expect(second?.no).toBe(2);
    await tabB.finishTry(attempt.id, { no: 2, questionIds: ['q5', 'q6'], percent: 100, passed: true, finishedAt: 3 });
    const stored = await tabA.latestAttempt('c');
    expect(stored?.tries.map((t) => t.no)).toEqual([1, 2]);
    expect(stored?.openTry).toBeUndefined();
  });

  it('opens an attempt made on an earlier content version', async () => {
    const store = await ProgressStore.open(freshName());
    await store.startAttempt('c', '1.0.0');
    const again = await store.startAttempt('c', '2.0.0');
    expect(again.contentVersion).toBe('1.0.0');
    expect((await store.loadAttempt('c'))?.attempt.id).toBe(again.id);
  });

  it('completes an attempt once, with one certificate, and counts study time', async () => {
    const store = await ProgressStore.open(freshName());
    const attempt = await store.startAttempt('c', '1.0.0');
    await store.addStudyTime(attempt.id, 30_000);
    await store.addStudyTime(attempt.id, 15_000);
    const cert = { contentId: 'c', contentVersion: '1.0.0', title: 'C', percent: 90 };
    await store.completeAttempt(attempt.id, cert);
    await store.completeAttempt(attempt.id, cert);
    const stored = await store.latestAttempt('c');
    expect(stored?.status).toBe('completed');
    expect(stored?.timeSpentMs).toBe(45_000);
    expect(await store.certificates()).toHaveLength(1);
  });

  it('notifies live observers of changes made through another connection', async () => {
    const name = freshName();
    const [tabA, tabB] = await Promise.all([ProgressStore.open(name), ProgressStore.open(name)]);
    const seen: number[] = [];
    const done = new Promise<void>((resolve) => {
      const sub = tabA.observeAttempt(
        'c',
        (snap) => {
          seen.push(snap?.visited.size ?? -1);
          if (snap?.visited.has('p1')) {
            sub.unsubscribe();
            resolve();
          }
        },
        (e) => {
          throw e;
        },
      );
    });
    const attempt = await tabB.startAttempt('c', '1.0.0');
    await tabB.recordVisit(attempt.id, 'p1', 'm/p1');
    await done;
    expect(seen.at(-1)).toBe(1);
  });

  it('deletes everything', async () => {
    const store = await ProgressStore.open(freshName());
    const attempt = await store.startAttempt('c', '1.0.0');
    await store.recordVisit(attempt.id, 'p1', 'm/p1');
    await store.saveProfile({ name: 'Maija' });
    await store.deleteAll();
    expect(await store.loadAttempt('c')).toBeNull();
    expect((await store.getProfile()).name).toBe('');
  });
});

describe('schema upgrade held up by another tab', () => {
  it('reports it, then opens once the other tab lets go', async () => {
    const name = freshName();
    // An older Kohtaamo in another tab: a raw connection at schema version 1 that does not close.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 10); // Dexie stores version n as n * 10
      request.onupgradeneeded = () => request.result.createObjectStore('profile', { keyPath: 'key' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    let blocked = 0;
    const opening = ProgressStore.open(name, {
      onBlocked: () => {
        blocked++;
        old.close(); // the learner closes the other tab
      },
    });
    const store = await opening;
    expect(blocked).toBe(1);
    expect(store.persistent).toBe(true);
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
    const store = await ProgressStore.open('blocked', { indexedDB: blocked });
    expect(store.persistent).toBe(false);
    const attempt = await store.startAttempt('c', '1.0.0');
    await store.recordVisit(attempt.id, 'p1', 'm/p1');
    expect((await store.loadAttempt('c'))?.visited.has('p1')).toBe(true);
  });
});
