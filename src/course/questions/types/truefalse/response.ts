/** A stored or imported response of this type (IndexedDB records, export files); apart from the authoring schema so that the import check loads only this. */
import { z } from 'zod';
import type { ResponseSchemasByType } from '../../response-registry.ts';

export const truefalseResponse = z.object({ type: z.literal('truefalse'), value: z.boolean() });

/** Registers the type (see type-folders.ts): its stored-response schema. */
export const responses = { truefalse: truefalseResponse } satisfies Partial<ResponseSchemasByType>;
