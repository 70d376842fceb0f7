/**
 * Rules for feedback that teaches: what a first wrong try may show (the feedback for what was
 * chosen and a hint) and what waits for the second try or the learner's request (the answers).
 */
import type { Question } from '../../content/schema';
import { isCorrect, type Response } from '../scoring';

/** The answers are shown once the learner got it right, tried twice, asked for them, or for a reflection. */
export function revealsAnswer(question: Question, response: Response, tries: number, requested: boolean): boolean {
  const correct = isCorrect(question, response);
  return correct !== false || tries >= 2 || requested;
}

export type Hint =
  | { kind: 'correct-count'; count: number }
  | { kind: 'options-left'; count: number }
  | { kind: 'in-place'; right: number; total: number }
  | { kind: 'pairs-right'; right: number; total: number }
  | { kind: 'reread' };

/** A hint that helps the second try without giving the answer away. */
export function hintFor(question: Question, response: Response): Hint {
  switch (question.type) {
    case 'multiple':
      return { kind: 'correct-count', count: question.options.filter((o) => o.correct).length };
    case 'single':
      return { kind: 'options-left', count: question.options.length - 1 };
    case 'ordering': {
      const order = response.type === 'ordering' ? response.order : [];
      return { kind: 'in-place', right: question.items.filter((item, i) => order[i] === item.id).length, total: question.items.length };
    }
    case 'matching': {
      const matches = response.type === 'matching' ? response.matches : {};
      return { kind: 'pairs-right', right: question.pairs.filter((p) => matches[p.id] === p.right).length, total: question.pairs.length };
    }
    default:
      return { kind: 'reread' };
  }
}

// An option's feedback often opens with a verdict ("Oikein.", "Ei.") written for the learner who
// chose it; for an option not chosen that verdict reads as praise or blame for nothing, so it goes.
const VERDICT = /^(\s*<p>)?\s*(Oikein|Rätt|Correct|Ei paras|Ei ihan|Ei aivan|Ei|Nej|No|Not the best|Not quite|Inte bäst|Inte riktigt)\s*[.!]\s*/i;

export function withoutVerdict(html: string): string {
  return html.replace(VERDICT, (_m, p: string | undefined) => p ?? '');
}
