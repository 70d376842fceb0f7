/**
 * When a course counts as completed, by the rule in its course.yaml, and the one state every
 * screen shows (catalogue, course menu, test, certificate, My learning): status, test state and
 * the pages still unread. Pure: no UI, no storage.
 */
import type { CatalogueEntry, CompiledCourse } from '../content/schema';

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

/** What a course's rule needs to know about the course itself. */
export interface CourseRule {
  /** Page ids in reading order. */
  pageIds: readonly string[];
  completion: CompiledCourse['completion'];
  /** Null when the course has no final test; 0 for unlimited tries. */
  maxTries: number | null;
}

/** What the learner has done. */
export interface LearnerProgress {
  visited: ReadonlySet<string>;
  tries: readonly TestTry[];
  /** A test try has been opened and not submitted yet. */
  openTry?: boolean;
  /** Storage (or the LMS) already holds the course as completed: never shown worse. */
  storedCompleted?: boolean;
}

/**
 * - `none`: the course has no final test
 * - `not-taken`: no try submitted yet
 * - `passed`
 * - `failed`: not passed, tries left
 * - `failed-final`: not passed and no tries left
 */
export type TestState = 'none' | 'not-taken' | 'passed' | 'failed' | 'failed-final';

export interface CourseState {
  status: CourseStatus;
  test: TestState;
  /** Infinity when unlimited; 0 once passed or used up. */
  triesLeft: number;
  best: TestTry | undefined;
  visitedCount: number;
  totalPages: number;
  /** Unread page ids in reading order (listed whether or not the rule needs every page). */
  unreadPageIds: string[];
  /** The rule still waits for these pages to be read (empty when completed or pages are not required). */
  missingPageIds: string[];
  /** The rule still waits for the final test (pass or a try). */
  testMissing: boolean;
  /** The test is passed but pages are still unread: say so at once, with links. */
  passedWithUnread: boolean;
}

export function isCompleted(rule: CompiledCourse['completion'], input: CompletionInput): boolean {
  const pagesDone = !rule.allPages || input.pageIds.every((id) => input.visited.has(id));
  const testDone =
    rule.finalTest === 'none' ||
    (rule.finalTest === 'attempted' && input.tries.length > 0) ||
    (rule.finalTest === 'passed' && input.tries.some((t) => t.passed));
  return pagesDone && testDone;
}

/** The one status function every screen (and the LMS report) uses. */
export function courseState(rule: CourseRule, progress: LearnerProgress): CourseState {
  const { visited, tries } = progress;
  const unreadPageIds = rule.pageIds.filter((id) => !visited.has(id));
  const visitedCount = rule.pageIds.length - unreadPageIds.length;
  const completed = Boolean(progress.storedCompleted) || isCompleted(rule.completion, { pageIds: rule.pageIds, visited, tries });
  const passed = tries.some((t) => t.passed);
  const left = rule.maxTries === null ? 0 : triesLeft(rule.maxTries, tries);
  const test: TestState =
    rule.maxTries === null ? 'none' : passed ? 'passed' : tries.length === 0 ? 'not-taken' : left > 0 ? 'failed' : 'failed-final';
  const started = visitedCount > 0 || tries.length > 0 || Boolean(progress.openTry);
  const missingPageIds = completed || !rule.completion.allPages ? [] : unreadPageIds;
  const testMissing =
    !completed &&
    ((rule.completion.finalTest === 'passed' && !passed) || (rule.completion.finalTest === 'attempted' && tries.length === 0));
  return {
    status: completed ? 'completed' : started ? 'in-progress' : 'not-started',
    test,
    triesLeft: left,
    best: bestTry(tries),
    visitedCount,
    totalPages: rule.pageIds.length,
    unreadPageIds,
    missingPageIds,
    testMissing,
    passedWithUnread: !completed && test === 'passed' && missingPageIds.length > 0,
  };
}

export function ruleOfCourse(course: CompiledCourse): CourseRule {
  return {
    pageIds: course.modules.flatMap((m) => m.pages.map((p) => p.id)),
    completion: course.completion,
    maxTries: course.finalTest ? course.finalTest.maxTries : null,
  };
}

/** The rule from a catalogue entry, so the catalogue and My learning need not load the course. */
export function ruleOfEntry(entry: CatalogueEntry): CourseRule {
  return {
    pageIds: entry.pageIds,
    completion: entry.completion ?? { allPages: true, finalTest: entry.hasFinalTest ? 'passed' : 'none' },
    maxTries: entry.hasFinalTest ? (entry.maxTries ?? 0) : null,
  };
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
