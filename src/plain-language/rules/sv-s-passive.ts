/**
 * Swedish s-passive, which hides who acts (*beslutas, behandlades, har skickats*).
 * Flagged: "Ansökan behandlas inom två veckor.", "Beslutet fattades i maj." Not flagged: "Vi
 * behandlar din ansökan inom två veckor.", deponent verbs ("finns", "hoppas", "lyckas"), names
 * ("Sveriges") and genitives ("landets").
 */
import type { Rule } from '../types.ts';
import { eachWord } from './match.ts';

// Present and infinitive (behandlas, läses), past (beslutades, köptes), supine (skickats, skrivits).
const PASSIVE = /^\p{L}{3,}(?:as|es|ades|des|tes|ats|its)$/u;
const DEPONENTS = new Set([
  'finns', 'fanns', 'funnits', 'hoppas', 'hoppades', 'lyckas', 'lyckades', 'lyckats', 'andas', 'minns', 'mindes', 'trivs', 'trivdes',
  'låtsas', 'känns', 'kändes', 'syns', 'syntes', 'behövs', 'behövdes', 'träffas', 'träffades', 'möts', 'möttes', 'umgås', 'slåss', 'åldras',
  'kräks', 'svettas', 'kallas', 'varandras', 'vardags', 'ideas',
]);
// Nouns ending in -ats, alone or as the end of a compound (webbplats, arbetsplats, forskningsresultats).
const S_NOUNS = /(?:plats|ansats|apparats|resultats)$/u;

// Common short passives the ending rule leaves out to avoid false alarms (kurs, vers).
const SHORT_PASSIVES = new Set(['görs', 'gjordes', 'ges', 'gavs', 'tas', 'togs', 'ses', 'sågs', 'fås', 'skrivs', 'skrevs', 'beskrivs', 'hålls', 'hölls', 'sänds', 'nås', 'dras', 'läggs', 'lades', 'sätts', 'sattes', 'ställs', 'ställdes']);

export const svSPassive: Rule = {
  id: 'sv-s-passive',
  langs: ['sv'],
  check: (ctx) =>
    eachWord(ctx, (w, s, i) => !/^\p{Lu}/u.test(s.words[i]!.text) && !DEPONENTS.has(w) && !S_NOUNS.test(w) && (SHORT_PASSIVES.has(w) || (w.length >= 6 && PASSIVE.test(w)))),
};
