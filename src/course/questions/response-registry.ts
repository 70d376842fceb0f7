/** Every question type's stored-response schema, for the storage and import checks (without the authoring schemas). */
import { multipleResponse, singleResponse } from './types/choice/response.ts';
import { truefalseResponse } from './types/truefalse/response.ts';
import { orderingResponse } from './types/ordering/response.ts';
import { matchingResponse } from './types/matching/response.ts';
import { reflectionResponse } from './types/reflection/response.ts';
import { rewriteResponse } from './types/rewrite/response.ts';
import type { QuestionTypeName } from './registry.ts';

export const RESPONSE_SCHEMAS = {
  single: singleResponse,
  multiple: multipleResponse,
  truefalse: truefalseResponse,
  ordering: orderingResponse,
  matching: matchingResponse,
  reflection: reflectionResponse,
  rewrite: rewriteResponse,
} as const satisfies Record<QuestionTypeName, unknown>;
