import { z } from 'zod';
import { id, text } from '../../../../content/schema-primitives.ts';
import { orderingResponse } from './response.ts';
import { letter, type QuestionContent } from '../../question-content.ts';
import type { OrderingQuestion } from './rules.ts';
import type { ContentByType } from '../../content-registry.ts';

const source = z.strictObject({
  id,
  prompt: text,
  explanation: text,
  type: z.literal('ordering'),
  items: z.array(z.strictObject({ text, feedback: text.optional() })).min(2).max(10),
});

export const orderingContent: QuestionContent<typeof source, OrderingQuestion> = {
  type: 'ordering',
  noun: 'an ordering question',
  source,
  response: orderingResponse,
  problems(q) {
    const texts = q.items.map((o) => o.text.trim());
    return new Set(texts).size !== texts.length ? ['two items have the same text, so their order cannot be told apart'] : [];
  },
  compile: (q, { md }) => ({
    id: q.id,
    type: 'ordering',
    prompt: md.block(q.prompt),
    explanation: md.block(q.explanation),
    items: q.items.map((item, i) => ({ id: letter(i), html: md.inline(item.text), feedback: item.feedback && md.block(item.feedback) })),
  }),
  answerKey: (q) => `ordering:${q.items.length}`,
  qualityItem: (q) => ({ kind: 'ordering', entries: q.items.map((i) => i.html) }),
};

/** Registers the type (see type-folders.ts): its authoring side. */
export const contents = { ordering: orderingContent } satisfies Partial<ContentByType>;
