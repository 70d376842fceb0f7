/** What a course's progress looks like in each SCORM version's data model (pure; no LMS calls). */
import type { CompiledCourse } from '../content/schema';
import { bestTry, triesLeft } from '../course/completion';
import type { Answer } from '../storage/db';
import type { AttemptSnapshot } from '../storage/progress';
import { cmiId } from './cmi-id';
import { clip, correctPattern, formatResponse, formatResult, interactionType, iso8601Timestamp, realNumber, scorm12Clock, type ScormVersion } from './formats';
import { encodeSuspend, resumeStateOf, SUSPEND_LIMIT_12, SUSPEND_LIMIT_2004, type ResumeState } from './suspend';

export type CmiValues = [element: string, value: string][];

/**
 * Elements in the order they must be set: score before status, suspend data before exit. The
 * status follows the lead's rule (DECISIONS.md): the LMS never decides from the score.
 * 1.2 lesson_status: passed when completed (completed without a final test), failed only when no
 * tries are left and none passed, else incomplete. 2004: completion completed/incomplete; success
 * passed when completed, failed when no tries are left without a pass, else unknown.
 * A null snapshot is a course not yet opened: incomplete, suspended, at the front page (which has
 * no location: scorm-again's 2004 model refuses an empty one).
 */
export function cmiValues(course: CompiledCourse, snapshot: AttemptSnapshot | null, version: ScormVersion): CmiValues {
  const attempt = snapshot?.attempt;
  const visited = snapshot?.visited ?? new Set<string>();
  const pageIds = course.modules.flatMap((m) => m.pages.map((p) => p.id));
  const tries = attempt?.tries ?? [];
  const best = bestTry(tries.filter((t) => Number.isFinite(t.percent)));
  const passed = tries.some((t) => t.passed);
  const completed = attempt?.status === 'completed';
  const failedForGood = Boolean(course.finalTest) && tries.length > 0 && !passed && triesLeft(course.finalTest!.maxTries, tries) === 0;
  const suspend = fitSuspend(
    snapshot ? resumeStateOf(snapshot) : { courseId: course.id, contentVersion: course.version, updatedAt: 0, visited: [], completed: false, timeSpentMs: 0, checks: {}, tries: [], lastTryAnswers: {} },
    version === '1.2' ? SUSPEND_LIMIT_12 : SUSPEND_LIMIT_2004,
  );
  const location = attempt?.location ?? '';
  const percent = best && realNumber(best.percent, 0, 100);
  const values: CmiValues = [];
  if (version === '1.2') {
    if (location) values.push(['cmi.core.lesson_location', clip(location, 255)]);
    if (percent !== undefined) values.push(['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'], ['cmi.core.score.raw', percent]);
    const status = completed ? (course.finalTest ? 'passed' : 'completed') : failedForGood ? 'failed' : 'incomplete';
    values.push(['cmi.core.lesson_status', status], ['cmi.suspend_data', suspend], ['cmi.core.exit', completed ? '' : 'suspend']);
  } else {
    if (location) values.push(['cmi.location', clip(location, 1000)]);
    const seen = pageIds.filter((id) => visited.has(id)).length;
    values.push(['cmi.progress_measure', completed ? '1' : realNumber(pageIds.length ? seen / pageIds.length : 0, 0, 1) ?? '0']);
    if (percent !== undefined) {
      values.push(['cmi.score.min', '0'], ['cmi.score.max', '100'], ['cmi.score.raw', percent], ['cmi.score.scaled', realNumber(Number(percent) / 100, 0, 1) ?? '0']);
    }
    values.push(
      ['cmi.completion_status', completed ? 'completed' : 'incomplete'],
      ['cmi.success_status', completed ? 'passed' : failedForGood ? 'failed' : 'unknown'],
      ['cmi.suspend_data', suspend],
      ['cmi.exit', completed ? 'normal' : 'suspend'],
    );
  }
  return values;
}

/**
 * Suspend data within the version's limit (1.2: 4096 characters). The build checks every course's
 * worst case; should a state still be longer, the least needed parts go first: the answers of
 * knowledge checks, then those of the last try, so the places seen and the scores always fit.
 */
export function fitSuspend(state: ResumeState, limit: number): string {
  const lighter: ResumeState[] = [state, { ...state, checks: {} }, { ...state, checks: {}, lastTryAnswers: {}, openTry: undefined }];
  for (const candidate of lighter) {
    const text = encodeSuspend(candidate);
    if (text.length <= limit) return text;
  }
  return encodeSuspend({ ...lighter[2]!, visited: [], tries: state.tries.slice(-1) });
}

/** One interaction record for an answer, elements in the order the data model needs them. */
export function interactionValues(course: CompiledCourse, answer: Answer, index: number, version: ScormVersion): CmiValues {
  const question = course.questions[answer.questionId];
  if (!question) return [];
  const base = `cmi.interactions.${index}`;
  const pattern = correctPattern(question, version);
  const id = cmiId(answer.context === 'check' ? question.id : `${answer.context.replace(':', '')}-${question.id}`);
  const values: CmiValues = [
    [`${base}.id`, id],
    [`${base}.type`, interactionType(question, version)],
  ];
  if (pattern !== null) values.push([`${base}.correct_responses.0.pattern`, pattern]);
  const when = version === '1.2' ? scorm12Clock(answer.at) : iso8601Timestamp(answer.at);
  values.push(
    [`${base}.${version === '1.2' ? 'student_response' : 'learner_response'}`, formatResponse(answer.response, version)],
    [`${base}.result`, formatResult(answer.correct, version)],
  );
  if (when) values.push([`${base}.${version === '1.2' ? 'time' : 'timestamp'}`, when]);
  return values;
}
