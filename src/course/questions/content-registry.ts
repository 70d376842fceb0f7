/**
 * Every question type's authoring side (schema, checks, compile step), by type: each folder's
 * `content.ts` (see type-folders.ts). Build time and import checks only.
 */
import type { z } from 'zod';
import type { QuestionOf, QuestionTypeName } from './registry.ts';
import type { QuestionContent } from './question-content.ts';
import { byType } from './type-folders.ts';

export type ContentByType = { [T in QuestionTypeName]: QuestionContent<z.ZodObject, QuestionOf<T>> };

export const QUESTION_CONTENT = byType(import.meta.glob<Record<string, unknown>>('./types/*/content.ts', { eager: true, import: 'contents' }), 'authoring sides') as ContentByType;
