/**
 * The LMS's resume data (cmi.suspend_data) is untrusted input: an LMS hands back whatever it holds,
 * including another course's data, a truncated string or garbage. One schema decides what of it is
 * used: every field is checked for type and range, and every page, question and option it names
 * must exist in this course. Anything else is dropped, and the caller is told that something was
 * (so the learner can be told once). Data from another content version keeps what still exists,
 * without a problem reported: pages and questions removed by an update are expected to vanish.
 */
import * as z from 'zod/mini';
import type { CompiledGame } from '../content/game-schema.ts';
import type { CompiledCourse, Question } from '../content/schema.ts';
import type { GameSession } from '../storage/db.ts';
import type { TestTry } from '../course/completion.ts';
import type { Response } from '../course/scoring.ts';
import type { ResumeState } from './suspend.ts';
import { rulesOf } from '../course/questions/registry.ts';

export interface DecodedResume {
  /** What can be restored; null when nothing can. */
  state: ResumeState | null;
  /** True when the LMS held resume data that could not be used, in whole or in part. */
  problem: boolean;
}

/** Dates outside these bounds are not ours: before Kohtaamo existed, or in the future. */
const EARLIEST = Date.UTC(2020, 0, 1);
const FUTURE_SLACK_MS = 7 * 24 * 3600 * 1000;
/** Study time above 1,000 hours in one course is not a real record. */
const MAX_SECONDS = 1000 * 3600;
const MAX_TRIES = 1000;

const base36Date = (now: number) =>
  z.pipe(
    z.string().check(z.regex(/^[0-9a-z]{1,10}$/)),
    z.pipe(
      z.transform((text: string) => parseInt(text, 36)),
      z.number().check(z.minimum(EARLIEST), z.maximum(now + FUTURE_SLACK_MS)),
    ),
  );

const answerPair = z.tuple([z.string().check(z.maxLength(200)), z.unknown()]);

function envelope(now: number) {
  const date = base36Date(now);
  return z.tuple([
    z.literal('k2'),
    z.string(), // course id: compared with this course below
    z.string().check(z.regex(/^\d+\.\d+\.\d+$/)),
    z.array(z.string().check(z.maxLength(200))),
    date,
    z.string().check(z.maxLength(255)),
    z.union([z.literal(0), date]),
    z.number().check(z.int(), z.minimum(0), z.maximum(MAX_SECONDS)),
    z.array(answerPair),
    z.array(z.unknown()),
    z.array(answerPair),
    z.union([z.literal(0), z.tuple([z.number().check(z.int(), z.minimum(1), z.maximum(MAX_TRIES)), z.array(z.string()), date, z.array(answerPair)])]),
  ]);
}

function tryRecord(now: number) {
  return z.tuple([
    z.number().check(z.int(), z.minimum(1), z.maximum(MAX_TRIES)),
    z.number().check(z.minimum(0), z.maximum(100)),
    z.union([z.literal(0), z.literal(1)]),
    base36Date(now),
    z.optional(z.array(z.string())),
  ]);
}

/** A packed response, checked against the question it answers. */
const unpackResponse = (question: Question, packed: unknown): Response | null => rulesOf(question.type).suspend.unpack(question, packed);

/** The places a course has: its front page, each page, the test and the certificate. */
export function isCourseLocation(course: CompiledCourse, location: string): boolean {
  if (location === '') return true;
  if (location === 'test') return Boolean(course.finalTest);
  if (location === 'certificate') return true;
  const [moduleId, pageId, extra] = location.split('/');
  return extra === undefined && course.modules.some((m) => m.id === moduleId && m.pages.some((p) => p.id === pageId));
}

/**
 * Decodes cmi.suspend_data for this course.
 * @param entry the LMS's cmi.core.entry / cmi.entry: "resume" with no data is a problem too
 */
