/** A stored or imported response of this type (IndexedDB records, export files); apart from the authoring schema so that the import check loads only this. */
import { z } from 'zod';

export const singleResponse = z.object({ type: z.literal('single'), option: z.string().max(20) });
export const multipleResponse = z.object({ type: z.literal('multiple'), options: z.array(z.string().max(20)).max(50) });
