/**
 * Abbreviations not explained at first use. Flagged: "Hae tukea KELAsta" with no "(…)" nearby;
 * not flagged: "Kotimaisten kielten keskus (Kotus)" or "OECD (Organisation for Economic
 * Co-operation and Development)", nor abbreviations in the known list (EU).
 */
import type { Rule, RuleHit } from '../types.ts';

const ABBREVIATION = /^[\p{Lu}]{2,6}$/u;

export const abbreviation: Rule = {
  id: 'abbreviation',
  langs: ['fi', 'sv', 'en'],
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const seen = new Set<string>(ctx.settings.knownAbbreviations.map((a) => a.toUpperCase()));
    ctx.sentences.forEach((sentence, s) => {
      for (const w of sentence.words) {
        const base = w.text.split('-')[0]!; // "EU-maat", "Kelan"
        if (!ABBREVIATION.test(base) || seen.has(base)) continue;
        seen.add(base);
        const before = ctx.text.slice(Math.max(0, w.start - 2), w.start);
        const after = ctx.text.slice(w.end, w.end + 2);
        const explained = before.includes('(') || after.trimStart().startsWith('(');
        if (!explained) hits.push({ start: w.start, end: w.start + base.length, text: base, sentence: s });
      }
    });
    return hits;
  },
};
