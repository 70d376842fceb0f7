/**
 * Export all progress as one JSON file and import it on another device. An import is checked in
 * full before anything is written, and is written in one transaction: a refused or failed import
 * changes nothing. A valid one merges without duplicates (records carry random ids).
 */
import { z } from 'zod';
import type { Table } from 'dexie';
import type { Answer, Attempt, Certificate, GameSession, KohtaamoDb, OwnPractice, PageVisit } from './db';

export const EXPORT_FORMAT = 'kohtaamo-progress';
export const EXPORT_FORMAT_VERSION = 1;

const response = z.discriminatedUnion('type', [
  z.object({ type: z.literal('single'), option: z.string() }),
  z.object({ type: z.literal('multiple'), options: z.array(z.string()) }),
  z.object({ type: z.literal('truefalse'), value: z.boolean() }),
  z.object({ type: z.literal('ordering'), order: z.array(z.string()) }),
  z.object({ type: z.literal('matching'), matches: z.record(z.string(), z.number().int()) }),
  z.object({ type: z.literal('reflection'), text: z.string().max(20_000) }),
]);
const testTry = z.object({
  no: z.number().int().min(1),
  questionIds: z.array(z.string()),
  percent: z.number().min(0).max(100),
  passed: z.boolean(),
  finishedAt: z.number(),
});
const id = z.string().min(8).max(64);

