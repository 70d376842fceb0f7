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
  id?: number;
  contentId: string;
  contentVersion: string;
  status: AttemptStatus;
  /** Last page seen, `<module>/<page>`, or `test` / `certificate`. */
  location?: string;
  startedAt: number;
  finishedAt?: number;
  tries: TestTry[];
  /** The questions drawn for a final-test try that has been started but not submitted. */
  openTry?: { no: number; questionIds: string[]; startedAt: number };
}

export interface PageVisit {
  id?: number;
  attemptId: number;
  pageId: string;
  at: number;
}

export interface Answer {
  id?: number;
  attemptId: number;
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
    attempts: '++id, contentId, [contentId+contentVersion]',
    visits: '++id, attemptId, [attemptId+pageId]',
    answers: '++id, attemptId, [attemptId+context]',
  });
  return db;
}
