/** Sentences and words with Intl.Segmenter, keeping offsets into the original text. */
import type { Sentence, Span, TextLang } from './types.ts';

const sentenceSegmenters = new Map<TextLang, Intl.Segmenter>();
const wordSegmenters = new Map<TextLang, Intl.Segmenter>();

function segmenter(cache: Map<TextLang, Intl.Segmenter>, lang: TextLang, granularity: 'sentence' | 'word'): Intl.Segmenter {
  let found = cache.get(lang);
  if (!found) cache.set(lang, (found = new Intl.Segmenter(lang, { granularity })));
  return found;
}

/** Words of a piece of text (letters and digits; hyphenated compounds stay one word). */
export function words(text: string, lang: TextLang, offset = 0): Span[] {
  const result: Span[] = [];
  for (const part of segmenter(wordSegmenters, lang, 'word').segment(text)) {
    if (!part.isWordLike) continue;
    const start = offset + part.index;
    const last = result[result.length - 1];
    // "Avoin demokratia -verkosto", "EU-maat": a hyphen joins word parts into one word.
    if (last && last.end === start - 1 && text[part.index - 1] === '-') {
      last.end = start + part.segment.length;
      last.text = `${last.text}-${part.segment}`;
      continue;
    }
    result.push({ start, end: start + part.segment.length, text: part.segment });
  }
  return result;
}

/** Sentences with their words. Line breaks between list items and headings also end a sentence. */
export function sentences(text: string, lang: TextLang): Sentence[] {
  const result: Sentence[] = [];
  for (const part of segmenter(sentenceSegmenters, lang, 'sentence').segment(text)) {
    // A blank line or a line without final punctuation ends a sentence too (lists, headings).
    let index = part.index;
    for (const line of part.segment.split(/(?<=\n)/)) {
      const trimmed = line.trim();
      if (trimmed) {
        const start = index + line.indexOf(trimmed);
        const ws = words(trimmed, lang, start);
        if (ws.length > 0) result.push({ start, end: start + trimmed.length, text: trimmed, words: ws });
      }
      index += line.length;
    }
  }
  return mergeUnfinished(result, text);
}

/** A line break inside a sentence (no punctuation before it, lower case after) does not end it. */
function mergeUnfinished(list: Sentence[], text: string): Sentence[] {
  const merged: Sentence[] = [];
  for (const s of list) {
    const prev = merged[merged.length - 1];
    const between = prev ? text.slice(prev.end, s.start) : '';
    if (prev && !/[.!?:;]$/.test(prev.text) && !between.includes('\n\n') && /^\p{Ll}/u.test(s.text)) {
      prev.end = s.end;
      prev.text = text.slice(prev.start, s.end);
      prev.words.push(...s.words);
      continue;
    }
    merged.push({ ...s, words: [...s.words] });
  }
  return merged;
}

/** Letters in a word (digits and hyphens do not count). */
export function letterCount(word: string): number {
  return (word.match(/\p{L}/gu) ?? []).length;
}
