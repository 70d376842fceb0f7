/**
 * Long Swedish noun phrases: a chain of prepositional phrases hanging on nominal heads
 * ("kostnaderna för genomförandet av utredningen om ändringen av reglerna"). Flagged when three
 * such prepositions follow each other within ten words and two of the words are nominals.
 * Not flagged: "Vi ändrar reglerna för bidrag i år."
 */
import type { Rule, RuleHit } from '../types.ts';
import { lower, spanHit } from './match.ts';

const PREPOSITIONS = new Set(['av', 'för', 'om', 'till', 'vid', 'från', 'inom', 'gällande', 'avseende', 'beträffande', 'rörande']);
const NOMINAL = /^\p{L}{3,}(?:ning|ningen|ningar|het|heten|else|elsen|tion|tionen|ande|andet|ende|endet|ering|eringen)$/u;

export const svNounPhrase: Rule = {
  id: 'sv-noun-phrase',
  langs: ['sv'],
  check: (ctx) => {
    const hits: RuleHit[] = [];
    ctx.sentences.forEach((sentence, s) => {
      const ws = sentence.words.map(lower);
      const preps = ws.flatMap((w, i) => (PREPOSITIONS.has(w) ? [i] : []));
      for (let k = 0; k + 2 < preps.length; k++) {
        const from = Math.max(0, preps[k]! - 1);
        const to = Math.min(ws.length - 1, preps[k + 2]! + 1);
        if (to - from > 10) continue;
        const nominals = ws.slice(from, to + 1).filter((w) => NOMINAL.test(w)).length;
        if (nominals >= 2) {
          hits.push(spanHit(ctx, s, from, to));
          break;
        }
      }
    });
    return hits;
  },
};
