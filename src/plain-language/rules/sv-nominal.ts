/**
 * Swedish nominal style: a noun in *-ning, -het, -else, -tion* doing a verb's work beside an empty
 * verb (*göra, ske, vidta, genomföra, verkställa*). Flagged: "Utbetalningen sker i maj.",
 * "Vi gör en bedömning av ärendet." Not flagged: "Vi betalar ut pengarna i maj.",
 * "Vi bedömer ärendet."
 */
import type { Rule, RuleHit } from '../types.ts';
import { lower, spanHit } from './match.ts';

const NOMINAL = /^\p{L}{3,}(?:ning|ningen|ningar|ningarna|het|heten|else|elsen|tion|tionen|ering|eringen)$/u;
const EMPTY_VERB = new Set([
  'göra', 'gör', 'gjorde', 'gjort', 'görs', 'gjordes', 'ske', 'sker', 'skedde', 'skett', 'vidta', 'vidtar', 'vidtog', 'vidtagit', 'vidtas',
  'genomföra', 'genomför', 'genomförde', 'genomfört', 'genomförs', 'genomfördes', 'företa', 'företar', 'verkställa', 'verkställer', 'verkställs',
  'äger', 'ägde', 'erhålla', 'erhåller', 'utföra', 'utför', 'utförde', 'utförs',
]);

export const svNominal: Rule = {
  id: 'sv-nominal',
  langs: ['sv'],
  check: (ctx) => {
    const hits: RuleHit[] = [];
    ctx.sentences.forEach((sentence, s) => {
      const ws = sentence.words.map(lower);
      const verb = ws.findIndex((w) => EMPTY_VERB.has(w));
      if (verb < 0) return;
      const noun = ws.findIndex((w, i) => Math.abs(i - verb) <= 4 && NOMINAL.test(w));
      if (noun >= 0) hits.push(spanHit(ctx, s, Math.min(verb, noun), Math.max(verb, noun)));
    });
    return hits;
  },
};
