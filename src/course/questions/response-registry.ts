/**
 * Every question type's stored-response schema, for the storage and import checks (without the
 * authoring schemas): each folder's `response.ts` (see type-folders.ts).
 */
import type { z } from 'zod';
import type { QuestionTypeName } from './registry.ts';
import { byType } from './type-folders.ts';

export type ResponseSchemasByType = { [T in QuestionTypeName]: z.ZodObject<{ type: z.ZodLiteral<T> } & z.ZodRawShape> };

export const RESPONSE_SCHEMAS = byType(import.meta.glob<Record<string, unknown>>('./types/*/response.ts', { eager: true, import: 'responses' }), 'response schemas') as ResponseSchemasByType;
