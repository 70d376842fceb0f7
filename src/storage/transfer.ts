/**
 * Export all progress as one JSON file and import it on another device. An import is checked in
 * full before anything is written, and is written in one transaction: a refused or failed import
 * changes nothing. A valid one merges without duplicates (records carry random ids).
 */
import { z } from 'zod';
import type { Table } from 'dexie';
import type { Answer, Attempt, Certificate, GameSession, KohtaamoDb, OwnPractice, PageVisit } from './db';
import { exportDataSchema, forbiddenKeyPath, NOT_A_DATE, scenesNamed, snapshotSchema } from './record-schema';

export const EXPORT_FORMAT = 'kohtaamo-progress';
export const EXPORT_FORMAT_VERSION = 1;

export type ExportData = z.infer<ReturnType<typeof exportDataSchema>>;

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
  // Stored game snapshots are typed `unknown` in the database; the import checks their shape.
  return { format: EXPORT_FORMAT, formatVersion: EXPORT_FORMAT_VERSION, exportedAt: new Date().toISOString(), data: data as ExportData };
}

/** Why an import was refused: a key for the UI text and details to show with it. */
export class ImportRefused extends Error {
  constructor(
    readonly reason: 'not-json' | 'other-format' | 'too-new' | 'corrupt' | 'invalid-value' | 'unknown-content' | 'unknown-reference',
    readonly details = '',
  ) {
    super(`${reason}${details ? `: ${details}` : ''}`);
    this.name = 'ImportRefused';
  }
}

/**
 * The ids inside one course or game, from its compiled content. The import checks every page,
 * question and scene a record names against them; content whose ids are not given is checked by
 * its id only.
 */
export interface ContentIds {
  pages?: ReadonlySet<string>;
  questions?: ReadonlySet<string>;
  scenes?: ReadonlySet<string>;
}

/** Range, size and date problems are 'invalid-value'; a wrong shape is 'corrupt'. */
const VALUE_ISSUES = new Set(['too_small', 'too_big', 'custom', 'invalid_value', 'invalid_format']);

/**
 * Checks a file's text completely; throws ImportRefused with the first reason found.
 * @param knownContent ids of the courses and games in this Kohtaamo, with their inner ids where known
 */
export function parseImport(text: string, knownContent: ReadonlySet<string> | ReadonlyMap<string, ContentIds>, now = Date.now()): ExportData {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ImportRefused('not-json');
  }
  // Before any object is built from the data: a key like __proto__ never reaches one.
  const forbidden = forbiddenKeyPath(json);
  if (forbidden) throw new ImportRefused('invalid-value', `${forbidden}: this key is not allowed`);
  const head = z.object({ format: z.string(), formatVersion: z.number() }).safeParse(json);
  if (!head.success || head.data.format !== EXPORT_FORMAT) throw new ImportRefused('other-format');
  if (head.data.formatVersion > EXPORT_FORMAT_VERSION) throw new ImportRefused('too-new', String(head.data.formatVersion));
  const body = z.object({ data: exportDataSchema(now) }).safeParse(json);
  if (!body.success) {
    const issue = body.error.issues[0]!;
    const where = issue.path.join('.');
    const value = VALUE_ISSUES.has(issue.code) || issue.message === NOT_A_DATE;
    throw new ImportRefused(value ? 'invalid-value' : 'corrupt', `${where}: ${issue.message}`);
  }
  const data = body.data.data;
  data.gameSessions.forEach((g, i) => {
    const snapshot = snapshotSchema(g.snapshot).safeParse(g.snapshot);
    if (!snapshot.success) {
      const issue = snapshot.error.issues[0]!;
      const value = VALUE_ISSUES.has(issue.code);
      throw new ImportRefused(value ? 'invalid-value' : 'corrupt', `data.gameSessions.${i}.snapshot.${issue.path.join('.')}: ${issue.message}`);
    }
  });
  const attemptIds = new Set(data.attempts.map((a) => a.id));
  const orphan = [...data.visits, ...data.answers, ...data.certificates].find((r) => !attemptIds.has(r.attemptId));
  if (orphan) throw new ImportRefused('corrupt', `record ${orphan.id} belongs to no attempt in the file`);
  const known = (c: string) => (knownContent instanceof Map ? knownContent.has(c) : (knownContent as ReadonlySet<string>).has(c));
  const unknown = [...new Set([...data.attempts.map((a) => a.contentId), ...data.gameSessions.map((g) => g.gameId)])].filter((c) => !known(c));
  if (unknown.length > 0) throw new ImportRefused('unknown-content', unknown.join(', '));
  if (knownContent instanceof Map) checkReferences(data, knownContent);
  return data;
}

/** Every page, question and scene a record names must exist in that course or game. */
function checkReferences(data: ExportData, ids: ReadonlyMap<string, ContentIds>) {
  const contentOf = new Map(data.attempts.map((a) => [a.id, a.contentId]));
  const refuse = (field: string, kind: string, value: string, content: string) => {
    throw new ImportRefused('unknown-reference', `${field}: ${kind} "${value}" is not in ${content}`);
  };
  const check = (field: string, kind: 'pages' | 'questions' | 'scenes', value: string, content: string) => {
    const set = ids.get(content)?.[kind];
    if (set && !set.has(value)) refuse(field, kind.slice(0, -1), value, content);
  };
  data.visits.forEach((v, i) => check(`visits.${i}.pageId`, 'pages', v.pageId, contentOf.get(v.attemptId)!));
  data.answers.forEach((a, i) => check(`answers.${i}.questionId`, 'questions', a.questionId, contentOf.get(a.attemptId)!));
  data.attempts.forEach((a, i) => {
    a.tries.forEach((t, j) => t.questionIds.forEach((q, k) => check(`attempts.${i}.tries.${j}.questionIds.${k}`, 'questions', q, a.contentId)));
    a.openTry?.questionIds.forEach((q, k) => check(`attempts.${i}.openTry.questionIds.${k}`, 'questions', q, a.contentId));
  });
  data.gameSessions.forEach((g, i) => {
    for (const [field, scene] of scenesNamed(g.snapshot)) check(`gameSessions.${i}.snapshot.${field}`, 'scenes', scene, g.gameId);
  });
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
