/** When a course counts as completed, by the rule in its course.yaml. */
import type { CompiledCourse } from '../content/schema';

export interface TestTry {
  no: number;
  questionIds: string[];
  percent: number;
  passed: boolean;
  finishedAt: number;
}

export interface CompletionInput {
  pageIds: readonly string[];
  visited: ReadonlySet<string>;
  tries: readonly TestTry[];
}

export type CourseStatus = 'not-started' | 'in-progress' | 'completed';

export function isCompleted(rule: CompiledCourse['completion'], input: CompletionInput): boolean {
  const pagesDone = !rule.allPages || input.pageIds.every((id) => input.visited.has(id));
  const testDone =
    rule.finalTest === 'none' ||
    (rule.finalTest === 'attempted' && input.tries.length > 0) ||
    (rule.finalTest === 'passed' && input.tries.some((t) => t.passed));
  return pagesDone && testDone;
}

export function bestTry(tries: readonly TestTry[]): TestTry | undefined {
  return tries.reduce<TestTry | undefined>((best, t) => (!best || t.percent > best.percent ? t : best), undefined);
}

/** Tries left; Infinity when the course allows unlimited tries (maxTries 0). */
export function triesLeft(maxTries: number, tries: readonly TestTry[]): number {
  if (tries.some((t) => t.passed)) return 0;
  return maxTries === 0 ? Infinity : Math.max(0, maxTries - tries.length);
}

/** Share of pages visited, 0–1. */
export function pageProgress(pageIds: readonly string[], visited: ReadonlySet<string>): number {
  if (pageIds.length === 0) return 0;
  return pageIds.filter((id) => visited.has(id)).length / pageIds.length;
}
