/** Checks a text with every rule of its language and sums it up. Pure: no DOM, no storage. */
import { RULES } from './rules/index.ts';
import { lix } from './lix.ts';
import { sentences as splitSentences } from './segment.ts';
import type { CheckerSettings, Hint, Sentence, TextLang } from './types.ts';

export interface CheckSummary {
  sentences: number;
  words: number;
  averageSentenceWords: number;
  longestSentenceWords: number;
  /** Share of sentences with at least one hint, 0–1. */
  flaggedShare: number;
  /** Swedish texts only: LIX is a Swedish scale. */
  lix: number | null;
}

export interface CheckResult {
  lang: TextLang;
  text: string;
  hints: Hint[];
  sentences: Sentence[];
  summary: CheckSummary;
}

export function checkText(text: string, lang: TextLang, settings: CheckerSettings, onlyRules?: readonly string[]): CheckResult {
  const sentences = splitSentences(text, lang);
  const ctx = { lang, text, sentences, settings };
  const hints: Hint[] = RULES.filter((rule) => rule.langs.includes(lang) && (!onlyRules || onlyRules.includes(rule.id)))
    .flatMap((rule) =>
      rule.check(ctx).map((hit) => ({ ...hit, rule: rule.id, sentence: hit.sentence ?? sentences.findIndex((s) => s.start <= hit.start && hit.start < s.end) })),
    )
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const wordCounts = sentences.map((s) => s.words.length);
  const total = wordCounts.reduce((a, b) => a + b, 0);
  const flagged = new Set(hints.map((h) => h.sentence));
  return {
    lang,
    text,
    hints,
    sentences,
    summary: {
      sentences: sentences.length,
      words: total,
      averageSentenceWords: sentences.length ? total / sentences.length : 0,
      longestSentenceWords: Math.max(0, ...wordCounts),
      flaggedShare: sentences.length ? flagged.size / sentences.length : 0,
      lix: lang === 'sv' ? lix(sentences) : null,
    },
  };
}
