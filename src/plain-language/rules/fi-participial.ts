/**
 * Finnish participial and infinitive constructions that replace a clause (lauseenvastikkeet):
 * referative (*ilmoitti muuttaneensa*), temporal (*saavuttuaan, saatuasi, käsiteltäessä*) and final
 * (*selvittääksemme*). Flagged: "Saatuasi päätöksen ilmoita muutoksista.", "Hän ilmoitti
 * muuttaneensa." Not flagged: "Kun olet saanut päätöksen, ilmoita muutoksista."
 */
import type { Rule } from '../types.ts';
import { eachWord, isName } from './match.ts';

const FORMS = [
  /\p{L}{3,}(?:neensa|neensä|neemme|neenne|neeni|neesi)$/u, // referative: muuttaneensa
  /\p{L}{2,}(?:t|d)(?:ua|yä)(?:an|än|si|mme|nne|ni)$/u, // temporal: saatuasi, saavuttuaan
  /\p{L}{3,}(?:t|d)(?:aessa|äessä)$/u, // temporal: käsiteltäessä, tehtäessä
  /\p{L}{2,}(?:u|y|i|ll|d|rr)(?:essa|essä)(?:an|än|ni|si|mme|nne)?$/u, // temporal: puuttuessa, tullessasi
  /\p{L}{2,}(?:aa|ää|ea|eä|ia|iä|oa|öä|ua|yä|da|dä|ta|tä)ks(?:emme|enne|eni|esi|een|ensa|ensä)$/u, // final: selvittääksemme
];

// Postpositions and nouns that look like the forms above.
const NOT_PARTICIPIAL = new Set(['mennessä', 'tiessä', 'yhdessä', 'edessä', 'kodissa']);

export const fiParticipial: Rule = {
  id: 'fi-participial',
  langs: ['fi'],
  check: (ctx) => eachWord(ctx, (w, s, i) => !isName(s, i) && !NOT_PARTICIPIAL.has(w) && FORMS.some((form) => form.test(w))),
};
