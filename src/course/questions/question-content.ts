/**
 * The authoring side of a question type: its questions.yaml schema, the checks of its answer key,
 * the compile step and the stored-response schema. Build time and import checks only (zod): the
 * player never loads this.
 */
import type { z } from 'zod';
import type { Html, Lang } from '../../content/schema.ts';

export interface Markdown {
  block(text: string): Html;
  inline(text: string): Html;
}

export interface CompileContext {
  md: Markdown;
  /** The language of the questions.yaml being compiled. */
  lang: Lang;
}

export interface QuestionContent<S extends z.ZodObject, Q extends { type: string }> {
  readonly type: Q['type'];
  /** How the validator names a question of this type ("a reflection"). */
  readonly noun: string;
  /** The question as authored in questions.yaml (a strict object with a `type` literal). */
  readonly source: S;
  /** A stored or imported response of this type (IndexedDB records, export files). */
  readonly response: z.ZodObject;
  /** Problems that make the question impossible to answer correctly or ambiguous. */
  problems(source: z.infer<S>): string[];
  compile(source: z.infer<S>, context: CompileContext): Q;
  /** What must be the same in every language: the shape of the correct answer. */
  answerKey(question: Q): string;
  /** What the item-writing checks (src/content/item-quality) read; a type without an answer key has none. */
  qualityItem?(question: Q): QualityItem;
}

/** A question as the item-writing checks see it: options with the keyed ones, or the entries of its key. */
export type QualityItem =
  | { kind: 'choice'; prompt: Html; options: { html: Html; keyed: boolean }[] }
  /** The items in the correct order. */
  | { kind: 'ordering'; entries: Html[] }
  /** Each pair as [left, right]. */
  | { kind: 'matching'; pairs: [Html, string][] };

/** The ids of options and items: a, b, c … */
export const letter = (i: number) => String.fromCharCode(97 + i);
