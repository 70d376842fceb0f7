import { z } from 'zod';
import { id, text } from '../../../../content/schema-primitives.ts';
import { reflectionResponse } from './response.ts';
import type { QuestionContent } from '../../question-content.ts';
import type { ReflectionQuestion } from './rules.ts';
import type { ContentByType } from '../../content-registry.ts';

const source = z.strictObject({ id, type: z.literal('reflection'), prompt: text, guidance: text, explanation: text.optional() });

export const reflectionContent: QuestionContent<typeof source, ReflectionQuestion> = {
  type: 'reflection',
  noun: 'a reflection',
  source,
  response: reflectionResponse,
  problems: () => [],
  compile: (q, { md }) => ({
    id: q.id,
    type: 'reflection',
    prompt: md.block(q.prompt),
    guidance: md.block(q.guidance),
    explanation: q.explanation ? md.block(q.explanation) : '',
  }),
  answerKey: () => 'reflection',
};

/** Registers the type (see type-folders.ts): its authoring side. */
export const contents = { reflection: reflectionContent } satisfies Partial<ContentByType>;