const dataSchema = z.object({
  profile: z.object({ key: z.literal('me'), name: z.string().max(200), lang: z.enum(['fi', 'sv', 'en']).optional(), easy: z.boolean().optional() }).nullable(),
  attempts: z.array(
    z.object({
      id,
      contentId: z.string(),
      contentVersion: z.string(),
      status: z.enum(['in-progress', 'completed']),
      location: z.string().optional(),
      startedAt: z.number(),
      finishedAt: z.number().optional(),
      tries: z.array(testTry),
      openTry: z.object({ no: z.number().int(), questionIds: z.array(z.string()), startedAt: z.number() }).optional(),
      timeSpentMs: z.number().min(0),
      updatedAt: z.number(),
    }),
  ),
  visits: z.array(z.object({ id, attemptId: id, pageId: z.string(), at: z.number() })),
  answers: z.array(
    z.object({ id, attemptId: id, questionId: z.string(), context: z.string(), response, correct: z.boolean().nullable(), at: z.number() }),
  ),
  gameSessions: z.array(
    z.object({
      id,
      gameId: z.string(),
      gameVersion: z.string(),
      mode: z.enum(['solo', 'workshop']),
      status: z.enum(['in-progress', 'completed']),
      snapshot: z.unknown(),
      events: z.array(z.looseObject({ type: z.string(), at: z.number() })),
      startedAt: z.number(),
      updatedAt: z.number(),
    }),
  ),
  certificates: z.array(
    z.object({
      id,
      contentId: z.string(),
      contentVersion: z.string(),
      attemptId: id,
      title: z.string(),
      percent: z.number().optional(),
      issuedAt: z.number(),
    }),
  ),
  // Added with schema version 3; files exported before it have none.
  ownPractices: z
    .array(
      z.object({
        id,
        lang: z.enum(['fi', 'sv', 'en']),
        theme: z.enum(['understandability', 'participation', 'open-action', 'enabler', 'open-data']),
        title: z.string().min(1).max(300),
        what: z.string().max(5000),
        achieved: z.string().max(5000),
        next: z.string().max(5000),
        link: z.object({ title: z.string().max(300), url: z.string().regex(/^https:\/\//) }).optional(),
        createdAt: z.number(),
        updatedAt: z.number(),
      }),
    )
    .default([]),
});
export type ExportData = z.infer<typeof dataSchema>;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  exportedAt: string;
  data: ExportData;
}

export async function exportProgress(db: KohtaamoDb): Promise<ExportFile> {
  const data = await db.transaction('r', db.tables, async () => ({
    profile: (await db.profile.get('me')) ?? null,
    attempts: await db.attempts.toArray(),
    visits: await db.visits.toArray(),
    answers: await db.answers.toArray(),
    gameSessions: await db.gameSessions.toArray(),
    certificates: await db.certificates.toArray(),
    ownPractices: await db.ownPractices.toArray(),
  }));
  return { format: EXPORT_FORMAT, formatVersion: EXPORT_FORMAT_VERSION, exportedAt: new Date().toISOString(), data };
}

/** Why an import was refused: a key for the UI text and details to show with it. */
export class ImportRefused extends Error {
  constructor(
    readonly reason: 'not-json' | 'other-format' | 'too-new' | 'corrupt' | 'unknown-content',
    readonly details = '',
  ) {
    super(`${reason}${details ? `: ${details}` : ''}`);
    this.name = 'ImportRefused';
  }
}

/** Checks a file's text completely; throws ImportRefused with the first reason found. */
export function parseImport(text: string, knownContent: ReadonlySet<string>): ExportData {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ImportRefused('not-json');
  }
  const head = z.object({ format: z.string(), formatVersion: z.number() }).safeParse(json);
  if (!head.success || head.data.format !== EXPORT_FORMAT) throw new ImportRefused('other-format');
  if (head.data.formatVersion > EXPORT_FORMAT_VERSION) throw new ImportRefused('too-new', String(head.data.formatVersion));
  const body = z.object({ data: dataSchema }).safeParse(json);
  if (!body.success) {
    const issue = body.error.issues[0]!;
    throw new ImportRefused('corrupt', `${issue.path.join('.')}: ${issue.message}`);
  }
  const data = body.data.data;
  const attemptIds = new Set(data.attempts.map((a) => a.id));
  const orphan = [...data.visits, ...data.answers, ...data.certificates].find((r) => !attemptIds.has(r.attemptId));
  if (orphan) throw new ImportRefused('corrupt', `record ${orphan.id} belongs to no attempt in the file`);
  const unknown = [...new Set([...data.attempts.map((a) => a.contentId), ...data.gameSessions.map((g) => g.gameId)])].filter(
    (c) => !knownContent.has(c),
  );
  if (unknown.length > 0) throw new ImportRefused('unknown-content', unknown.join(', '));
  return data;
}

export interface MergeResult {
  added: number;
  updated: number;
  unchanged: number;
}

/** Merges checked data into the database in one transaction. */
export async function mergeProgress(db: KohtaamoDb, data: ExportData): Promise<MergeResult> {
  const result: MergeResult = { added: 0, updated: 0, unchanged: 0 };
  // Same id on both sides: the record changed last wins. New ids are added.
  async function merge<T extends { id: string }>(table: Table<T, string>, records: T[], changedAt: (r: T) => number) {
    const existing = await table.bulkGet(records.map((r) => r.id));
    const toPut = records.filter((record, i) => {
      const local = existing[i];
      if (!local) result.added++;
      else if (changedAt(record) > changedAt(local)) result.updated++;
      else {
        result.unchanged++;
        return false;
      }
      return true;
    });
    await table.bulkPut(toPut);
  }
  await db.transaction('rw', db.tables, async () => {
    if (data.profile) {
      const local = await db.profile.get('me');
      if (!local?.name) await db.profile.put({ ...local, ...data.profile });
    }
    await merge(db.attempts as Table<Attempt, string>, data.attempts, (r) => r.updatedAt);
    await merge(db.gameSessions as Table<GameSession, string>, data.gameSessions, (r) => r.updatedAt);
    await merge(db.visits as Table<PageVisit, string>, data.visits, (r) => r.at);
    await merge(db.answers as Table<Answer, string>, data.answers as Answer[], (r) => r.at);
    await merge(db.certificates as Table<Certificate, string>, data.certificates, (r) => r.issuedAt);
    await merge(db.ownPractices as Table<OwnPractice, string>, data.ownPractices, (r) => r.updatedAt);
  });
  return result;
}
