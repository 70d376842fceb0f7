/**
 * Officialese from the editable word list in content/plain-language/<lang>.yaml, with the plainer
 * word. Example (fi): "suorittaa maksu" → "maksaa"; (sv) "erhålla" → "få"; (en) "in order to" → "to".
 */
import type { Rule, RuleHit } from '../types.ts';
import { lower, spanHit, wordMatches } from './match.ts';

export const wordList: Rule = {
  id: 'word-list',
  langs: ['fi', 'sv', 'en'],
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const entries = ctx.settings.wordList.map((e) => ({ parts: e.term.split(/\s+/).filter(Boolean), plain: e.plain }));
    ctx.sentences.forEach((sentence, s) => {
      const ws = sentence.words.map(lower);
      for (let i = 0; i < ws.length; i++) {
        const entry = entries.find((e) => e.parts.every((p, k) => ws[i + k] !== undefined && wordMatches(p, ws[i + k]!)));
        if (!entry) continue;
        hits.push(spanHit(ctx, s, i, i + entry.parts.length - 1, entry.plain));
        i += entry.parts.length - 1;
      }
    });
    return hits;
  },
};
