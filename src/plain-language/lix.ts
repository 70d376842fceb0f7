/**
 * LIX (läsbarhetsindex), a Swedish readability formula: words per sentence + the share of words
 * over six letters, in per cent. Its bands were made for Swedish; Finnish words are long, so a
 * Finnish text gets no LIX band here.
 */
import { letterCount } from './segment.ts';
import type { Sentence } from './types.ts';

export function lix(sentences: readonly Sentence[]): number | null {
  const words = sentences.flatMap((s) => s.words);
  if (sentences.length === 0 || words.length === 0) return null;
  const long = words.filter((w) => letterCount(w.text) > 6).length;
  return words.length / sentences.length + (100 * long) / words.length;
}

export type LixBand = 'very-easy' | 'easy' | 'medium' | 'hard' | 'very-hard';

/** The usual Swedish bands: under 30 very easy, 30–40 easy, 40–50 medium, 50–60 hard, over 60 very hard. */
export function lixBand(value: number): LixBand {
  if (value < 30) return 'very-easy';
  if (value < 40) return 'easy';
  if (value < 50) return 'medium';
  if (value < 60) return 'hard';
  return 'very-hard';
}
