/**
 * Chains of three or more genitives before the head word (*hyvinvointialueen kotihoidon
 * asiakasmaksujen …*). Illatives (*kuntaan, palveluun*) and common words ending in -n (*ennen,
 * kuin*) do not count. Flagged: "kaupungin liikuntapalvelujen suunnitelman mukaan";
 * not flagged: "kaupungin suunnitelma".
 */
import type { Rule, RuleHit } from '../types.ts';
import { lower, spanHit } from './match.ts';

const GENITIVE = /\p{L}{3,}[aeiouyäö]n$/u;
// Illatives (kuntaan), instructives (toimenpitein) and -nen nominatives (osaaminen) also end in -n.
const NOT_GENITIVE_ENDING = /(?:aan|ään|iin|oon|uun|yyn|öön|hin|seen|[^aeiouyäö]in|nen)$/u;
const NOT_GENITIVE = new Set(['ennen', 'jälkeen', 'kuin', 'niin', 'hänen', 'heidän', 'meidän', 'teidän', 'minun', 'sinun', 'jonka', 'joiden', 'vuoksi', 'takia', 'mukaan', 'kanssa', 'aikana', 'välillä', 'olen', 'voin', 'pitkin', 'sen', 'tämän', 'tuon', 'sisään', 'alkuun']);

export const fiGenitiveChain: Rule = {
  id: 'fi-genitive-chain',
  langs: ['fi'],
  check: (ctx) => {
    const hits: RuleHit[] = [];
    ctx.sentences.forEach((sentence, s) => {
      const ws = sentence.words.map(lower);
      let runStart = -1;
      const close = (end: number) => {
        if (runStart >= 0 && end - runStart >= 3) hits.push(spanHit(ctx, s, runStart, end - 1));
        runStart = -1;
      };
      ws.forEach((w, i) => {
        const genitive = w.length >= 5 && GENITIVE.test(w) && !NOT_GENITIVE_ENDING.test(w) && !NOT_GENITIVE.has(w);
        if (genitive) {
          if (runStart < 0) runStart = i;
        } else close(i);
      });
      close(ws.length);
    });
    return hits;
  },
};
