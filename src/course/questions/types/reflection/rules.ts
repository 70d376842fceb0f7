/** A reflection: the learner writes their own thoughts; guidance follows. Never scored. */
import type { Html } from '../../../../content/schema.ts';
import type { QuestionCommon, QuestionRules } from '../../question-type.ts';
import type { RulesByType } from '../../registry.ts';
import { lmsFreeText, packText, SUSPEND_TEXT_CHARS, unpackText } from '../shared.ts';

export type ReflectionQuestion = QuestionCommon & { type: 'reflection'; guidance: Html };
export type ReflectionResponse = { type: 'reflection'; text: string };

export const reflection: QuestionRules<ReflectionQuestion, ReflectionResponse> = {
  type: 'reflection',
  scored: false,
  writing: true,
  isAnswered: (_q, r) => r.text.trim().length > 0,
  isCorrect: () => null,
  hint: () => ({ kind: 'reread' }),
  topicHtml: () => [],
  lms: {
    interactionType: (version) => (version === '1.2' ? 'fill-in' : 'long-fill-in'),
    formatResponse: (r, version) => lmsFreeText(r.text, version),
    correctResponse: () => null,
  },
  suspend: {
    pack: (r) => packText('r', r.text),
    unpack(_q, packed) {
      const text = unpackText('r', packed);
      return text === null ? null : { type: 'reflection', text };
    },
    longest: () => ({ type: 'reflection', text: 'x'.repeat(SUSPEND_TEXT_CHARS) }),
  },
};

/** Registers the type (see type-folders.ts): its rules, and its question and response in the type map. */
export const rules = { reflection } satisfies Partial<RulesByType>;

declare module '../../registry.ts' {
  interface QuestionTypeMap {
    reflection: { question: ReflectionQuestion; response: ReflectionResponse };
  }
}
