/**
 * What the app asks of storage. Every answer and page visit is written as it happens; the
 * returned promise settles once it is stored. Read-modify-write steps run inside IndexedDB
 * transactions, so two tabs on the same course never overwrite each other's work.
 */
import { liveQuery, type Subscription } from 'dexie';
import type { TestTry } from '../course/completion';
import {
  newId,
  openDatabase,
  type Answer,
  type Attempt,
  type Certificate,
  type GameSession,
  type KohtaamoDb,
  type Profile,
} from './db';
import { isSaneDate } from './sane-date';

/** A stored date for ordering: an impossible one (NaN, year 9999, before 2020) sorts as the oldest. */
const saneTime = (n: number) => (isSaneDate(n) ? n : 0);

export interface AttemptSnapshot {
  attempt: Attempt;
  visited: Set<string>;
  /** Every answer of the attempt, oldest first. */
  answers: Answer[];
}

/** Something about storage the learner should be told (shown by the app shell). */
export type StorageNotice = 'closed-by-other-tab';

export class ProgressStore {
  private lastAt = 0;
  private noticeListeners = new Set<(notice: StorageNotice) => void>();

  private constructor(
    readonly db: KohtaamoDb,
    /** False when IndexedDB is unavailable and progress lives in memory only. */
    readonly persistent: boolean,
  ) {
    db.on('versionchange', () => {
      // A newer Kohtaamo opened in another tab: step aside so its upgrade can run.
      db.close();
      this.notify('closed-by-other-tab');
      return false;
    });
  }

  /**
   * @param options.indexedDB another IndexedDB implementation (tests use it to stand for a blocked one)
   * @param options.onBlocked called when an older Kohtaamo in another tab holds up a schema
   *   upgrade; opening waits until that tab is closed, so the app cannot render before then
   */
  static async open(name = 'kohtaamo', options: { indexedDB?: IDBFactory; onBlocked?: () => void } = {}): Promise<ProgressStore> {
    const { indexedDB, onBlocked } = options;
    const db = openDatabase(name, indexedDB && { indexedDB, IDBKeyRange });
    if (onBlocked) db.on('blocked', onBlocked);
    try {
      await db.open();
      return new ProgressStore(db, true);
    } catch (error) {
      console.warn('IndexedDB unavailable, keeping progress in memory only', error);
      db.close();
      // The same schema on an in-memory IndexedDB: the app works, nothing survives a reload.
      const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
      const memory = openDatabase(name, { indexedDB: new IDBFactory(), IDBKeyRange });
      await memory.open();
      return new ProgressStore(memory, false);
    }
  }

