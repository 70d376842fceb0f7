/** Every question type's authoring side (schema, checks, compile step), by type. Build time and import checks only. */
import type { QuestionTypeName } from './registry.ts';
import { multipleContent, singleContent } from './types/choice/content.ts';
import { truefalseContent } from './types/truefalse/content.ts';
import { orderingContent } from './types/ordering/content.ts';
import { matchingContent } from './types/matching/content.ts';
import { reflectionContent } from './types/reflection/content.ts';
import { rewriteContent } from './types/rewrite/content.ts';

export const QUESTION_CONTENT = {
  single: singleContent,
  multiple: multipleContent,
  truefalse: truefalseContent,
  ordering: orderingContent,
  matching: matchingContent,
  reflection: reflectionContent,
  rewrite: rewriteContent,
} as const satisfies Record<QuestionTypeName, { type: QuestionTypeName }>;