export function decodeResume(course: CompiledCourse, text: string, entry = '', now = Date.now()): DecodedResume {
  if (!text) return { state: null, problem: entry === 'resume' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { state: null, problem: true };
  }
  // Data written before the course id was part of it ("k1") carries no id: it is used only when
  // everything it names exists in this course, so another course's data cannot slip through.
  const legacy = Array.isArray(raw) && raw[0] === 'k1';
  if (legacy) raw = ['k2', course.id, ...(raw as unknown[]).slice(1)];
  const parsed = envelope(now).safeParse(raw);
  if (!parsed.success) return { state: null, problem: true };
  const [, courseId, contentVersion, visited, updatedAt, location, finished, seconds, checks, tries, lastTry, openTry] = parsed.data;
  if (courseId !== course.id) return { state: null, problem: true };

  let dropped = false;
  const keep = <T,>(ok: T | null | undefined | false): ok is T => {
    if (ok === null || ok === undefined || ok === false) dropped = true;
    return !(ok === null || ok === undefined || ok === false);
  };
  const pageIds = new Set(course.modules.flatMap((m) => m.pages.map((p) => p.id)));
  const pool = new Set(course.finalTest?.pool ?? []);
  const answers = (list: readonly (readonly [string, unknown])[], allowed: (id: string) => boolean): Record<string, Response> => {
    const out: Record<string, Response> = Object.create(null) as Record<string, Response>;
    for (const [id, packed] of list) {
      const question = allowed(id) ? course.questions[id] : undefined;
      const response = question ? unpackResponse(question, packed) : null;
      if (keep(response) && !(id in out)) out[id] = response;
    }
    return { ...out };
  };
  const inPool = (id: string) => pool.has(id) && Object.hasOwn(course.questions, id);
  const asTry = (t: unknown): TestTry | null => {
    const result = tryRecord(now).safeParse(t);
    if (!result.success) return null;
    const [no, percent, passed, finishedAt, questionIds = []] = result.data;
    return questionIds.every(inPool) ? { no, percent, passed: passed === 1, finishedAt, questionIds } : null;
  };
  const state: ResumeState = {
    courseId,
    contentVersion,
    updatedAt,
    visited: [...new Set(visited.filter((id) => keep(pageIds.has(id))))],
    location: location && keep(isCourseLocation(course, location)) ? location : undefined,
    completed: finished !== 0,
    finishedAt: finished === 0 ? undefined : finished,
    timeSpentMs: seconds * 1000,
    checks: answers(checks, (id) => Object.hasOwn(course.questions, id)),
    tries: tries.map(asTry).filter(keep),
    lastTryAnswers: answers(lastTry, inPool),
  };
  if (openTry !== 0) {
    const [no, questionIds, startedAt, open] = openTry;
    if (keep(questionIds.every(inPool))) state.openTry = { no, questionIds, startedAt, answers: answers(open, (id) => questionIds.includes(id)) };
  }
  if (legacy && dropped) return { state: null, problem: true };
  // After a content update, what no longer exists is dropped quietly; in the same version it is damage.
  return { state, problem: dropped && contentVersion === course.version };
}

/** A game's resume data: its solo session as the package wrote it. */
export interface GameResume {
  v: 'g1';
  version: string;
  updatedAt: number;
  session: GameSession | null;
}

/**
 * Decodes a game's cmi.suspend_data: the session must be this game's solo session, standing on a
 * scene that exists, with a meter value for each meter (within its bounds) and moves naming real scenes.
 */
export function decodeGameResume(game: CompiledGame, text: string, entry = '', now = Date.now()): { session: GameSession | null; problem: boolean } {
  if (!text) return { session: null, problem: entry === 'resume' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { session: null, problem: true };
  }
  const date = z.number().check(z.minimum(EARLIEST), z.maximum(now + FUTURE_SLACK_MS));
  const scene = z.string().check(z.refine((id) => Object.hasOwn(game.scenes, id)));
  const meters = z.strictObject(
    Object.fromEntries(game.meters.map((m) => [m.id, z.number().check(z.minimum(Math.min(m.min, m.start)), z.maximum(Math.max(m.max, m.start)))])),
  );
  const schema = z.object({
    v: z.literal('g1'),
    version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/)),
    updatedAt: z.union([z.literal(0), date]),
    session: z.nullable(
      // Loose objects: fields this check does not know (added by later versions) pass through as they are.
      z.looseObject({
        id: z.string().check(z.regex(/^[\w-]{1,100}$/)),
        gameId: z.literal(game.id),
        gameVersion: z.string().check(z.maxLength(40)),
        mode: z.literal('solo'),
        status: z.enum(['in-progress', 'completed']),
        snapshot: z.looseObject({
          machine: z.looseObject({
            status: z.enum(['active', 'done']),
            value: scene,
            context: z.looseObject({
              meters,
              points: z.number().check(z.minimum(-1e6), z.maximum(1e6)),
              path: z.array(z.object({ scene, choice: z.string().check(z.maxLength(200)) })).check(z.maxLength(10_000)),
            }),
          }),
        }),
        events: z
          .array(z.looseObject({ type: z.string().check(z.regex(/^[A-Z_]{1,40}$/)), at: date, scene: z.optional(scene), option: z.optional(z.string().check(z.maxLength(200))) }))
          .check(z.maxLength(10_000)),
        startedAt: date,
        updatedAt: date,
      }),
    ),
  });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { session: null, problem: true };
  const session = parsed.data.session as GameSession | null;
  return { session: session && { ...session, updatedAt: parsed.data.updatedAt || session.updatedAt }, problem: false };
}
