/** A stored or imported response of this type (IndexedDB records, export files); apart from the authoring schema so that the import check loads only this. */
import { z } from 'zod';
import type { ResponseSchemasByType } from '../../response-registry.ts';

export const matchingResponse = z.object({ type: z.literal('matching'), matches: z.record(z.string().max(20), z.number().int().min(0).max(50)) });

/** Registers the type (see type-folders.ts): its stored-response schema. */
export const responses = { matching: matchingResponse } satisfies Partial<ResponseSchemasByType>;
