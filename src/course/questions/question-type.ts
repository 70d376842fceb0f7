/**
 * The contract every question type keeps (modelled on H5P's question contract): the player, the
 * final test, the LMS link and storage call these, never a switch on the type. A type lives in
 * its own folder under types/: `rules.ts` (this interface: pure, no UI, node-safe),
 * `content.ts` (authoring schema and compile step, build time and import checks), `response.ts`
 * (the stored-answer schema) and `view.tsx`; the folder is its registration (type-folders.ts).
 */
import type { Html } from '../../content/schema.ts';
import type { ScormVersion } from '../../lms/formats.ts';

export interface QuestionCommon {
  id: string;
  prompt: Html;
  explanation: Html;
}

/** A hint that helps the second try without giving the answer away. */
export type Hint =
  | { kind: 'correct-count'; count: number }
  | { kind: 'options-left'; count: number }
  | { kind: 'in-place'; right: number; total: number }
  | { kind: 'pairs-right'; right: number; total: number }
  | { kind: 'reread' };

export interface QuestionRules<Q extends { type: string }, R extends { type: string }> {
  readonly type: Q['type'];
  /** Counts in test scores; a type that is not scored cannot be in the final test. */
  readonly scored: boolean;
  /**
   * The learner's own writing: kept and edited rather than retried, listed in My learning and
   * cut to `SUSPEND_TEXT_CHARS` in the LMS resume data.
   */
  readonly writing: boolean;
  /** The response a learner gives by not changing anything, if the type has one. */
  defaultResponse?(question: Q): R;
  /** Whether the learner has given a complete response the question can be checked against. */
  isAnswered(question: Q, response: R): boolean;
  /** null: not scored. */
  isCorrect(question: Q, response: R): boolean | null;
  /** For a first wrong try; the response is undefined when it is of another type. */
  hint(question: Q, response: R | undefined): Hint;
  /** The HTML that says what the question is about (to find the page that teaches it). */
  topicHtml(question: Q): Html[];
  lms: {
    interactionType(version: ScormVersion): string;
    /** The response in the version's format, within its length limit. */
    formatResponse(response: R, version: ScormVersion): string;
    /** The correct response, for the LMS's correct-response pattern; null when there is none. */
    correctResponse(question: Q): R | null;
  };
  /** Compact encoding for cmi.suspend_data (SCORM 1.2 allows only 4096 characters in all). */
  suspend: {
    pack(response: R): unknown;
    /** Untrusted input: null unless it is a response this question can have. */
    unpack(question: Q, packed: unknown): R | null;
    /** The longest response the question can have (for the worst-case size check). */
    longest(question: Q): R;
  };
}
