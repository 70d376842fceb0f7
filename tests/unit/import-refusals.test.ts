/** Issue 14 §2: an import refuses impossible values with a message naming the field, and changes nothing. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ProgressStore } from '../../src/storage/progress';
import { newId } from '../../src/storage/db';
import { exportProgress, ImportRefused, mergeProgress, parseImport, type ContentIds, type ExportFile } from '../../src/storage/transfer';
import { createGameMachine } from '../../src/game/machine';
import { createActor } from 'xstate';
import { buildContent } from '../../src/content/build-content';
import { resolve } from 'node:path';
import i18next from 'i18next';
import en from '../../src/i18n/locales/en.json';

let n = 0;
const game = buildContent(resolve(import.meta.dirname, '../fixtures/valid')).games[0]!.compiled.fi!;
const ids = new Map<string, ContentIds>([
  ['c', { pages: new Set(['p1', 'p2']), questions: new Set(['q1', 'q2']) }],
  [game.id, { scenes: new Set(Object.keys(game.scenes)) }],
]);

/** A device with a course attempt, an answer, a certificate and a workshop play. */
async function device() {
  const store = await ProgressStore.open(`refusals-${++n}`);
  const attempt = await store.startAttempt('c', '1.0.0');
  await store.recordVisit(attempt.id, 'p1', 'm/p1');
  await store.recordAnswer({ attemptId: attempt.id, questionId: 'q1', context: 'check', response: { type: 'matching', matches: { a: 0 } }, correct: true });
  await store.db.certificates.put({ id: newId(), contentId: 'c', contentVersion: '1.0.0', attemptId: attempt.id, title: 'C', percent: 80, issuedAt: Date.now() });
  const actor = createActor(createGameMachine(game)).start();
  await store.saveGameSession({
    id: newId(), gameId: game.id, gameVersion: game.version, mode: 'workshop', status: 'in-progress',
    // The facilitator console's stored form (src/game/workshop-session/runner.ts).
    snapshot: {
      kind: 'workshop-session',
      machine: {
        status: 'active',
        value: 'play',
        context: {
          recording: 'teams',
          teams: [{ id: 't1', name: 'A', score: 0 }, { id: 't2', name: 'B', score: 0 }],
          game: { scene: game.start, context: actor.getSnapshot().context },
          votes: {}, undo: [], timer: { remainingMs: 0, runningSince: null }, log: [], notes: { what: '', why: '' }, actions: [], startedAt: null,
        },
      },
    },
    events: [{ type: 'START', at: Date.now() }], startedAt: Date.now(), updatedAt: Date.now(),
  });
  return store;
}

const dump = async (store: ProgressStore) => ({ ...(await exportProgress(store.db)), exportedAt: '' });

/** Exports a second device's progress, lets `edit` spoil it, and tries to import it into the first. */
async function refusal(edit: (file: ExportFile) => string | void): Promise<{ reason: string; details: string } | null> {
  const target = await device();
  const file = await exportProgress((await device()).db);
  const text = edit(file) ?? JSON.stringify(file);
  const before = await dump(target);
  let refused: ImportRefused | null = null;
  try {
    await mergeProgress(target.db, parseImport(text, ids));
  } catch (e) {
    if (!(e instanceof ImportRefused)) throw e;
    refused = e;
  }
  if (refused) expect(await dump(target)).toEqual(before);
  else expect(await dump(target)).not.toEqual(before);
  return refused && { reason: refused.reason, details: refused.details };
}

const YEAR_9999 = Date.UTC(9999, 0, 1);

