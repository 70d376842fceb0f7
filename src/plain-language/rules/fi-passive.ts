/**
 * Finnish passive, which hides who acts (fi: *kannustetaan, kehotetaan, on päätetty*).
 * Flagged: "Asiakkaita kehotetaan hakemaan tukea.", "Hakemukset käsiteltiin nopeasti.",
 * "Asiasta on päätetty.", "Muutoksista on ilmoitettava." Not flagged: "Kanadaan" (a name), "kuntiin" (a plural illative),
 * "Kaupunki korjaa kentän."
 */
import type { Rule, RuleHit } from '../types.ts';
import { eachWord, isName, lower, spanHit } from './match.ts';

const PRESENT = /\p{L}{3,}(?:(?:t|d)(?:aan|ään)|ell(?:aan|ään))$/u; // kehotetaan, tehdään, käsitellään
const PAST = /\p{L}{2,}(?:tt|ht|lt)iin$/u; // päätettiin, tehtiin, käsiteltiin
const PARTICIPLE = /\p{L}{2,}(?:ttu|tty|tu|ty|ttava|ttävä|tava|tävä)$/u; // päätetty, kuultu, tehty; on ilmoitettava
const AUXILIARY = new Set(['on', 'oli', 'ovat', 'olivat', 'ole', 'olisi', 'ollut']);
// Words with a passive's ending that are not verbs: pronouns and adverbs (viimeistään, enintään, kerrallaan).
const NOT_PASSIVE = new Set([
  'tuttu', 'vasta', 'kuitenkaan', 'ainakaan', 'koskaan', 'yhtään', 'mitään', 'ketään', 'missään', 'mistään', 'kenenkään',
  'itsellään', 'itsellaan', 'kädellään', 'tavallaan', 'vuorollaan', 'paikallaan', 'viimeistään', 'vähintään', 'enintään',
  'korkeintaan', 'ylipäätään', 'itsestään', 'kerrallaan', 'parhaillaan', 'omillaan',
]);

export const fiPassive: Rule = {
  id: 'fi-passive',
  langs: ['fi'],
  check: (ctx) => {
    const finite = eachWord(ctx, (w, s, i) => !isName(s, i) && !NOT_PASSIVE.has(w) && (PRESENT.test(w) || PAST.test(w)));
    const perfect: RuleHit[] = [];
    ctx.sentences.forEach((sentence, s) => {
      const ws = sentence.words.map(lower);
      ws.forEach((w, i) => {
        const next = ws[i + 1];
        if (AUXILIARY.has(w) && next && !NOT_PASSIVE.has(next) && PARTICIPLE.test(next) && !isName(sentence, i + 1)) perfect.push(spanHit(ctx, s, i, i + 1));
      });
    });
    return [...finite, ...perfect].sort((a, b) => a.start - b.start);
  },
};
