/**
 * What the app asks of storage. Every answer and page visit is written as it happens; the
 * returned promise settles once it is on disk (or in memory, when IndexedDB cannot be used).
 */
import type { TestTry } from '../course/completion';
import type { Response } from '../course/scoring';
import { newId, openDatabase, type Answer, type Attempt, type KohtaamoDb, type Profile } from './db';

export interface AttemptSnapshot {
  attempt: Attempt;
  visited: Set<string>;
  /** Latest answer per question and context. */
  answers: Answer[];
}

export class ProgressStore {
  private constructor(
    private readonly db: KohtaamoDb,
    /** False when IndexedDB is unavailable and progress lives in memory only. */
    readonly persistent: boolean,
  ) {}

  /** @param indexedDB another IndexedDB implementation (tests use it to stand for a blocked one) */
  static async open(name?: string, indexedDB?: IDBFactory): Promise<ProgressStore> {
    const db = openDatabase(name, indexedDB && { indexedDB, IDBKeyRange });
    try {
      await db.open();
      return new ProgressStore(db, true);
    } catch (error) {
      console.warn('IndexedDB unavailable, keeping progress in memory only', error);
      db.close();
      // The same Dexie schema on an in-memory IndexedDB: the app works, nothing survives a reload.
      const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
      const memory = openDatabase(name, { indexedDB: new IDBFactory(), IDBKeyRange });
      await memory.open();
      return new ProgressStore(memory, false);
    }
  }

  private lastAt = 0;
  /** Wall-clock time that never repeats, so records made in one millisecond keep their order. */
  private now(): number {
    this.lastAt = Math.max(Date.now(), this.lastAt + 1);
    return this.lastAt;
  }

  async getProfile(): Promise<Profile> {
    return (await this.db.profile.get('me')) ?? { key: 'me', name: '' };
  }

  async saveProfile(changes: Partial<Omit<Profile, 'key'>>): Promise<void> {
    const current = await this.getProfile();
    await this.db.profile.put({ ...current, ...changes, key: 'me' });
  }

  /** The newest attempt on this content version, if any. */
  async latestAttempt(contentId: string, version: string): Promise<Attempt | undefined> {
    const all = await this.db.attempts.where({ contentId, contentVersion: version }).sortBy('startedAt');
    return all.at(-1);
  }

  async allAttempts(): Promise<Attempt[]> {
    return this.db.attempts.toArray();
  }

  async visitedPages(attemptId: string): Promise<Set<string>> {
    const visits = await this.db.visits.where({ attemptId }).toArray();
    return new Set(visits.map((v) => v.pageId));
  }

  async loadAttempt(contentId: string, version: string): Promise<AttemptSnapshot | null> {
    const attempt = await this.latestAttempt(contentId, version);
    if (!attempt) return null;
    const [visited, answers] = await Promise.all([
      this.visitedPages(attempt.id),
      this.db.answers.where({ attemptId: attempt.id }).sortBy('at'),
    ]);
    return { attempt, visited, answers };
  }

  async startAttempt(contentId: string, version: string): Promise<Attempt> {
    const now = Date.now();
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
  }

  async updateAttempt(id: string, changes: Partial<Attempt>): Promise<void> {
    await this.db.attempts.update(id, { ...changes, updatedAt: Date.now() });
  }

  async recordVisit(attemptId: string, pageId: string, location: string): Promise<void> {
    const at = this.now();
    await this.db.transaction('rw', this.db.visits, this.db.attempts, async () => {
      await this.db.visits.add({ id: newId(), attemptId, pageId, at });
      await this.db.attempts.update(attemptId, { location, updatedAt: at });
    });
  }

  async recordAnswer(answer: Omit<Answer, 'id' | 'at'>): Promise<Answer> {
    const stored: Answer = { ...answer, id: newId(), at: this.now() };
    await this.db.answers.add(stored);
    return stored;
  }

  async finishTry(attemptId: string, tries: TestTry[]): Promise<void> {
    await this.db.attempts.update(attemptId, { tries, openTry: undefined, updatedAt: Date.now() });
  }
}
