/**
 * Join codes: what a participant types on a phone. The alphabet leaves out characters that look or
 * sound alike (0/O/Q/D, 1/I/L, 2/Z, 5/S, 8/B, G, U/V), so a code read off a projector is typed right.
 *
 * Why eight characters: 20 symbols give 20^8 ≈ 2.56 × 10^10 codes. The server allows one address
 * at most 20 failed joins per 10 minutes (about 2 880 in a 24-hour day). With 1 000 rooms live at once a
 * guess hits one with probability 1 000 / 2.56 × 10^10 ≈ 3.9 × 10^-8, so one address guessing for a whole
 * day succeeds with probability ≈ 2 880 × 3.9 × 10^-8 ≈ 1.1 × 10^-4, and even 1 000 addresses together
 * for the 12 hours a room lives ≈ 5.6 %, for a prize of a read-only view and one anonymous vote.
 * The facilitator's write access is never guessable: it needs the 256-bit token, not the code.
 */
export const JOIN_CODE_ALPHABET = '34679ACEFHJKMNPRTWXY';
export const JOIN_CODE_LENGTH = 8;

/** A new code from crypto-strength random bytes (rejection sampling keeps every symbol equally likely). */
export function newJoinCode(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const limit = 256 - (256 % JOIN_CODE_ALPHABET.length);
  let code = '';
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of random(JOIN_CODE_LENGTH * 2)) {
      if (byte < limit && code.length < JOIN_CODE_LENGTH) code += JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length];
    }
  }
  return code;
}

/** What people type: any case, with or without spaces and the dash. */
export function normaliseJoinCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

export function isJoinCode(code: string): boolean {
  return code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
}

/** Shown in two groups of four: "7KMN-A4CX". */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
