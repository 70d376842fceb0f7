import { z } from 'zod';
import { id, text } from '../../../../content/schema-primitives.ts';
import { singleResponse, multipleResponse } from './response.ts';
import type { QuestionContent } from '../../question-content.ts';
import { letter } from '../../question-content.ts';
import type { MultipleQuestion, SingleQuestion } from './rules.ts';
import type { ContentByType } from '../../content-registry.ts';

const option = z.strictObject({ text, correct: z.boolean().default(false), feedback: text });
const sourceOf = <T extends 'single' | 'multiple'>(type: T) =>
  z.strictObject({ id, prompt: text, explanation: text, type: z.literal(type), options: z.array(option).min(2).max(26) });
const singleSource = sourceOf('single');
const multipleSource = sourceOf('multiple');
type ChoiceSource = z.infer<typeof singleSource> | z.infer<typeof multipleSource>;

function problems(q: ChoiceSource): string[] {
  const out: string[] = [];
  const correct = q.options.filter((o) => o.correct).length;
  if (q.type === 'single' && correct !== 1) out.push(`a single-choice question needs exactly one correct option (has ${correct})`);
  if (q.type === 'multiple' && correct === 0) out.push('a multiple-choice question needs at least one correct option');
  const texts = q.options.map((o) => o.text.trim());
  if (new Set(texts).size !== texts.length) out.push('two options have the same text');
  return out;
}

const compileOptions: QuestionContent<typeof singleSource, SingleQuestion>['compile'] = (q, { md }) => ({
  id: q.id,
  type: q.type,
  prompt: md.block(q.prompt),
  explanation: md.block(q.explanation),
  options: q.options.map((o, i) => ({ id: letter(i), html: md.inline(o.text), correct: o.correct, feedback: md.block(o.feedback) })),
});

const answerKey = (q: SingleQuestion | MultipleQuestion) => `${q.type}:${q.options.map((o) => (o.correct ? 1 : 0)).join('')}`;
const qualityItem = (q: SingleQuestion | MultipleQuestion) => ({ kind: 'choice' as const, prompt: q.prompt, options: q.options.map((o) => ({ html: o.html, keyed: o.correct })) });

export const singleContent: QuestionContent<typeof singleSource, SingleQuestion> = {
  type: 'single',
  noun: 'a single-choice question',
  source: singleSource,
  response: singleResponse,
  problems,
  compile: compileOptions,
  answerKey,
  qualityItem,
};

export const multipleContent: QuestionContent<typeof multipleSource, MultipleQuestion> = {
  type: 'multiple',
  noun: 'a multiple-choice question',
  source: multipleSource,
  response: multipleResponse,
  problems,
  compile: (q, context) => ({ ...compileOptions({ ...q, type: 'single' }, context), type: 'multiple' }),
  answerKey,
  qualityItem,
};

/** Registers the type (see type-folders.ts): its authoring side. */
export const contents = { single: singleContent, multiple: multipleContent } satisfies Partial<ContentByType>;
