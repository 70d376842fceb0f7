/**
 * A rewrite exercise: the learner rewrites a given text in clear language, checks their version
 * with the plain-language checker, then compares it with the model answer. Never scored; the
 * learner's text is kept like a reflection.
 */
import type { Html } from '../../../../content/schema.ts';
import type { TextLang } from '../../../../plain-language/types.ts';
import type { QuestionCommon, QuestionRules } from '../../question-type.ts';
import type { RulesByType } from '../../registry.ts';
import { lmsFreeText, packText, SUSPEND_TEXT_CHARS, unpackText } from '../shared.ts';

export type RewriteQuestion = QuestionCommon & {
  type: 'rewrite';
  /** The language the texts are in (the checker's rules follow it). */
  lang: TextLang;
  /** Plain text, not HTML: the learner edits it. */
  original: string;
  model: string;
  /** The checker's rules the model answer addresses (its hints on the original). */
  rules: string[];
  /** What the model answer changed, in the author's words. */
  changes: Html[];
};
export type RewriteResponse = { type: 'rewrite'; text: string };

const same = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

export const rewrite: QuestionRules<RewriteQuestion, RewriteResponse> = {
  type: 'rewrite',
  scored: false,
  writing: true,
  // The text area starts with the original, so the learner edits rather than retypes it.
  defaultResponse: (q) => ({ type: 'rewrite', text: q.original }),
  isAnswered: (q, r) => r.text.trim().length > 0 && !same(r.text, q.original),
  isCorrect: () => null,
  hint: () => ({ kind: 'reread' }),
  topicHtml: (q) => q.changes,
  lms: {
    interactionType: (version) => (version === '1.2' ? 'fill-in' : 'long-fill-in'),
    formatResponse: (r, version) => lmsFreeText(r.text, version),
    correctResponse: () => null,
  },
  suspend: {
    pack: (r) => packText('w', r.text),
    unpack(_q, packed) {
      const text = unpackText('w', packed);
      return text === null ? null : { type: 'rewrite', text };
    },
    longest: () => ({ type: 'rewrite', text: 'x'.repeat(SUSPEND_TEXT_CHARS) }),
  },
};

/** Registers the type (see type-folders.ts): its rules, and its question and response in the type map. */
export const rules = { rewrite } satisfies Partial<RulesByType>;

declare module '../../registry.ts' {
  interface QuestionTypeMap {
    rewrite: { question: RewriteQuestion; response: RewriteResponse };
  }
}
