import { z } from 'zod';
import { id, text } from '../../../../content/schema-primitives.ts';
import { truefalseResponse } from './response.ts';
import type { QuestionContent } from '../../question-content.ts';
import type { TrueFalseQuestion } from './rules.ts';
import type { ContentByType } from '../../content-registry.ts';

const source = z.strictObject({ id, prompt: text, explanation: text, type: z.literal('truefalse'), answer: z.boolean(), feedbackTrue: text, feedbackFalse: text });

export const truefalseContent: QuestionContent<typeof source, TrueFalseQuestion> = {
  type: 'truefalse',
  noun: 'a true-or-false statement',
  source,
  response: truefalseResponse,
  problems: () => [],
  compile: (q, { md }) => ({
    id: q.id,
    type: 'truefalse',
    prompt: md.block(q.prompt),
    explanation: md.block(q.explanation),
    answer: q.answer,
    feedbackTrue: md.block(q.feedbackTrue),
    feedbackFalse: md.block(q.feedbackFalse),
  }),
  answerKey: (q) => `truefalse:${q.answer}`,
};

/** Registers the type (see type-folders.ts): its authoring side. */
export const contents = { truefalse: truefalseContent } satisfies Partial<ContentByType>;
