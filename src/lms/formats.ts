/**
 * SCORM data formats, per version. Every value sent to an LMS is made here, in the form its data
 * model accepts: nothing is sent that an LMS would reject.
 */
import type { Question } from '../content/schema.ts';
import type { Response } from '../course/scoring.ts';
import { rulesOf } from '../course/questions/registry.ts';
export { clip } from './clip.ts';

export type ScormVersion = '1.2' | '2004';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS (hours 2–4 digits). */
export function scorm12Timespan(ms: number): string {
  const total = Math.max(0, Math.round(ms / 10)) / 100; // seconds, two decimals
  const hours = Math.min(9999, Math.floor(total / 3600));
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return `${pad(hours)}:${pad(minutes)}:${seconds.toFixed(2).padStart(5, '0')}`;
}

/** SCORM 2004 timeinterval: ISO 8601 duration such as PT1H2M3.45S. */
export function iso8601Duration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 10)) / 100;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = Number((total % 60).toFixed(2));
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds}S`;
}

/** The latest moment SCORM 2004 LMSs such as Moodle accept (their time type stops in 2038). */
const LATEST_2004 = Date.UTC(2038, 11, 31, 23, 59, 59);

/** SCORM 1.2 CMITime (time of day): HH:MM:SS; empty for a moment that is not a date. */
export function scorm12Clock(at: number): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** SCORM 2004 time(second,10,0): YYYY-MM-DDThh:mm:ss.s with a UTC designator; empty outside 1970–2038. */
export function iso8601Timestamp(at: number): string {
  if (!Number.isFinite(at) || at < 0 || at > LATEST_2004) return '';
  return `${new Date(at).toISOString().slice(0, 21)}Z`;
}

/**
 * A number for a decimal element: within [min, max], at most 7 decimals (SCORM 2004 real(10,7)),
 * no exponent, no trailing zeros. Undefined for NaN and infinities: such a value is not sent.
 */
export function realNumber(value: number, min: number, max: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const clamped = Math.min(max, Math.max(min, value));
  return String(Number(clamped.toFixed(7))).replace(/^-0$/, '0');
}

export function interactionType(question: Question, version: ScormVersion): string {
  return rulesOf(question.type).lms.interactionType(version);
}

/**
 * A response in the version's format. Option and item ids are mapped with `cmiId` (the compiler
 * makes them single letters a–z and matching targets digits, which every LMS accepts as they are).
 * Free text is one line; in 2004 it must not start with "{" (that opens a language tag).
 */
export function formatResponse(response: Response, version: ScormVersion): string {
  return rulesOf(response.type).lms.formatResponse(response, version);
}

/** The correct response pattern, for LMS reports; none for types that are not scored. */
export function correctPattern(question: Question, version: ScormVersion): string | null {
  const correct = rulesOf(question.type).lms.correctResponse(question);
  return correct && formatResponse(correct, version);
}

export function formatResult(correct: boolean | null, version: ScormVersion): string {
  if (correct === null) return 'neutral';
  if (correct) return 'correct';
  return version === '1.2' ? 'wrong' : 'incorrect';
}

/** SCORM 1.2 student_name is "Last, First"; shown as "First Last". */
export function displayName(lmsName: string): string {
  const [last, first] = lmsName.split(',').map((s) => s.trim());
  return first ? `${first} ${last}` : lmsName.trim();
}
