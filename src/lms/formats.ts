/**
 * SCORM data formats, per version. Every value sent to an LMS is made here, in the form its data
 * model accepts: nothing is sent that an LMS would reject.
 */
import type { Question } from '../content/schema';
import type { Response } from '../course/scoring';

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

/** SCORM 1.2 CMITime (time of day): HH:MM:SS. */
export function scorm12Clock(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** SCORM 2004 time(second,10,0): YYYY-MM-DDThh:mm:ss.s with a UTC designator. */
export function iso8601Timestamp(at: number): string {
  return `${new Date(at).toISOString().slice(0, 21)}Z`;
}

export function interactionType(question: Question, version: ScormVersion): string {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return 'choice';
    case 'truefalse':
      return 'true-false';
    case 'ordering':
      return 'sequencing';
    case 'matching':
      return 'matching';
    case 'reflection':
      return version === '1.2' ? 'fill-in' : 'long-fill-in';
  }
}

/**
 * A response in the version's format. Option and item ids are single letters a–z and matching
 * targets single digits 0–9, which is what SCORM 1.2 allows for choice, sequencing and matching.
 */
export function formatResponse(response: Response, version: ScormVersion): string {
  const list = (items: string[]) => items.join(version === '1.2' ? ',' : '[,]');
  switch (response.type) {
    case 'single':
      return response.option;
    case 'multiple':
      return list(response.options);
    case 'truefalse':
      return version === '1.2' ? (response.value ? 't' : 'f') : String(response.value);
    case 'ordering':
      return list(response.order);
    case 'matching':
      return list(Object.entries(response.matches).map(([source, target]) => `${source}${version === '1.2' ? '.' : '[.]'}${target}`));
    case 'reflection':
      return clip(response.text.replace(/\s+/g, ' ').trim(), version === '1.2' ? 255 : 4000);
  }
}

/** The correct response pattern, for LMS reports; none for reflections. */
export function correctPattern(question: Question, version: ScormVersion): string | null {
  switch (question.type) {
    case 'single':
      return formatResponse({ type: 'single', option: question.options.find((o) => o.correct)!.id }, version);
    case 'multiple':
      return formatResponse({ type: 'multiple', options: question.options.filter((o) => o.correct).map((o) => o.id) }, version);
    case 'truefalse':
      return formatResponse({ type: 'truefalse', value: question.answer }, version);
    case 'ordering':
      return formatResponse({ type: 'ordering', order: question.items.map((i) => i.id) }, version);
    case 'matching':
      return formatResponse({ type: 'matching', matches: Object.fromEntries(question.pairs.map((p) => [p.id, p.right])) }, version);
    case 'reflection':
      return null;
  }
}

export function formatResult(correct: boolean | null, version: ScormVersion): string {
  if (correct === null) return 'neutral';
  if (correct) return 'correct';
  return version === '1.2' ? 'wrong' : 'incorrect';
}

/** Cuts a string to `max` characters without splitting a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** SCORM 1.2 student_name is "Last, First"; shown as "First Last". */
export function displayName(lmsName: string): string {
  const [last, first] = lmsName.split(',').map((s) => s.trim());
  return first ? `${first} ${last}` : lmsName.trim();
}
