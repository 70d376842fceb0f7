/** The view side of a question type: its input, and the feedback that teaches. */
import type { FunctionComponent } from 'preact';
import type { Response } from './registry.ts';

export interface InputProps<Q, R> {
  question: Q;
  /** The learner's response, or undefined when there is none of this type yet. */
  response: R | undefined;
  onChange: (response: Response) => void;
  reviewing: boolean;
  /** Unique per place the question appears, so ids never clash. */
  idPrefix: string;
}

export interface FeedbackProps<Q, R> {
  question: Q;
  response: R | undefined;
}

/** i18n keys of the words around a question; each defaults to the one for choice-like questions. */
export interface QuestionTexts {
  /** Under the prompt: how to answer (default `question.hint.<type>`). */
  hint: string;
  /** The knowledge check's main button (default `check.check`). */
  submit: string;
  /** After checking: try again, or edit one's own writing (default `check.retry`). */
  retry: string;
  /** Shown when the learner checks without a complete response (default `question.answerFirst`). */
  answerFirst: string;
}

export interface QuestionTypeView<Q, R> {
  Input: FunctionComponent<InputProps<Q, R>>;
  /** Feedback once the answers are revealed. */
  Details: FunctionComponent<FeedbackProps<Q, R>>;
  /** Feedback on a first wrong try, before the answers are revealed (default: none). */
  FirstTry?: FunctionComponent<FeedbackProps<Q, R>>;
  texts?: Partial<QuestionTexts>;
}
