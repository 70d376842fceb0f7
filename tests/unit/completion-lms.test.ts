/**
 * The completion matrix: every combination of pages read and final-test result gives the same
 * status on the screens (courseState) and in what the package reports to the LMS (cmiValues), in
 * SCORM 1.2 and 2004, with a limited number of tries and with unlimited tries.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import type { CompiledCourse } from '../../src/content/schema';
import { courseState, isCompleted, ruleOfCourse, type TestTry } from '../../src/course/completion';
import { cmiValues } from '../../src/lms/cmi';
import type { AttemptSnapshot } from '../../src/storage/progress';

const shipped = buildContent(join(import.meta.dirname, '../..'), ['avoin-hallinto']).courses[0]!.compiled.fi! as CompiledCourse;
const withTries = (maxTries: number): CompiledCourse => ({ ...shipped, finalTest: { ...shipped.finalTest!, maxTries } });
const pageIds = shipped.modules.flatMap((m) => m.pages.map((p) => p.id));

type Pages = 'all read' | 'not all read';
type Test = 'passed' | 'failed, tries left' | 'failed, no tries left' | 'not taken';
const PAGES: Pages[] = ['all read', 'not all read'];
const TESTS: Test[] = ['passed', 'failed, tries left', 'failed, no tries left', 'not taken'];

function tries(test: Test, maxTries: number): TestTry[] {
  const at = Date.UTC(2026, 11, 4, 10);
  const fail = (no: number): TestTry => ({ no, questionIds: [], percent: 25, passed: false, finishedAt: at + no });
  if (test === 'not taken') return [];
  if (test === 'passed') return [fail(1), { no: 2, questionIds: [], percent: 92, passed: true, finishedAt: at + 2 }];
  if (test === 'failed, tries left') return [fail(1)];
  return Array.from({ length: maxTries }, (_, i) => fail(i + 1));
}

/** The snapshot as the player leaves it: it marks the attempt completed when the rule holds. */
function snapshot(course: CompiledCourse, pages: Pages, test: Test): AttemptSnapshot {
  const visited = new Set(pages === 'all read' ? pageIds : pageIds.slice(0, 5));
  const attemptTries = tries(test, course.finalTest!.maxTries || 3);
  const done = isCompleted(course.completion, { pageIds, visited, tries: attemptTries });
  return {
    visited,
    answers: [],
    attempt: {
      id: 'a1', contentId: course.id, contentVersion: course.version, startedAt: Date.UTC(2026, 11, 4, 9), updatedAt: Date.UTC(2026, 11, 4, 11),
      status: done ? 'completed' : 'in-progress', tries: attemptTries, location: 'perusteet/lyhyesti', timeSpentMs: 600_000,
    } as AttemptSnapshot['attempt'],
  };
}

const value = (values: [string, string][], element: string) => values.find(([e]) => e === element)?.[1];

describe('completion: the screens and the LMS say the same', () => {
  for (const [label, course] of [['three tries', withTries(3)], ['unlimited tries', withTries(0)]] as const) {
    for (const pages of PAGES) {
      for (const test of TESTS) {
        if (label === 'unlimited tries' && test === 'failed, no tries left') continue;
        it(`${label}: pages ${pages}, test ${test}`, () => {
          const snap = snapshot(course, pages, test);
          const screen = courseState(ruleOfCourse(course), { visited: snap.visited, tries: snap.attempt.tries, storedCompleted: snap.attempt.status === 'completed' });
          const completed = pages === 'all read' && test === 'passed';
          expect(screen.status).toBe(completed ? 'completed' : 'in-progress');
          expect(screen.passedWithUnread).toBe(pages === 'not all read' && test === 'passed');
          const v12 = cmiValues(course, snap, '1.2');
          const v2004 = cmiValues(course, snap, '2004');
          const failedForGood = test === 'failed, no tries left';
          expect(value(v12, 'cmi.core.lesson_status')).toBe(completed ? 'passed' : failedForGood ? 'failed' : 'incomplete');
          expect(value(v12, 'cmi.core.exit')).toBe(completed ? '' : 'suspend');
          expect(value(v2004, 'cmi.completion_status')).toBe(completed ? 'completed' : 'incomplete');
          expect(value(v2004, 'cmi.success_status')).toBe(completed ? 'passed' : failedForGood ? 'failed' : 'unknown');
          expect(value(v2004, 'cmi.exit')).toBe(completed ? 'normal' : 'suspend');
          // The best try is reported whenever there is one; the LMS never decides the status from it.
          expect(value(v12, 'cmi.core.score.raw')).toBe(test === 'not taken' ? undefined : test === 'passed' ? '92' : '25');
          expect(screen.test).toBe(test === 'passed' ? 'passed' : test === 'not taken' ? 'not-taken' : failedForGood ? 'failed-final' : 'failed');
        });
      }
    }
  }
});