  onNotice(listener: (notice: StorageNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  private notify(notice: StorageNotice) {
    for (const listener of this.noticeListeners) listener(notice);
  }

  /** Wall-clock time that never repeats, so records made in one millisecond keep their order. */
  private now(): number {
    this.lastAt = Math.max(Date.now(), this.lastAt + 1);
    return this.lastAt;
  }

  async getProfile(): Promise<Profile> {
    return (await this.db.profile.get('me')) ?? { key: 'me', name: '' };
  }

  async saveProfile(changes: Partial<Omit<Profile, 'key'>>): Promise<void> {
    await this.db.transaction('rw', this.db.profile, async () => {
      const current = (await this.db.profile.get('me')) ?? { key: 'me' as const, name: '' };
      await this.db.profile.put({ ...current, ...changes, key: 'me' });
    });
  }

  /** The learner's newest attempt on a course or game, whatever content version it was made on. */
  async latestAttempt(contentId: string): Promise<Attempt | undefined> {
    const all = await this.db.attempts.where({ contentId }).toArray();
    return all.sort((a, b) => saneTime(a.startedAt) - saneTime(b.startedAt)).at(-1);
  }

  async allAttempts(): Promise<Attempt[]> {
    // Not through the updatedAt index: a record whose date is not a valid key would be left out.
    return (await this.db.attempts.toArray()).sort((a, b) => saneTime(b.updatedAt) - saneTime(a.updatedAt));
  }

  async visitedPages(attemptId: string): Promise<Set<string>> {
    const visits = await this.db.visits.where({ attemptId }).toArray();
    return new Set(visits.map((v) => v.pageId));
  }

  async loadAttempt(contentId: string): Promise<AttemptSnapshot | null> {
    return this.db.transaction('r', this.db.attempts, this.db.visits, this.db.answers, async () => {
      const attempt = await this.latestAttempt(contentId);
      if (!attempt) return null;
      const [visited, answers] = await Promise.all([
        this.visitedPages(attempt.id),
        this.db.answers.where({ attemptId: attempt.id }).sortBy('at'),
      ]);
      // An answer with an impossible date (year 9999) counts as the oldest, so it never hides newer ones.
      answers.sort((a, b) => saneTime(a.at) - saneTime(b.at));
      return { attempt, visited, answers };
    });
  }

  /** Calls `listener` now and after every change to this content's progress, from any tab. */
  observeAttempt(contentId: string, listener: (snapshot: AttemptSnapshot | null) => void, onError: (e: unknown) => void): Subscription {
    return liveQuery(() => this.loadAttempt(contentId)).subscribe({ next: listener, error: onError });
  }

  /** The current attempt, created if there is none; safe when two tabs start at the same moment. */
  async startAttempt(contentId: string, version: string): Promise<Attempt> {
    return this.db.transaction('rw', this.db.attempts, async () => {
      const existing = await this.latestAttempt(contentId);
      if (existing) return existing;
      const now = this.now();
      const attempt: Attempt = {
        id: newId(),
        contentId,
        contentVersion: version,
        status: 'in-progress',
        startedAt: now,
        updatedAt: now,
        tries: [],
        timeSpentMs: 0,
      };
      await this.db.attempts.add(attempt);
      return attempt;
    });
  }

  async updateAttempt(id: string, changes: Partial<Omit<Attempt, 'id' | 'tries'>>): Promise<void> {
    await this.db.attempts.update(id, { ...changes, updatedAt: this.now() });
  }

  async addStudyTime(id: string, ms: number): Promise<void> {
    if (ms <= 0) return;
    await this.db.attempts
      .where({ id })
      .modify((a) => {
        a.timeSpentMs = (a.timeSpentMs ?? 0) + Math.round(ms);
      });
  }

  async recordVisit(attemptId: string, pageId: string, location: string): Promise<void> {
    const at = this.now();
    await this.db.transaction('rw', this.db.visits, this.db.attempts, async () => {
      const seen = await this.db.visits.where({ attemptId, pageId }).count();
      if (seen === 0) await this.db.visits.add({ id: newId(), attemptId, pageId, at });
      await this.db.attempts.update(attemptId, { location, updatedAt: at });
    });
  }

  async recordAnswer(answer: Omit<Answer, 'id' | 'at'>): Promise<Answer> {
    const stored: Answer = { ...answer, id: newId(), at: this.now() };
    await this.db.transaction('rw', this.db.answers, this.db.attempts, async () => {
      await this.db.answers.add(stored);
      await this.db.attempts.update(answer.attemptId, { updatedAt: stored.at });
    });
    return stored;
  }

  /** Opens a final-test try with the questions `draw` picks, unless one is already open. */
  async openTry(attemptId: string, draw: () => string[]): Promise<Attempt['openTry']> {
    return this.db.transaction('rw', this.db.attempts, async () => {
      const attempt = await this.db.attempts.get(attemptId);
      if (!attempt) throw new Error(`attempt ${attemptId} is missing`);
      if (attempt.openTry) return attempt.openTry;
      const openTry = { no: attempt.tries.length + 1, questionIds: draw(), startedAt: this.now() };
      await this.db.attempts.update(attemptId, { openTry, location: 'test', updatedAt: openTry.startedAt });
      return openTry;
    });
  }

  /** Closes the open try with its result; a try another tab already closed is not added twice. */
  async finishTry(attemptId: string, result: TestTry): Promise<Attempt> {
    return this.db.transaction('rw', this.db.attempts, async () => {
      const attempt = await this.db.attempts.get(attemptId);
      if (!attempt) throw new Error(`attempt ${attemptId} is missing`);
      const tries = attempt.tries.some((t) => t.no === result.no) ? attempt.tries : [...attempt.tries, result];
      const updated: Attempt = { ...attempt, tries, openTry: undefined, updatedAt: this.now() };
      await this.db.attempts.put(updated);
      return updated;
    });
  }

  /** Marks the attempt completed and issues its certificate, once. */
  async completeAttempt(attemptId: string, certificate: Omit<Certificate, 'id' | 'issuedAt' | 'attemptId'>): Promise<void> {
    const now = this.now();
    await this.db.transaction('rw', this.db.attempts, this.db.certificates, async () => {
      const attempt = await this.db.attempts.get(attemptId);
      if (!attempt || attempt.status === 'completed') return;
      await this.db.attempts.update(attemptId, { status: 'completed', finishedAt: now, updatedAt: now });
      await this.db.certificates.add({ ...certificate, id: newId(), attemptId, issuedAt: now });
    });
  }

  async certificates(): Promise<Certificate[]> {
    return this.db.certificates.orderBy('contentId').toArray();
  }

  /**
   * Replaces this content's progress with `state` (what the LMS holds): the LMS is the source of
   * truth on relaunch. Keeps the local attempt id, so certificates stay linked.
   */
  async replaceAttempt(contentId: string, state: import('../lms/suspend').ResumeState): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [db.attempts, db.visits, db.answers, db.certificates], async () => {
      const existing = await db.attempts.where({ contentId }).toArray();
      const keep = existing.sort((a, b) => a.startedAt - b.startedAt).at(-1);
      for (const old of existing) {
        await db.visits.where({ attemptId: old.id }).delete();
        await db.answers.where({ attemptId: old.id }).delete();
        if (old !== keep) await db.attempts.delete(old.id);
      }
      const id = keep?.id ?? newId();
      await db.attempts.put({
        id,
        contentId,
        contentVersion: state.contentVersion,
        status: state.completed ? 'completed' : 'in-progress',
        location: state.location,
        startedAt: keep?.startedAt ?? state.updatedAt,
        finishedAt: state.completed ? state.finishedAt : undefined,
        tries: state.tries,
        openTry: state.openTry && { no: state.openTry.no, questionIds: state.openTry.questionIds, startedAt: state.openTry.startedAt },
        timeSpentMs: state.timeSpentMs,
        updatedAt: state.updatedAt,
      });
      let at = state.updatedAt - 1000;
      await db.visits.bulkAdd(state.visited.map((pageId) => ({ id: newId(), attemptId: id, pageId, at })));
      const answers = (context: string, list: Record<string, import('../course/scoring').Response>) =>
        Object.entries(list).map(([questionId, response]) => ({ id: newId(), attemptId: id, questionId, context, response, correct: null, at: ++at }));
      const lastTry = state.tries.at(-1);
      await db.answers.bulkAdd([
        ...answers('check', state.checks),
        ...(lastTry ? answers(`test:${lastTry.no}`, state.lastTryAnswers) : []),
        ...(state.openTry ? answers(`test:${state.openTry.no}`, state.openTry.answers) : []),
      ]);
    });
  }