describe('importing progress refuses impossible values, changing nothing', () => {
  it('accepts and merges the untouched file (the cases below differ by one value only)', async () => {
    expect(await refusal(() => undefined)).toBeNull();
  });

  const cases: [string, (f: ExportFile) => string | void, string, string][] = [
    ['a certificate with a negative percentage', (f: ExportFile) => void (f.data.certificates[0]!.percent = -5), 'invalid-value', 'data.certificates.0.percent: must be between 0 and 100'],
    ['a test try scored 150 %', (f: ExportFile) => void f.data.attempts[0]!.tries.push({ no: 1, questionIds: ['q1'], percent: 150, passed: true, finishedAt: Date.now() }), 'invalid-value', 'data.attempts.0.tries.0.percent: must be between 0 and 100'],
    ['a time spent of 1e300 ms', (f: ExportFile) => void (f.data.attempts[0]!.timeSpentMs = 1e300), 'invalid-value', 'data.attempts.0.timeSpentMs: must be at most 1000 hours'],
    ['a negative time spent', (f: ExportFile) => void (f.data.attempts[0]!.timeSpentMs = -1), 'invalid-value', 'data.attempts.0.timeSpentMs: must not be negative'],
    ['an answer dated in the year 9999', (f: ExportFile) => void (f.data.answers[0]!.at = YEAR_9999), 'invalid-value', 'data.answers.0.at: is a date in the future'],
    ['a date beyond what JavaScript can hold', (f: ExportFile) => void (f.data.attempts[0]!.updatedAt = 8.64e15 + 1), 'invalid-value', 'data.attempts.0.updatedAt: is a date in the future'],
    ['a date too big for a number', (f: ExportFile) => JSON.stringify(f).replace(/"startedAt":\d+/, '"startedAt":1e400'), 'invalid-value', 'data.attempts.0.startedAt: is not a real date'],
    ['a date before 2020', (f: ExportFile) => void (f.data.visits[0]!.at = Date.UTC(1999, 11, 31)), 'invalid-value', 'data.visits.0.at: is a date before 2020'],
    ['a game event dated 9999', (f: ExportFile) => void (f.data.gameSessions[0]!.events[0]!.at = YEAR_9999), 'invalid-value', 'data.gameSessions.0.events.0.at: is a date in the future'],
    ['an answer to a question the course does not have', (f: ExportFile) => void (f.data.answers[0]!.questionId = 'q-ei-ole'), 'unknown-reference', 'answers.0.questionId: question "q-ei-ole" is not in c'],
    ['a test try with a question the course does not have', (f: ExportFile) => void f.data.attempts[0]!.tries.push({ no: 1, questionIds: ['q1', 'q9'], percent: 50, passed: false, finishedAt: Date.now() }), 'unknown-reference', 'attempts.0.tries.0.questionIds.1: question "q9" is not in c'],
    ['a visit to a page the course does not have', (f: ExportFile) => void (f.data.visits[0]!.pageId = 'p9'), 'unknown-reference', 'visits.0.pageId: page "p9" is not in c'],
    ['a workshop standing on a scene that does not exist', (f: ExportFile) => void ((f.data.gameSessions[0]!.snapshot as any).machine.context.game.scene = 'ei-ole'), 'unknown-reference', `gameSessions.0.snapshot.machine.context.game.scene: scene "ei-ole" is not in ${game.id}`],
    ['a workshop whose teams are a string', (f: ExportFile) => void ((f.data.gameSessions[0]!.snapshot as any).machine.context.teams = 'A, B'), 'corrupt', 'data.gameSessions.0.snapshot.machine.context.teams: Invalid input: expected array, received string'],
    ['a solo play standing on a scene that does not exist', (f: ExportFile) => void (f.data.gameSessions[0]!.snapshot = { machine: { value: 'ei-ole', context: { meters: {}, points: 0, path: [] } } }), 'unknown-reference', `gameSessions.0.snapshot.machine.value: scene "ei-ole" is not in ${game.id}`],
  ];
  it.each(cases)('refuses %s, naming the field', async (_, edit, reason, details) => {
    expect(await refusal(edit)).toEqual({ reason, details });
  });

  it.each([
    ['at the top level', (text: string) => text.replace('{', '{"__proto__":{"polluted":true},'), '__proto__'],
    ['inside the data', (text: string) => text.replace('"data":{', '"data":{"constructor":{"prototype":{"polluted":true}},'), 'data.constructor'],
    ['inside an answer', (text: string) => text.replace('"matches":{', '"matches":{"__proto__":{"polluted":1},'), 'data.answers.0.response.matches.__proto__'],
    ['inside a game snapshot', (text: string) => text.replace('"game":{', '"game":{"prototype":{},'), 'data.gameSessions.0.snapshot.machine.context.game.prototype'],
  ])('refuses a __proto__, constructor or prototype key %s', async (_, edit, path) => {
    expect(await refusal((f) => edit(JSON.stringify(f)))).toEqual({ reason: 'invalid-value', details: `${path}: this key is not allowed` });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('tells the learner in their language which field was refused', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'en', resources: { en: { translation: en } } });
    const refused = (await refusal((f) => void (f.data.certificates[0]!.percent = -5)))!;
    expect(i18n.t(`my.refused.${refused.reason}`, { details: refused.details })).toBe(
      'The file was not imported: it contains a value that cannot be right (data.certificates.0.percent: must be between 0 and 100). No changes were made to your data.',
    );
  });
});
