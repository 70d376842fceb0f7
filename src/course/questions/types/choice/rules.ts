/** Single- and multiple-choice questions: one rule set, two types. */
import type { Html } from '../../../../content/schema.ts';
import { cmiId } from '../../../../lms/cmi-id.ts';
import type { QuestionCommon, QuestionRules } from '../../question-type.ts';
import type { RulesByType } from '../../registry.ts';
import { lmsList, packedBody } from '../shared.ts';

export interface ChoiceOption {
  id: string;
  html: Html;
  correct: boolean;
  feedback: Html;
}

export type SingleQuestion = QuestionCommon & { type: 'single'; options: ChoiceOption[] };
export type MultipleQuestion = QuestionCommon & { type: 'multiple'; options: ChoiceOption[] };
export type ChoiceQuestion = SingleQuestion | MultipleQuestion;
export type SingleResponse = { type: 'single'; option: string };
export type MultipleResponse = { type: 'multiple'; options: string[] };

const topicHtml = (q: ChoiceQuestion) => q.options.filter((o) => o.correct).map((o) => o.html);

export const single: QuestionRules<SingleQuestion, SingleResponse> = {
  type: 'single',
  scored: true,
  writing: false,
  isAnswered: (_q, r) => Boolean(r.option),
  isCorrect: (q, r) => q.options.some((o) => o.correct && o.id === r.option),
  hint: (q) => ({ kind: 'options-left', count: q.options.length - 1 }),
  topicHtml,
  lms: {
    interactionType: () => 'choice',
    formatResponse: (r) => cmiId(r.option),
    correctResponse: (q) => ({ type: 'single', option: q.options.find((o) => o.correct)!.id }),
  },
  suspend: {
    pack: (r) => `s${r.option}`,
    unpack(q, packed) {
      const body = packedBody(packed, 's');
      return body !== null && q.options.some((o) => o.id === body) ? { type: 'single', option: body } : null;
    },
    longest: () => ({ type: 'single', option: 'z' }),
  },
};

export const multiple: QuestionRules<MultipleQuestion, MultipleResponse> = {
  type: 'multiple',
  scored: true,
  writing: false,
  isAnswered: (_q, r) => r.options.length > 0,
  isCorrect(q, r) {
    const chosen = new Set(r.options);
    return q.options.every((o) => o.correct === chosen.has(o.id));
  },
  hint: (q) => ({ kind: 'correct-count', count: q.options.filter((o) => o.correct).length }),
  topicHtml,
  lms: {
    interactionType: () => 'choice',
    formatResponse: (r, version) => lmsList(r.options, version),
    correctResponse: (q) => ({ type: 'multiple', options: q.options.filter((o) => o.correct).map((o) => o.id) }),
  },
  suspend: {
    pack: (r) => `m${r.options.join('')}`,
    unpack(q, packed) {
      const body = packedBody(packed, 'm');
      if (body === null) return null;
      const letters = [...body];
      const unique = new Set(letters).size === letters.length;
      return unique && letters.every((l) => q.options.some((o) => o.id === l)) ? { type: 'multiple', options: letters } : null;
    },
    longest: (q) => ({ type: 'multiple', options: q.options.map((o) => o.id) }),
  },
};

/** Registers the type (see type-folders.ts): its rules, and its question and response in the type map. */
export const rules = { single, multiple } satisfies Partial<RulesByType>;

declare module '../../registry.ts' {
  interface QuestionTypeMap {
    single: { question: SingleQuestion; response: SingleResponse };
    multiple: { question: MultipleQuestion; response: MultipleResponse };
  }
}
