/** A statement the learner marks true or false. */
import type { Html } from '../../../../content/schema.ts';
import type { QuestionCommon, QuestionRules } from '../../question-type.ts';
import type { RulesByType } from '../../registry.ts';

export type TrueFalseQuestion = QuestionCommon & { type: 'truefalse'; answer: boolean; feedbackTrue: Html; feedbackFalse: Html };
export type TrueFalseResponse = { type: 'truefalse'; value: boolean };

export const truefalse: QuestionRules<TrueFalseQuestion, TrueFalseResponse> = {
  type: 'truefalse',
  scored: true,
  writing: false,
  isAnswered: (_q, r) => typeof r.value === 'boolean',
  isCorrect: (q, r) => r.value === q.answer,
  hint: () => ({ kind: 'reread' }),
  topicHtml: () => [],
  lms: {
    interactionType: () => 'true-false',
    formatResponse: (r, version) => (version === '1.2' ? (r.value ? 't' : 'f') : String(r.value)),
    correctResponse: (q) => ({ type: 'truefalse', value: q.answer }),
  },
  suspend: {
    pack: (r) => (r.value ? 't' : 'f'),
    unpack: (_q, packed) => (packed === 't' || packed === 'f' ? { type: 'truefalse', value: packed === 't' } : null),
    longest: () => ({ type: 'truefalse', value: false }),
  },
};

/** Registers the type (see type-folders.ts): its rules, and its question and response in the type map. */
export const rules = { truefalse } satisfies Partial<RulesByType>;

declare module '../../registry.ts' {
  interface QuestionTypeMap {
    truefalse: { question: TrueFalseQuestion; response: TrueFalseResponse };
  }
}
