/**
 * What the LMS already holds is never made worse (DECISIONS.md): a learner who completed a course
 * and opens it again (Moodle then launches in review mode, "no-credit") must not fall back to
 * incomplete, a game's "failed" must not become "incomplete", and a lower score never replaces a
 * higher one. The package reports its own state; this filter drops what would lower the LMS's.
 */
import type { CmiValues } from './cmi';
import type { ScormVersion } from './formats';

/** Higher is better. 1.2 lesson_status, 2004 completion_status and success_status. */
const RANK: Record<string, Record<string, number>> = {
  'cmi.core.lesson_status': { passed: 4, completed: 3, failed: 2, incomplete: 1, browsed: 0, 'not attempted': 0, '': 0 },
  'cmi.completion_status': { completed: 2, incomplete: 1, 'not attempted': 0, unknown: 0, '': 0 },
  'cmi.success_status': { passed: 2, failed: 1, unknown: 0, '': 0 },
};
const SCORE = /^cmi\.(core\.)?score\./;

export interface HeldRecord {
  /** Status elements as the LMS holds them (read at launch, then what the LMS accepted). */
  status: Map<string, string>;
  /** The raw score the LMS holds, if any. */
  raw: number | undefined;
}

export function readHeld(version: ScormVersion, get: (element: string) => string): HeldRecord {
  const elements = version === '1.2' ? ['cmi.core.lesson_status'] : ['cmi.completion_status', 'cmi.success_status'];
  const raw = get(version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw');
  return {
    status: new Map(elements.map((e) => [e, get(e)])),
    raw: raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : undefined,
  };
}

/** Keeps what the LMS holds when ours is worse; the exit then follows the status the LMS keeps. */
export function neverWorse(version: ScormVersion, held: HeldRecord, values: CmiValues): CmiValues {
  const rawOf = values.find(([e]) => e === (version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw'))?.[1];
  const lowerScore = held.raw !== undefined && rawOf !== undefined && Number(rawOf) < held.raw;
  let keptDone = false;
  const out: CmiValues = [];
  for (const [element, value] of values) {
    const rank = RANK[element];
    if (rank) {
      const before = held.status.get(element) ?? '';
      if ((rank[value] ?? 0) < (rank[before] ?? 0)) {
        if (before === 'passed' || before === 'completed') keptDone = true;
        continue;
      }
    }
    if (lowerScore && SCORE.test(element)) continue;
    out.push([element, value]);
  }
  if (!keptDone) return out;
  // The LMS keeps a finished attempt: leaving normally, not suspended, matches it.
  return out.map(([element, value]) => (element === 'cmi.core.exit' ? [element, ''] : element === 'cmi.exit' ? [element, 'normal'] : [element, value]));
}

/** Records a value the LMS accepted, so later reports are compared with it. */
export function remember(held: HeldRecord, element: string, value: string): void {
  if (RANK[element]) held.status.set(element, value);
  if (/^cmi\.(core\.)?score\.raw$/.test(element) && Number.isFinite(Number(value))) held.raw = Number(value);
}
