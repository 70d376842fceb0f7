/**
 * What a stored or imported progress record may hold: types, sane ranges and dates. Used to check
 * an import before anything is written, and to tell whether a record already stored can be used.
 */
import { z } from 'zod';
import { CLOCK_SKEW_MS, EARLIEST_DATE } from './sane-date.ts';
import { RESPONSE_SCHEMAS } from '../course/questions/response-registry.ts';

export { CLOCK_SKEW_MS, EARLIEST_DATE, isSaneDate } from './sane-date.ts';

/** Study time per attempt: more than a thousand hours is not a real measurement. */
export const MAX_TIME_SPENT_MS = 1000 * 60 * 60 * 1000;
const MAX_TRIES = 1000;

const text = (max: number) => z.string().max(max);
const contentRef = z.string().min(1).max(100);
const id = z.string().min(8).max(64);

export const NOT_A_DATE = 'is not a real date';

/** A moment as milliseconds since 1970: finite, not before 2020 and not in the future. */
export function timestamp(now: number) {
  return z
    .number({ error: NOT_A_DATE })
    .refine((n) => Number.isFinite(n), { message: NOT_A_DATE })
    .refine((n) => !Number.isFinite(n) || n >= EARLIEST_DATE, { message: 'is a date before 2020' })
    .refine((n) => !Number.isFinite(n) || n <= now + CLOCK_SKEW_MS, { message: 'is a date in the future' });
}

const responseSchemas = Object.values(RESPONSE_SCHEMAS);
const response = z.discriminatedUnion('type', responseSchemas as [(typeof responseSchemas)[number], ...(typeof responseSchemas)[number][]]);

const percent = z.number().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100');

const countdown = z.object({ remainingMs: z.number().min(0).max(24 * 60 * 60 * 1000), runningSince: z.number().nullable() });
const team = z.object({ id: text(40), name: text(200), score: z.number().finite() });

/** The workshop part of a stored play: checked where the view relies on its shape. */
export const workshopSchema = z.looseObject({
  phase: z.enum(['setup', 'play', 'reveal', 'debrief', 'results']),
  recording: z.enum(['teams', 'tally']),
  teams: z.array(team).max(50),
  choices: z.record(text(40), text(40)),
  tally: z.record(text(40), z.number().int().min(0)),
  timer: countdown,
  log: z.array(z.looseObject({ scene: text(100), choices: z.record(text(40), text(40)), tally: z.record(text(40), z.number()), followed: text(40), points: z.record(text(40), z.number()) })).max(1000),
  debriefStep: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  notes: z.object({ what: z.string().max(20_000), why: z.string().max(20_000) }),
  actions: z.array(z.looseObject({ id: text(40), text: z.string().max(2000), owner: text(200), due: text(20) })).max(200),
});

/** A stored play: the XState snapshot stands on a scene; the workshop state is optional. */
export const storedPlaySchema = z.looseObject({
  machine: z.looseObject({
    value: text(100),
    context: z.looseObject({
      meters: z.record(text(40), z.number().finite()),
      points: z.number().finite(),
      path: z.array(z.object({ scene: text(100), choice: text(40) })).max(1000),
    }),
  }),
  workshop: workshopSchema.optional(),
});

/** A workshop session (src/game/workshop-session): the facilitator console's machine. */
export const workshopSessionSchema = z.looseObject({
  kind: z.literal('workshop-session'),
  machine: z.looseObject({
    context: z.looseObject({
      teams: z.array(team).max(50),
      game: z.looseObject({ scene: text(100), context: z.looseObject({ meters: z.record(text(40), z.number().finite()), points: z.number().finite() }) }),
      log: z.array(z.looseObject({ scene: text(100) })).max(1000),
      timer: countdown.optional(),
    }),
  }),
});

/** The schema for one stored snapshot; null is a play created but never moved. */
export function snapshotSchema(snapshot: unknown) {
  const workshop = typeof snapshot === 'object' && snapshot !== null && (snapshot as { kind?: unknown }).kind === 'workshop-session';
  return workshop ? workshopSessionSchema : storedPlaySchema.nullable();
}

/** The scenes a stored snapshot names, with their field paths, for the reference check. */
export function scenesNamed(snapshot: unknown): [string, string][] {
  if (typeof snapshot !== 'object' || snapshot === null) return [];
  const s = snapshot as { kind?: string; machine: { value?: string; context: Record<string, unknown> } };
  if (s.kind === 'workshop-session') {
    const c = s.machine.context as { game: { scene: string }; log: { scene: string }[] };
    return [['machine.context.game.scene', c.game.scene], ...c.log.map((r, i): [string, string] => [`machine.context.log.${i}.scene`, r.scene])];
  }
  const c = s.machine.context as { path: { scene: string }[] };
  return [['machine.value', s.machine.value ?? ''], ...c.path.map((p, i): [string, string] => [`machine.context.path.${i}.scene`, p.scene])];
}

export function exportDataSchema(now: number) {
  const at = timestamp(now);
  const testTry = z.object({
    no: z.number().int().min(1).max(MAX_TRIES),
    questionIds: z.array(contentRef).max(500),
    percent,
    passed: z.boolean(),
    finishedAt: at,
  });
  return z.object({
    profile: z.object({ key: z.literal('me'), name: text(200), lang: z.enum(['fi', 'sv', 'en']).optional(), easy: z.boolean().optional() }).nullable(),
    attempts: z.array(
      z.object({
        id,
        contentId: contentRef,
        contentVersion: text(40),
        status: z.enum(['in-progress', 'completed']),
        location: text(200).optional(),
        startedAt: at,
        finishedAt: at.optional(),
        tries: z.array(testTry).max(MAX_TRIES),
        openTry: z.object({ no: z.number().int().min(1).max(MAX_TRIES), questionIds: z.array(contentRef).max(500), startedAt: at }).optional(),
        timeSpentMs: z.number().min(0, 'must not be negative').max(MAX_TIME_SPENT_MS, `must be at most ${MAX_TIME_SPENT_MS / 3_600_000} hours`),
        updatedAt: at,
      }),
    ),
    visits: z.array(z.object({ id, attemptId: id, pageId: contentRef, at })),
    answers: z.array(z.object({ id, attemptId: id, questionId: contentRef, context: text(40), response, correct: z.boolean().nullable(), at })),
    gameSessions: z.array(
      z.object({
        id,
        gameId: contentRef,
        gameVersion: text(40),
        mode: z.enum(['solo', 'workshop']),
        status: z.enum(['in-progress', 'completed']),
        // Solo play or workshop session: checked by snapshotSchema once the kind is known.
        snapshot: z.unknown(),
        events: z.array(z.looseObject({ type: text(40), at })).max(10_000),
        startedAt: at,
        updatedAt: at,
      }),
    ),
    certificates: z.array(
      z.object({
        id,
        contentId: contentRef,
        contentVersion: text(40),
        attemptId: id,
        title: text(300),
        percent: percent.optional(),
        issuedAt: at,
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
          link: z.object({ title: text(300), url: z.string().max(2000).regex(/^https:\/\//) }).optional(),
          createdAt: at,
          updatedAt: at,
        }),
      )
      .default([]),
  });
}

/** Keys that must never reach an object: they would change its prototype or shadow its methods. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first forbidden key anywhere in a parsed JSON value, or null. */
export function forbiddenKeyPath(value: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    for (const key of Object.keys(v)) {
      const here = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return here;
      stack.push({ value: (v as Record<string, unknown>)[key], path: here });
    }
  }
  return null;
}
