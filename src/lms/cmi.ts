/** What a course's progress looks like in each SCORM version's data model (pure; no LMS calls). */
import type { CompiledCourse } from '../content/schema';
import { bestTry, triesLeft } from '../course/completion';
import type { Answer } from '../storage/db';
import type { AttemptSnapshot } from '../storage/progress';
import { clip, correctPattern, formatResponse, formatResult, interactionType, iso8601Timestamp, scorm12Clock, type ScormVersion } from './formats';
import { encodeSuspend, resumeStateOf } from './suspend';

export type CmiValues = [element: string, value: string][];

/** Elements in the order they must be set: score before status, suspend data before exit. */
export function cmiValues(course: CompiledCourse, snapshot: AttemptSnapshot, version: ScormVersion): CmiValues {
  const { attempt, visited } = snapshot;
  const pageIds = course.modules.flatMap((m) => m.pages.map((p) => p.id));
  const best = bestTry(attempt.tries);
  const passed = attempt.tries.some((t) => t.passed);
  const tried = attempt.tries.length > 0;
  const completed = attempt.status === 'completed';
  const exhausted = course.finalTest ? triesLeft(course.finalTest.maxTries, attempt.tries) === 0 : false;
  const suspend = encodeSuspend(resumeStateOf(snapshot));
  const values: CmiValues = [];
  if (version === '1.2') {
    if (attempt.location) values.push(['cmi.core.lesson_location', clip(attempt.location, 255)]);
    if (best) values.push(['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'], ['cmi.core.score.raw', String(best.percent)]);
    const status = completed
      ? course.finalTest
        ? passed
          ? 'passed'
          : 'failed'
        : 'completed'
      : tried && !passed && exhausted
        ? 'failed'
        : 'incomplete';
    values.push(['cmi.core.lesson_status', status], ['cmi.suspend_data', suspend], ['cmi.core.exit', completed ? '' : 'suspend']);
  } else {
    if (attempt.location) values.push(['cmi.location', clip(attempt.location, 1000)]);
    const seen = pageIds.filter((id) => visited.has(id)).length;
    values.push(['cmi.progress_measure', completed ? '1' : decimal(pageIds.length ? seen / pageIds.length : 0)]);
    if (best) {
      values.push(
        ['cmi.score.min', '0'],
        ['cmi.score.max', '100'],
        ['cmi.score.raw', String(best.percent)],
        ['cmi.score.scaled', decimal(best.percent / 100)],
      );
    }
    values.push(
      ['cmi.completion_status', completed ? 'completed' : 'incomplete'],
      ['cmi.success_status', passed ? 'passed' : tried ? 'failed' : 'unknown'],
      ['cmi.suspend_data', suspend],
      ['cmi.exit', completed ? 'normal' : 'suspend'],
    );
  }
  return values;
}

/** One interaction record for an answer, elements in the order the data model needs them. */
export function interactionValues(course: CompiledCourse, answer: Answer, index: number, version: ScormVersion): CmiValues {
  const question = course.questions[answer.questionId];
  if (!question) return [];
  const base = `cmi.interactions.${index}`;
  const pattern = correctPattern(question, version);
  const id = answer.context === 'check' ? question.id : `${answer.context.replace(':', '')}-${question.id}`;
  const values: CmiValues = [
    [`${base}.id`, id],
    [`${base}.type`, interactionType(question, version)],
  ];
  if (pattern !== null) values.push([`${base}.correct_responses.0.pattern`, pattern]);
  if (version === '1.2') {
    values.push(
      [`${base}.student_response`, formatResponse(answer.response, version)],
      [`${base}.result`, formatResult(answer.correct, version)],
      [`${base}.time`, scorm12Clock(answer.at)],
    );
  } else {
    values.push(
      [`${base}.learner_response`, formatResponse(answer.response, version)],
      [`${base}.result`, formatResult(answer.correct, version)],
      [`${base}.timestamp`, iso8601Timestamp(answer.at)],
    );
  }
  return values;
}

/** A real number for the data model, without trailing zeros (0.7, not 0.7000). */
function decimal(value: number): string {
  return String(Number(value.toFixed(4)));
}
