/**
 * Ids written by content authors (questions, options, scenes) made into identifiers every LMS
 * accepts: SCORM 1.2 CMIIdentifier (printable ASCII, no spaces, 255), 2004 long identifiers (no
 * spaces, not "urn:") and 2004 short identifiers in responses ([A-Za-z0-9_.-], 250).
 *
 * The rule (documented in the README): an id made only of A–Z, a–z, 0–9, "_", "." and "-" (at most
 * 200 characters) is sent as it is. Any other id is ASCII-folded (ä→a, ö→o, å→a, ß→ss, æ→ae, ø→o),
 * every run of other characters becomes "-", it is cut to 200 characters, and "-h" plus a hash of
 * the original id (FNV-1a, 32 bits, base 36) is appended, so two ids that fold alike stay apart.
 * The same id always maps to the same identifier, on every device and in every version.
 */
const SAFE = /^[A-Za-z0-9_.-]{1,200}$/;
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', ð: 'd', þ: 'th', ł: 'l', Ł: 'L' };

export function cmiId(raw: string): string {
  if (SAFE.test(raw)) return raw;
  const folded = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßæÆøØœŒðþłŁ]/g, (c) => SPECIAL[c] ?? '')
    .replace(/[^A-Za-z0-9_.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200);
  return `${folded || 'id'}-h${fnv1a(raw).toString(36)}`;
}

/** FNV-1a over the UTF-16 code units: small, stable, and the same everywhere. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
