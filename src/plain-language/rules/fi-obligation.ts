/**
 * *tulee* + infinitive as an obligation ("Sinun tulee toimittaa liitteet"), plainer as a direct
 * request ("Lähetä liitteet") or *pitää*. Flagged: "Hakijan tulee ilmoittaa muutoksista."
 * Not flagged: "Laki tulee voimaan ensi vuonna.", "Tulee aina kysyä" is rare and missed on purpose.
 */
import type { Rule, RuleHit } from '../types.ts';
import { lower, spanHit } from './match.ts';

const TULLA = new Set(['tulee', 'tulevat', 'tulisi', 'tulisivat', 'tuli', 'tulivat']);
const INFINITIVE = /^\p{L}{2,}(?:aa|ää|ea|eä|ia|iä|oa|öä|ua|yä|da|dä|la|lä|na|nä|ra|rä|ta|tä)$/u;
const NOT_INFINITIVE = new Set(['aina', 'vasta', 'sitä', 'siitä', 'tätä', 'niitä', 'heti', 'usein', 'myös', 'jo', 'nyt', 'esiin', 'sinne', 'tänne', 'paljon', 'kalliiksi', 'olla', 'hyvä', 'selvä']);

export const fiObligation: Rule = {
  id: 'fi-obligation',
  langs: ['fi'],
  check: (ctx) => {
    const hits: RuleHit[] = [];
    ctx.sentences.forEach((sentence, s) => {
      const ws = sentence.words.map(lower);
      ws.forEach((w, i) => {
        const next = ws[i + 1];
        if (TULLA.has(w) && next && next.length >= 5 && INFINITIVE.test(next) && !NOT_INFINITIVE.has(next)) hits.push(spanHit(ctx, s, i, i + 1));
      });
    });
    return hits;
  },
};
