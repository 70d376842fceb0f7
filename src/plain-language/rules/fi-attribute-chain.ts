/**
 * Finnish attribute chains (määriteketjut): several participle attributes before the head word,
 * so that the main point comes last. The course's own test: many words ending in *-van, -neen* or
 * *-män* before the first verb. Flagged: "…ensi vuoden alusta voimaan tulevan kotihoidon
 * asiakasmaksuja koskevan päätöksen…", "liikuntapalvelujen viime vuonna laatiman … koskevan
 * suunnitelman". Not flagged: "päätös, joka koskee kotihoidon maksuja".
 */
import type { Rule, RuleHit } from '../types.ts';
import { lower, spanHit } from './match.ts';

const PARTICIPLE_ATTRIBUTE = /^\p{L}{3,}(?:(?:eva|evä|ava|ävä|iva|ivä|uva|yvä|ova|övä)n|(?:eve|ävi|evi|avi)en|neen|neiden|(?:[^aeiouyäö]|[aeiouyäö]{2})(?:ma|mä)n|ttavan|ttävän)$/u;
const NOT_ATTRIBUTE = new Set(['maailman', 'ihmisen', 'lamman', 'summan', 'kamman']);

export const fiAttributeChain: Rule = {
  id: 'fi-attribute-chain',
  langs: ['fi'],
  check: (ctx) => {
    const hits: RuleHit[] = [];
    ctx.sentences.forEach((sentence, s) => {
      const ws = sentence.words.map(lower);
      const at = ws.flatMap((w, i) => (PARTICIPLE_ATTRIBUTE.test(w) && !NOT_ATTRIBUTE.has(w) ? [i] : []));
      for (let k = 0; k + 1 < at.length; k++) {
        if (at[k + 1]! - at[k]! <= 6) {
          hits.push(spanHit(ctx, s, at[k]!, Math.min(ws.length - 1, at[k + 1]! + 1)));
          break;
        }
      }
    });
    return hits;
  },
};
