/**
 * Finnish nominal style: a *-minen* noun doing a verb's work beside an empty verb.
 * Flagged: "Hakemuksen käsitteleminen tapahtuu kahden viikon kuluessa.", "Maksaminen suoritetaan
 * verkkopankissa." Not flagged: "Käsittelemme hakemuksen kahdessa viikossa.", "Oppiminen on hauskaa."
 * (Fixed pairs such as *suorittaa maksu* → *maksaa* are in the word list.)
 */
import type { Rule, RuleHit } from '../types.ts';
import { lower, spanHit } from './match.ts';

const MINEN = /\p{L}{3,}(?:minen|misen|mista|mistä|miseen|misesta|misestä|miselle|misella|misellä|misessa|misessä|miseksi)$/u;
const EMPTY_VERB = /^(?:tapahtu|suorit|toteut|toimeenpan|tehdä|tehdään|tehtiin|suoritet|toteutet|mahdollista)$|^(?:tapahtu|suorit|toteut|toimeenpan)/u;

export const fiNominal: Rule = {
  id: 'fi-nominal',
  langs: ['fi'],
  check: (ctx) => {
    const hits: RuleHit[] = [];
    ctx.sentences.forEach((sentence, s) => {
      const ws = sentence.words.map(lower);
      const nominals = ws.flatMap((w, i) => (MINEN.test(w) ? [i] : []));
      const empties = ws.flatMap((w, i) => (!MINEN.test(w) && EMPTY_VERB.test(w) ? [i] : []));
      const pair = nominals.flatMap((n) => empties.filter((e) => Math.abs(n - e) <= 4).map((e) => [n, e] as const))[0];
      if (pair) hits.push(spanHit(ctx, s, Math.min(...pair), Math.max(...pair)));
    });
    return hits;
  },
};
