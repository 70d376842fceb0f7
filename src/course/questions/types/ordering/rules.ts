/** Items the learner puts in order. */
import type { Html } from '../../../../content/schema.ts';
import type { QuestionCommon, QuestionRules } from '../../question-type.ts';
import type { RulesByType } from '../../registry.ts';
import { shuffledOrder } from '../../../scoring.ts';
import { lmsList, packedBody } from '../shared.ts';

export type OrderingQuestion = QuestionCommon & { type: 'ordering'; items: { id: string; html: Html; feedback?: Html }[] };
export type OrderingResponse = { type: 'ordering'; order: string[] };

export const ordering: QuestionRules<OrderingQuestion, OrderingResponse> = {
  type: 'ordering',
  scored: true,
  writing: false,
  // The items start shuffled, so leaving them as they are is an answer too (never the right one).
  defaultResponse: (q) => ({ type: 'ordering', order: shuffledOrder(q.items.map((i) => i.id), q.id) }),
  isAnswered: (_q, r) => r.order.length > 0,
  isCorrect: (q, r) => r.order.length === q.items.length && q.items.every((item, i) => r.order[i] === item.id),
  hint: (q, r) => ({ kind: 'in-place', right: q.items.filter((item, i) => r?.order[i] === item.id).length, total: q.items.length }),
  topicHtml: (q) => q.items.map((i) => i.html),
  lms: {
    interactionType: () => 'sequencing',
    formatResponse: (r, version) => lmsList(r.order, version),
    correctResponse: (q) => ({ type: 'ordering', order: q.items.map((i) => i.id) }),
  },
  suspend: {
    pack: (r) => `o${r.order.join('')}`,
    unpack(q, packed) {
      const body = packedBody(packed, 'o');
      if (body === null) return null;
      const letters = [...body];
      const ids = q.items.map((i) => i.id);
      const unique = new Set(letters).size === letters.length;
      return unique && letters.length === ids.length && letters.every((l) => ids.includes(l)) ? { type: 'ordering', order: letters } : null;
    },
    longest: (q) => ({ type: 'ordering', order: q.items.map((i) => i.id) }),
  },
};

/** Registers the type (see type-folders.ts): its rules, and its question and response in the type map. */
export const rules = { ordering } satisfies Partial<RulesByType>;

declare module '../../registry.ts' {
  interface QuestionTypeMap {
    ordering: { question: OrderingQuestion; response: OrderingResponse };
  }
}
