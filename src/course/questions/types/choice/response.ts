/** A stored or imported response of this type (IndexedDB records, export files); apart from the authoring schema so that the import check loads only this. */
import { z } from 'zod';
import type { ResponseSchemasByType } from '../../response-registry.ts';

export const singleResponse = z.object({ type: z.literal('single'), option: z.string().max(20) });
export const multipleResponse = z.object({ type: z.literal('multiple'), options: z.array(z.string().max(20)).max(50) });

/** Registers the type (see type-folders.ts): its stored-response schema. */
export const responses = { single: singleResponse, multiple: multipleResponse } satisfies Partial<ResponseSchemasByType>;
