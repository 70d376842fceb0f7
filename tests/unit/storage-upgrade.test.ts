/**
 * Schema upgrades, from data written by every earlier schema version. When a version is added to
 * SCHEMA_HISTORY, add what that version wrote to WRITTEN_BY below.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_HISTORY, SCHEMA_VERSION, type KohtaamoDb } from '../../src/storage/db';
import { ProgressStore } from '../../src/storage/progress';

/** Records exactly as each schema version's app wrote them. */
const WRITTEN_BY: Record<number, (db: KohtaamoDb) => Promise<void>> = {
  1: async (db) => {
    await db.table('profile').put({ key: 'me', name: 'Ville' });
    // Version 1 attempts had no study time and no updatedAt.
    await db.table('attempts').put({
      id: 'aaaaaaaaaaaa0001',
      contentId: 'avoin-hallinto',
      contentVersion: '1.0.0',
      status: 'in-progress',
      location: 'perusteet/tekijat',
      startedAt: 1_700_000_000_000,
      tries: [{ no: 1, questionIds: ['q'], percent: 40, passed: false, finishedAt: 1_700_000_100_000 }],
    });
    await db.table('visits').put({ id: 'vvvvvvvvvvvv0001', attemptId: 'aaaaaaaaaaaa0001', pageId: 'lyhyesti', at: 1_700_000_000_500 });
    await db.table('answers').put({
      id: 'nnnnnnnnnnnn0001',
      attemptId: 'aaaaaaaaaaaa0001',
      questionId: 'q-kc-maaritelma',
      context: 'check',
      response: { type: 'single', option: 'b' },
      correct: true,
      at: 1_700_000_000_600,
    });
  },
  2: async (db) => {
    await WRITTEN_BY[1]!(db);
    await db.table('attempts').update('aaaaaaaaaaaa0001', { timeSpentMs: 0, updatedAt: 1_700_000_000_000 });
    await db.table('gameSessions').put({
      id: 'gggggggggggg0001',
      gameId: 'palvelutiski',
      gameVersion: '1.0.0',
      mode: 'solo',
      status: 'in-progress',
      snapshot: { machine: { status: 'active', value: 'alku', context: { meters: { trust: 3 }, points: 0, path: [] } } },
      events: [],
      startedAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
    });
  },
};

describe('schema upgrades', () => {
  it('has a fixture for every earlier version', () => {
    const earlier = SCHEMA_HISTORY.map((s) => s.version).filter((v) => v < SCHEMA_VERSION);
    expect(Object.keys(WRITTEN_BY).map(Number)).toEqual(earlier);
  });

  for (const version of Object.keys(WRITTEN_BY).map(Number)) {
    it(`opens data written by schema version ${version} and keeps all of it`, async () => {
      const name = `upgrade-from-${version}`;
      const old = openDatabase(name, undefined, version);
      await old.open();
      expect(old.verno).toBe(version);
      await WRITTEN_BY[version]!(old);
      old.close();

      const store = await ProgressStore.open(name);
      expect(store.db.verno).toBe(SCHEMA_VERSION);
      const snapshot = await store.loadAttempt('avoin-hallinto');
      expect(snapshot?.attempt.location).toBe('perusteet/tekijat');
      expect(snapshot?.attempt.timeSpentMs).toBe(0);
      expect(snapshot?.attempt.updatedAt).toBe(1_700_000_000_000);
      expect(snapshot?.attempt.tries).toHaveLength(1);
      expect([...snapshot!.visited]).toEqual(['lyhyesti']);
      expect(snapshot?.answers[0]?.response).toEqual({ type: 'single', option: 'b' });
      expect((await store.getProfile()).name).toBe('Ville');
      // And the new tables work on upgraded data.
      await store.completeAttempt(snapshot!.attempt.id, { contentId: 'avoin-hallinto', contentVersion: '1.0.0', title: 'x' });
      expect(await store.certificates()).toHaveLength(1);
      expect((await store.allAttempts())[0]?.status).toBe('completed');
      if (version >= 2) expect((await store.openGameSession('palvelutiski', 'solo'))?.id).toBe('gggggggggggg0001');
      await store.db.ownPractices.put({ id: 'pppppppppppp0001', lang: 'fi', theme: 'participation', title: 'x', what: 'y', achieved: 'z', next: 'w', createdAt: 1, updatedAt: 1 });
      expect(await store.db.ownPractices.count()).toBe(1);
    });
  }
});