  /** The newest game session of this mode that is still going, if any. */
  async openGameSession(gameId: string, mode: GameSession['mode']): Promise<GameSession | undefined> {
    const sessions = await this.db.gameSessions.where({ gameId }).toArray();
    return sessions.filter((s) => s.mode === mode && s.status === 'in-progress').sort((a, b) => saneTime(a.updatedAt) - saneTime(b.updatedAt)).at(-1);
  }

  async gameSessions(gameId: string): Promise<GameSession[]> {
    return (await this.db.gameSessions.where({ gameId }).toArray()).sort((a, b) => a.startedAt - b.startedAt);
  }

  /** Removes one game session only (a stored play that cannot be resumed). */
  async discardGameSession(id: string): Promise<void> {
    await this.db.gameSessions.delete(id);
  }

  /** Writes a session as it is now: called after every move, so a reload resumes exactly here. */
  async saveGameSession(session: GameSession): Promise<void> {
    await this.db.gameSessions.put({ ...session, updatedAt: this.now() });
  }

  /** Deletes every record on this device: progress, answers, game sessions, certificates, profile. */
  async deleteAll(): Promise<void> {
    await this.db.transaction('rw', this.db.tables, async () => {
      await Promise.all(this.db.tables.map((table) => table.clear()));
    });
  }
}

/** Asks the browser to keep our storage under pressure; returns whether it now does. */
export async function requestPersistence(): Promise<'granted' | 'denied' | 'unsupported'> {
  if (!navigator.storage?.persist) return 'unsupported';
  if (await navigator.storage.persisted()) return 'granted';
  return (await navigator.storage.persist()) ? 'granted' : 'denied';
}

export async function isPersisted(): Promise<boolean | 'unsupported'> {
  if (!navigator.storage?.persisted) return 'unsupported';
  return navigator.storage.persisted();
}
