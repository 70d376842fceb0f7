/**
 * Double negatives: a negation verb with a negative word close after it ("ei ole mahdotonta",
 * "ei ole epätavallista"). Plainer said positively ("on mahdollista"). Flagged: "Ei ole
 * mahdotonta, että päätös muuttuu." Not flagged: "Päätös voi muuttua.", "Et voi hakea tukea."
 */
import type { Rule, RuleHit } from '../types.ts';
import { lower, spanHit } from './match.ts';

const NEGATION = new Set(['ei', 'en', 'et', 'emme', 'ette', 'eivät']);
const NEGATIVE_WORD = /^(?:epä\p{L}{3,}|\p{L}{3,}(?:ton|tön|tonta|töntä|ttoman|ttömän|tonna|tönnä|toin|töin)|kiellett\p{L}*|mahdoton\p{L}*)$/u;

export const fiDoubleNegative: Rule = {
  id: 'fi-double-negative',
  langs: ['fi'],
  check: (ctx) => {
    const hits: RuleHit[] = [];
    ctx.sentences.forEach((sentence, s) => {
      const ws = sentence.words.map(lower);
      ws.forEach((w, i) => {
        if (!NEGATION.has(w)) return;
        for (let k = i + 1; k <= i + 3 && k < ws.length; k++) {
          if (NEGATIVE_WORD.test(ws[k]!)) {
            hits.push(spanHit(ctx, s, i, k));
            return;
          }
        }
      });
    });
    return hits;
  },
};
