/** Every question type's authoring side (schema, checks, compile step), by type. Build time and import checks only. */
import type { QuestionTypeName } from './registry';
import { multipleContent, singleContent } from './types/choice/content';
import { truefalseContent } from './types/truefalse/content';
import { orderingContent } from './types/ordering/content';
import { matchingContent } from './types/matching/content';
import { reflectionContent } from './types/reflection/content';
import { rewriteContent } from './types/rewrite/content';

export const QUESTION_CONTENT = {
  single: singleContent,
  multiple: multipleContent,
  truefalse: truefalseContent,
  ordering: orderingContent,
  matching: matchingContent,
  reflection: reflectionContent,
  rewrite: rewriteContent,
} as const satisfies Record<QuestionTypeName, { type: QuestionTypeName }>;
