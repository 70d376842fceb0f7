/** The learner's progress on this device, in IndexedDB through Dexie. */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Lang } from '../content/schema';
import type { Response } from '../course/scoring';
import type { TestTry } from '../course/completion';

export interface Profile {
  key: 'me';
  name: string;
  lang?: Lang;
}

export type AttemptStatus = 'in-progress' | 'completed';

export interface Attempt {
  /** Random id: stable across devices, so an imported attempt merges without duplicates. */
  id: string;
  contentId: string;
  contentVersion: string;
  status: AttemptStatus;
  /** Last page seen, `<module>/<page>`, or `test` / `certificate`. */
  location?: string;
  startedAt: number;
  finishedAt?: number;
  tries: TestTry[];
  /** Active study time, counted while the page is visible. */
  timeSpentMs: number;
  updatedAt: number;
  /** The questions drawn for a final-test try that has been started but not submitted. */
  openTry?: { no: number; questionIds: string[]; startedAt: number };
}

export interface PageVisit {
  id: string;
  attemptId: string;
  pageId: string;
  at: number;
}

export interface Answer {
  id: string;
  attemptId: string;
  questionId: string;
  /** `check` for knowledge checks, `test:<try no>` for the final test. */
  context: string;
  response: Response;
  correct: boolean | null;
  at: number;
}

export type KohtaamoDb = Dexie & {
  profile: EntityTable<Profile, 'key'>;
  attempts: EntityTable<Attempt, 'id'>;
  visits: EntityTable<PageVisit, 'id'>;
  answers: EntityTable<Answer, 'id'>;
};

/** @param options an IndexedDB implementation of our own (in-memory fallback, tests) */
export function openDatabase(name = 'kohtaamo', options?: DexieOptions): KohtaamoDb {
  const db = new Dexie(name, options) as KohtaamoDb;
  db.version(1).stores({
    profile: 'key',
    attempts: 'id, contentId, [contentId+contentVersion], updatedAt',
    visits: 'id, attemptId, [attemptId+pageId]',
    answers: 'id, attemptId, [attemptId+context]',
  });
  return db;
}

/** A random id that works outside secure contexts too (plain-http LMS pages lack randomUUID). */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
