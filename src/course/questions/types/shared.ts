/** Small pieces several question types share: LMS lists, letter ids and free text. */
import { cmiId } from '../../../lms/cmi-id.ts';
import { clip } from '../../../lms/clip.ts';
import type { ScormVersion } from '../../../lms/formats.ts';

/** Writings are cut to this length in the LMS resume data; the full text stays on the device. */
export const SUSPEND_TEXT_CHARS = 400;

/** A list of option or item ids in the version's format. */
export const lmsList = (ids: string[], version: ScormVersion) => ids.map(cmiId).join(version === '1.2' ? ',' : '[,]');

/**
 * Free text for an LMS: one line, within 255 characters in 1.2 and 4000 in 2004 (cut at a
 * character boundary); in 2004 it must not start with "{" (that opens a language tag).
 */
export function lmsFreeText(text: string, version: ScormVersion): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return version === '1.2' ? clip(line, 255) : clip(line.replace(/^\{/, '({'), 4000);
}

/** A free-text response packed for the resume data: `[tag, text]`, the text cut to `SUSPEND_TEXT_CHARS`. */
export const packText = (tag: string, text: string): [string, string] => [tag, clip(text, SUSPEND_TEXT_CHARS)];

export function unpackText(tag: string, packed: unknown): string | null {
  return Array.isArray(packed) && packed[0] === tag && typeof packed[1] === 'string' && packed[1].length <= SUSPEND_TEXT_CHARS ? packed[1] : null;
}

/** A packed choice-like response: one type letter and a body of single-letter ids. */
export function packedBody(packed: unknown, tag: string): string | null {
  return typeof packed === 'string' && packed.length > 0 && packed[0] === tag ? packed.slice(1) : null;
}
