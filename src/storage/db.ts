/** The learner's progress on this device, in IndexedDB through Dexie. */
import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type { Lang } from '../content/schema';
import type { Response } from '../course/scoring';
import type { TestTry } from '../course/completion';

export interface Profile {
  key: 'me';
  name: string;
  lang?: Lang;
  /** Show Easy Finnish (selkokieli) versions of pages where they exist. */
  easy?: boolean;
}

export type AttemptStatus = 'in-progress' | 'completed';

export interface Attempt {
  /** Random id: stable across devices, so an imported attempt merges without duplicates. */
  id: string;
  contentId: string;
  contentVersion: string;
  status: AttemptStatus;
  /** Last place seen: `<module>/<page>`, `test` or `certificate`. */
  location?: string;
  startedAt: number;
  finishedAt?: number;
  tries: TestTry[];
  /** The questions drawn for a final-test try that has been started but not submitted. */
  openTry?: { no: number; questionIds: string[]; startedAt: number };
  /** Active study time, counted while the page is visible. */
  timeSpentMs: number;
  updatedAt: number;
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

export interface GameSession {
  id: string;
  gameId: string;
  gameVersion: string;
  mode: 'solo' | 'workshop';
  status: 'in-progress' | 'completed';
  /** The persisted XState actor snapshot. */
  snapshot: unknown;
  /** Every move, in order, as it happened. */
  events: { type: string; at: number; [key: string]: unknown }[];
  startedAt: number;
  updatedAt: number;
}

export interface Certificate {
  id: string;
  contentId: string;
  contentVersion: string;
  attemptId: string;
  title: string;
  percent?: number;
  issuedAt: number;
}

/** A good-practice card a trainer wrote in the app; exportable as a content file. */
export interface OwnPractice {
  id: string;
  lang: Lang;
  theme: 'understandability' | 'participation' | 'open-action' | 'enabler' | 'open-data';
  title: string;
  what: string;
  achieved: string;
  next: string;
  link?: { title: string; url: string };
  createdAt: number;
  updatedAt: number;
}

export type KohtaamoDb = Dexie & {
  profile: EntityTable<Profile, 'key'>;
  attempts: EntityTable<Attempt, 'id'>;
  visits: EntityTable<PageVisit, 'id'>;
  answers: EntityTable<Answer, 'id'>;
  gameSessions: EntityTable<GameSession, 'id'>;
  certificates: EntityTable<Certificate, 'id'>;
  ownPractices: EntityTable<OwnPractice, 'id'>;
};

/**
 * Every schema version ever shipped, oldest first. Never edit a shipped entry: add a new one, with
 * an upgrade that brings older data along, and a fixture in tests/unit/storage-upgrade.test.ts.
 */
export const SCHEMA_HISTORY: { version: number; stores: Record<string, string>; upgrade?: (tx: Transaction) => Promise<void> }[] = [
  {
    version: 1,
    stores: {
      profile: 'key',
      attempts: 'id, contentId, [contentId+contentVersion]',
      visits: 'id, attemptId, [attemptId+pageId]',
      answers: 'id, attemptId, [attemptId+context]',
    },
  },
  {
    // Game sessions and certificates; attempts ordered by last change and timed.
    version: 2,
    stores: {
      attempts: 'id, contentId, [contentId+contentVersion], updatedAt',
      gameSessions: 'id, gameId, updatedAt',
      certificates: 'id, contentId, attemptId',
    },
    upgrade: async (tx) => {
      await tx
        .table('attempts')
        .toCollection()
        .modify((attempt: Partial<Attempt> & { startedAt: number }) => {
          attempt.timeSpentMs ??= 0;
          attempt.updatedAt ??= attempt.startedAt;
          attempt.tries ??= [];
        });
    },
  },
  {
    // Good-practice cards written by trainers in the app.
    version: 3,
    stores: { ownPractices: 'id, updatedAt' },
  },
];

export const SCHEMA_VERSION = SCHEMA_HISTORY.at(-1)!.version;

/**
 * @param options another IndexedDB implementation (in-memory fallback, tests)
 * @param upTo open with the schema as it was at this version (upgrade tests only)
 */
export function openDatabase(name = 'kohtaamo', options?: DexieOptions, upTo = SCHEMA_VERSION): KohtaamoDb {
  const db = new Dexie(name, options) as KohtaamoDb;
  for (const step of SCHEMA_HISTORY) {
    if (step.version > upTo) break;
    const version = db.version(step.version).stores(step.stores);
    if (step.upgrade) version.upgrade(step.upgrade);
  }
  return db;
}

/** A random id that works outside secure contexts too (plain-http LMS pages lack randomUUID). */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
