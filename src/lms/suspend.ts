/**
 * cmi.suspend_data: what resume needs, compactly. Pages and questions are named by id (not by
 * position), so data written by an earlier content version still restores what still exists.
 * SCORM 1.2 allows only 4096 characters; the validator checks every course's worst case.
 */
import type { CompiledCourse } from '../content/schema.ts';
import type { TestTry } from '../course/completion.ts';
import type { Response } from '../course/scoring.ts';
import type { AttemptSnapshot } from '../storage/progress.ts';
import { rulesOf } from '../course/questions/registry.ts';
import { SUSPEND_TEXT_CHARS } from '../course/questions/types/shared.ts';

export const SUSPEND_LIMIT_12 = 4096;
export const SUSPEND_LIMIT_2004 = 64000;
/** Reflections and rewrites are cut to this length in the LMS copy; the full text stays on the device. */
export const REFLECTION_CHARS = SUSPEND_TEXT_CHARS;
/** Tries kept in the LMS copy: the newest ones (the best is always among the scores kept). */
export const TRIES_KEPT = 5;

export interface ResumeState {
  /** The course this data belongs to (data of another course is refused). */
  courseId: string;
  /** When the attempt last changed (ms since epoch). */
  updatedAt: number;
  contentVersion: string;
  location?: string;
  visited: string[];
  completed: boolean;
  finishedAt?: number;
  timeSpentMs: number;
  /** Latest knowledge-check response per question. */
  checks: Record<string, Response>;
  tries: TestTry[];
  /** Responses of the newest submitted try (for its results view). */
  lastTryAnswers: Record<string, Response>;
  openTry?: { no: number; questionIds: string[]; startedAt: number; answers: Record<string, Response> };
}

type Packed = [string, string, string, string[], ...unknown[]];

const packResponse = (r: Response): unknown => rulesOf(r.type).suspend.pack(r);

const packAnswers = (answers: Record<string, Response>) => Object.entries(answers).map(([id, r]) => [id, packResponse(r)]);

export function encodeSuspend(state: ResumeState): string {
  // Only the newest try keeps its question ids: its results view needs them, older ones only the score.
  const kept = state.tries.slice(-TRIES_KEPT);
  const tries = kept.map((t, i) => [t.no, t.percent, t.passed ? 1 : 0, t.finishedAt.toString(36), ...(i === kept.length - 1 ? [t.questionIds] : [])]);
  const packed: Packed = [
    'k2',
    state.courseId,
    state.contentVersion,
    state.visited,
    state.updatedAt.toString(36),
    state.location ?? '',
    state.completed ? (state.finishedAt ?? state.updatedAt).toString(36) : 0,
    Math.round(state.timeSpentMs / 1000),
    packAnswers(state.checks),
    tries,
    packAnswers(state.lastTryAnswers),
    state.openTry ? [state.openTry.no, state.openTry.questionIds, state.openTry.startedAt.toString(36), packAnswers(state.openTry.answers)] : 0,
  ];
  return JSON.stringify(packed);
}

/** The resume state of a stored attempt. */
export function resumeStateOf(snapshot: AttemptSnapshot): ResumeState {
  const { attempt, visited, answers } = snapshot;
  const latest = (context: string) => {
    const out: Record<string, Response> = {};
    for (const a of answers) if (a.context === context) out[a.questionId] = a.response;
    return out;
  };
  const lastTry = attempt.tries.at(-1);
  return {
    courseId: attempt.contentId,
    updatedAt: attempt.updatedAt,
    contentVersion: attempt.contentVersion,
    location: attempt.location,
    visited: [...visited],
    completed: attempt.status === 'completed',
    finishedAt: attempt.finishedAt,
    timeSpentMs: attempt.timeSpentMs,
    checks: latest('check'),
    tries: attempt.tries,
    lastTryAnswers: lastTry ? latest(`test:${lastTry.no}`) : {},
    openTry: attempt.openTry && { ...attempt.openTry, answers: latest(`test:${attempt.openTry.no}`) },
  };
}

/**
 * The longest suspend data a course can produce: every page seen, every question answered with
 * its longest response, the most tries kept, an open try and a finished one of the longest draw.
 */
export function worstCaseSuspendLength(course: CompiledCourse): number {
  const longest = (id: string): Response => {
    const q = course.questions[id]!;
    return rulesOf(q.type).suspend.longest(q);
  };
  const known = (id: string) => Boolean(course.questions[id]); // content with errors is checked elsewhere
  const checkIds = course.modules.flatMap((m) => m.pages.flatMap((p) => p.blocks.flatMap((b) => (b.type === 'quiz' ? b.questions : [])))).filter(known);
  const test = course.finalTest && { ...course.finalTest, pool: course.finalTest.pool.filter(known) };
  const bySize = (ids: string[]) => [...ids].sort((a, b) => JSON.stringify(packResponse(longest(b))).length + b.length - JSON.stringify(packResponse(longest(a))).length - a.length);
  const draw = test ? bySize(test.pool).slice(0, test.draw) : [];
  const answersOf = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, longest(id)]));
  const far = Date.UTC(2099, 11, 31);
  const state: ResumeState = {
    courseId: course.id,
    updatedAt: far,
    contentVersion: course.version,
    location: course.modules.flatMap((m) => m.pages.map((p) => `${m.id}/${p.id}`)).sort((a, b) => b.length - a.length)[0],
    visited: course.modules.flatMap((m) => m.pages.map((p) => p.id)),
    completed: true,
    finishedAt: far,
    timeSpentMs: 999 * 3600 * 1000,
    checks: answersOf([...new Set(checkIds)]),
    tries: test ? Array.from({ length: TRIES_KEPT }, (_, i) => ({ no: 100 + i, percent: 100, passed: true, finishedAt: far, questionIds: draw })) : [],
    lastTryAnswers: answersOf(draw),
    openTry: test ? { no: 999, questionIds: draw, startedAt: far, answers: answersOf(draw) } : undefined,
  };
  return encodeSuspend(state).length;
}
