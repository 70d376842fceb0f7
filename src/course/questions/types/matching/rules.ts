/** Pairs: each left side is matched to one of the right sides (two lefts may share a right). */
import type { Html } from '../../../../content/schema.ts';
import { cmiId } from '../../../../lms/cmi-id.ts';
import type { QuestionCommon, QuestionRules } from '../../question-type.ts';
import type { RulesByType } from '../../registry.ts';
import { packedBody } from '../shared.ts';

export type MatchingQuestion = QuestionCommon & {
  type: 'matching';
  /** `right` indexes `rights`; two lefts may share one right. */
  pairs: { id: string; left: Html; right: number; feedback?: Html }[];
  rights: string[];
};
export type MatchingResponse = { type: 'matching'; matches: Record<string, number> };

export const matching: QuestionRules<MatchingQuestion, MatchingResponse> = {
  type: 'matching',
  scored: true,
  writing: false,
  isAnswered: (q, r) => q.pairs.every((p) => r.matches[p.id] !== undefined),
  isCorrect: (q, r) => q.pairs.every((p) => r.matches[p.id] === p.right),
  hint: (q, r) => ({ kind: 'pairs-right', right: q.pairs.filter((p) => r?.matches[p.id] === p.right).length, total: q.pairs.length }),
  topicHtml: (q) => [...q.pairs.map((p) => p.left), ...q.rights],
  lms: {
    interactionType: () => 'matching',
    formatResponse: (r, version) =>
      Object.entries(r.matches)
        .map(([source, target]) => `${cmiId(source)}${version === '1.2' ? '.' : '[.]'}${cmiId(String(target))}`)
        .join(version === '1.2' ? ',' : '[,]'),
    correctResponse: (q) => ({ type: 'matching', matches: Object.fromEntries(q.pairs.map((p) => [p.id, p.right])) }),
  },
  suspend: {
    pack: (r) =>
      `x${Object.entries(r.matches)
        .map(([k, v]) => `${k}${v}`)
        .join('')}`,
    unpack(q, packed) {
      const body = packedBody(packed, 'x');
      if (body === null) return null;
      const pairs = body.match(/../g) ?? [];
      if (pairs.join('') !== body) return null;
      const matches: Record<string, number> = {};
      for (const [source, target] of pairs.map((p) => [p[0]!, Number(p[1])] as const)) {
        if (!q.pairs.some((p) => p.id === source) || !Number.isInteger(target) || target >= q.pairs.length || source in matches) return null;
        matches[source] = target;
      }
      return { type: 'matching', matches };
    },
    longest: (q) => ({ type: 'matching', matches: Object.fromEntries(q.pairs.map((p) => [p.id, 9])) }),
  },
};

/** Registers the type (see type-folders.ts): its rules, and its question and response in the type map. */
export const rules = { matching } satisfies Partial<RulesByType>;

declare module '../../registry.ts' {
  interface QuestionTypeMap {
    matching: { question: MatchingQuestion; response: MatchingResponse };
  }
}
