/** A stored or imported response of this type (IndexedDB records, export files); apart from the authoring schema so that the import check loads only this. */
import { z } from 'zod';
import type { ResponseSchemasByType } from '../../response-registry.ts';

export const reflectionResponse = z.object({ type: z.literal('reflection'), text: z.string().max(20_000) });

/** Registers the type (see type-folders.ts): its stored-response schema. */
export const responses = { reflection: reflectionResponse } satisfies Partial<ResponseSchemasByType>;
