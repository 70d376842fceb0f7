/**
 * English nominalisations after an empty verb ("make a decision" → "decide", "carry out an
 * assessment" → "assess", "give consideration to" → "consider"). Flagged: "We will make a
 * decision in May." Not flagged: "We will decide in May.", "The decision is final."
 */
import type { Rule, RuleHit } from '../types.ts';
import { lower, spanHit } from './match.ts';

const EMPTY_VERB = /^(?:make|makes|made|making|carry|carries|carried|conduct|conducts|conducted|perform|performs|performed|give|gives|gave|given|undertake|undertakes|undertook|reach|reached|take|takes|took|taken|effect|effects|effected|provide|provides|provided)$/u;
const NOMINAL = /^\p{L}{3,}(?:tion|sion|ment|ance|ence|sal|ure)$/u;
const FILLER = new Set(['a', 'an', 'the', 'out', 'any', 'further', 'full', 'careful', 'final', 'new', 'an']);

export const enNominalisation: Rule = {
  id: 'en-nominalisation',
  langs: ['en'],
  check: (ctx) => {
    const hits: RuleHit[] = [];
    ctx.sentences.forEach((sentence, s) => {
      const ws = sentence.words.map(lower);
      ws.forEach((w, i) => {
        if (!EMPTY_VERB.test(w)) return;
        let k = i + 1;
        while (ws[k] && FILLER.has(ws[k]!) && k <= i + 3) k++;
        if (ws[k] && NOMINAL.test(ws[k]!)) hits.push(spanHit(ctx, s, i, k));
      });
    });
    return hits;
  },
};
