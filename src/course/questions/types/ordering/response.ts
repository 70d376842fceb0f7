/** A stored or imported response of this type (IndexedDB records, export files); apart from the authoring schema so that the import check loads only this. */
import { z } from 'zod';
import type { ResponseSchemasByType } from '../../response-registry.ts';

export const orderingResponse = z.object({ type: z.literal('ordering'), order: z.array(z.string().max(20)).max(50) });

/** Registers the type (see type-folders.ts): its stored-response schema. */
export const responses = { ordering: orderingResponse } satisfies Partial<ResponseSchemasByType>;
