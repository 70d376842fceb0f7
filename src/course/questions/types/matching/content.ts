import { z } from 'zod';
import { id, text } from '../../../../content/schema-primitives.ts';
import { matchingResponse } from './response.ts';
import { letter, type QuestionContent } from '../../question-content.ts';
import type { MatchingQuestion } from './rules.ts';
import type { ContentByType } from '../../content-registry.ts';

const source = z.strictObject({
  id,
  prompt: text,
  explanation: text,
  type: z.literal('matching'),
  pairs: z.array(z.strictObject({ left: text, right: text, feedback: text.optional() })).min(2).max(10),
});

export const matchingContent: QuestionContent<typeof source, MatchingQuestion> = {
  type: 'matching',
  noun: 'a matching question',
  source,
  response: matchingResponse,
  problems(q) {
    const lefts = q.pairs.map((p) => p.left.trim());
    return new Set(lefts).size !== lefts.length ? ['two pairs have the same left side'] : [];
  },
  compile(q, { md }) {
    const rights = [...new Set(q.pairs.map((p) => p.right.trim()))].sort((a, b) => a.localeCompare(b, 'fi'));
    return {
      id: q.id,
      type: 'matching',
      prompt: md.block(q.prompt),
      explanation: md.block(q.explanation),
      rights,
      pairs: q.pairs.map((p, i) => ({ id: letter(i), left: md.inline(p.left), right: rights.indexOf(p.right.trim()), feedback: p.feedback && md.block(p.feedback) })),
    };
  },
  // Which lefts share a right, independent of the right's wording in each language.
  answerKey: (q) => `matching:${q.pairs.map((p) => q.pairs.findIndex((o) => o.right === p.right)).join(',')}`,
  qualityItem: (q) => ({ kind: 'matching', pairs: q.pairs.map((p) => [p.left, q.rights[p.right] ?? ''] as [string, string]) }),
};

/** Registers the type (see type-folders.ts): its authoring side. */
export const contents = { matching: matchingContent } satisfies Partial<ContentByType>;
