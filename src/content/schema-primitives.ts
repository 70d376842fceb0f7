/** Building blocks shared by every content schema (courses, games, practice cards, question types). */
import { z } from 'zod';

export const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and hyphens');
export const text = z.string().trim().min(1, 'must not be empty');
export const perLang = <T extends z.ZodType>(inner: T) =>
  z.strictObject({ fi: inner.optional(), sv: inner.optional(), en: inner.optional() });
