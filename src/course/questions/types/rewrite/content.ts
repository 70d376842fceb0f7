import { z } from 'zod';
import { id, text } from '../../../../content/schema-primitives.ts';
import { rewriteResponse } from './response.ts';
import type { QuestionContent } from '../../question-content.ts';
import type { RewriteQuestion } from './rules.ts';
import type { ContentByType } from '../../content-registry.ts';

/** Longer originals do not fit a phone screen beside the learner's version, nor the LMS copy. */
export const ORIGINAL_MAX_CHARS = 1000;

const source = z.strictObject({
  id,
  type: z.literal('rewrite'),
  prompt: text,
  /** Plain text (no Markdown): the learner edits it. */
  original: text,
  model: text,
  /** Defaults to the course language. */
  lang: z.enum(['fi', 'sv', 'en']).optional(),
  /** Checker rule ids (src/plain-language/rules) whose hints the model answer removes. */
  addresses: z.array(z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'use a checker rule id such as fi-passive')).default([]),
  /** What the model answer changed, one short point each (Markdown). */
  changes: z.array(text).default([]),
  explanation: text.optional(),
});

const normalised = (s: string) => s.replace(/\s+/g, ' ').trim();

export const rewriteContent: QuestionContent<typeof source, RewriteQuestion> = {
  type: 'rewrite',
  noun: 'a rewrite exercise',
  source,
  response: rewriteResponse,
  problems(q) {
    const out: string[] = [];
    if (normalised(q.model) === normalised(q.original)) out.push('model: the model answer is the same as the original, so there is nothing to compare');
    if (q.original.length > ORIGINAL_MAX_CHARS) out.push(`original: ${q.original.length} characters; keep it under ${ORIGINAL_MAX_CHARS} so it fits a phone screen`);
    if (new Set(q.addresses).size !== q.addresses.length) out.push('addresses: a rule is named twice');
    return out;
  },
  compile: (q, { md, lang }) => ({
    id: q.id,
    type: 'rewrite',
    prompt: md.block(q.prompt),
    explanation: q.explanation ? md.block(q.explanation) : '',
    lang: q.lang ?? lang,
    original: q.original.trim(),
    model: q.model.trim(),
    rules: q.addresses,
    changes: q.changes.map((c) => md.inline(c)),
  }),
  // The rules differ by language (fi-passive, sv-s-passive); there is no answer to compare.
  answerKey: () => 'rewrite',
};

/** Registers the type (see type-folders.ts): its authoring side. */
export const contents = { rewrite: rewriteContent } satisfies Partial<ContentByType>;
