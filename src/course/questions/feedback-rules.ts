/**
 * Rules for feedback that teaches: what a first wrong try may show (the feedback for what was
 * chosen and a hint) and what waits for the second try or the learner's request (the answers).
 */
import type { Question } from '../../content/schema.ts';
import { isCorrect, type Response } from '../scoring.ts';
import type { Hint } from './question-type.ts';
import { rulesOf, sameType } from './registry.ts';

/** The answers are shown once the learner got it right, tried twice, asked for them, or for a reflection. */
export function revealsAnswer(question: Question, response: Response, tries: number, requested: boolean): boolean {
  const correct = isCorrect(question, response);
  return correct !== false || tries >= 2 || requested;
}

export type { Hint };

/** A hint that helps the second try without giving the answer away. */
export function hintFor(question: Question, response: Response): Hint {
  return rulesOf(question.type).hint(question, sameType(question, response));
}

// An option's feedback often opens with a verdict ("Oikein.", "Ei.") written for the learner who
// chose it; for an option not chosen that verdict reads as praise or blame for nothing, so it goes.
const VERDICT = /^(\s*<p>)?\s*(Oikein|Rätt|Correct|Ei paras|Ei ihan|Ei aivan|Ei|Nej|No|Not the best|Not quite|Inte bäst|Inte riktigt)\s*[.!]\s*/i;

export function withoutVerdict(html: string): string {
  return html.replace(VERDICT, (_m, p: string | undefined) => p ?? '');
}
