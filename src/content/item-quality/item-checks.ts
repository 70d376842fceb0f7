/**
 * Item-writing checks on one item at a time. Each returns messages that teach the author what a
 * test-wise learner would exploit and how to mend it.
 */
import type { ChoiceItem, SequenceItem } from './items.ts';
import { numbers, wholePhrase, words } from './text.ts';

/** "All/none of the above" in every content language, as whole phrases, any case. */
const ABOVE_PHRASES = [
  // Finnish
  String.raw`kaikki (edellä|yllä) (mainitut|mainittu|olevat|luetellut)`,
  String.raw`kaikki edelliset`,
  String.raw`ei mikään ((edellä|yllä) )?(mainituista|olevista|näistä|edellisistä)`,
  String.raw`ei mikään näistä`,
  String.raw`kaikki näistä`,
  String.raw`molemmat (edellä|yllä) (mainitut|olevat)`,
  // Swedish
  String.raw`(alla|allt) (ovan|ovanstående|ovannämnda)`,
  String.raw`(alla|allt) av ovanstående`,
  String.raw`(inget|ingen|inga) (av )?(ovanstående|de ovanstående|ovan nämnda)`,
  String.raw`(inget|ingen) av (dessa|alternativen ovan)`,
  String.raw`båda ovanstående`,
  // English
  String.raw`(all|none|both|neither) of the (above|previous|options above)`,
  String.raw`(all|none) of these`,
].map(wholePhrase);

export function aboveOptionProblems(item: ChoiceItem): string[] {
  const out: string[] = [];
  item.options.forEach((o, i) => {
    const phrase = ABOVE_PHRASES.map((re) => re.exec(o.text)?.[0]).find(Boolean);
    if (phrase) {
      out.push(
        `option ${i + 1} says "${phrase}": such options test reading of the other options, not the matter, and cannot stand alone when options are shuffled; write a real alternative instead`,
      );
    }
  });
  return out;
}

export function tooFewOptionsProblems(item: ChoiceItem, minOptions: number): string[] {
  if (item.type !== 'single' || item.options.length >= minOptions) return [];
  return [
    `a single-choice question with ${item.options.length} option${item.options.length === 1 ? '' : 's'} is guessed right ${Math.round(100 / Math.max(1, item.options.length))} % of the time; give it at least ${minOptions} plausible options (or make it a true/false statement)`,
  ];
}

/** Common words that say nothing about the answer (four letters or more; shorter ones are skipped). */
const STOPWORDS = new Set(
  (
    // fi
    'että joka jonka jotka mikä mitä mutta myös niin sekä sitä siitä tämä tämän nämä ovat olla ollut oli ole kuin kun vain vielä jos sen hänen heidän kanssa mukaan ennen jälkeen kaikki aina ' +
    // sv
    'inte eller till från med för vara detta också som det den har hade kan ska skulle efter före alla andra utan över under bara ' +
    // en
    'that with from this which have their they there been what when your also into than more will would should about after before only other these those them does doesn\'t'
  ).split(' '),
);

/** Long words compared by their beginning, so "selkokieli" meets "selkokieltä" (Finnish inflects). */
const stem = (word: string) => (word.length >= 7 ? word.slice(0, 6) : word);
const contentWords = (text: string) => words(text).filter((w) => w.length >= 5 && !STOPWORDS.has(w) && !/^\d/.test(w));

/**
 * Words of the keyed option that no other option uses and that the prompt also uses: the learner
 * can match the prompt's wording to the answer without knowing the matter ("clang" cue).
 * Reported when two or more such words echo the prompt, or one does in a short keyed option
 * (three content words or fewer): a single shared word in a long answer is usually innocent.
 */
export function promptEchoProblems(item: ChoiceItem): string[] {
  const keyed = item.options.filter((o) => o.keyed);
  if (keyed.length !== 1 || item.options.length < 2) return [];
  const others = new Set(item.options.filter((o) => !o.keyed).flatMap((o) => contentWords(o.text).map(stem)));
  const prompt = new Set(contentWords(item.prompt).map(stem));
  const own = contentWords(keyed[0]!.text);
  const echoed = [...new Set(own.filter((w) => !others.has(stem(w)) && prompt.has(stem(w))))];
  if (echoed.length === 0 || (echoed.length === 1 && new Set(own).size > 3)) return [];
  return [
    `the keyed option shares ${echoed.map((w) => `"${w}"`).join(', ')} with the prompt and no other option does, so the wording points to the answer; rephrase the prompt or the option, or use the word in the other options too`,
  ];
}

/** Ordering: numbers in the items that already run in the correct order. Matching: a number on both sides of a pair. */
export function revealingLabelProblems(item: SequenceItem): string[] {
  if (item.type === 'ordering') {
    const firsts = (item.entries as string[]).map((e) => numbers(e)[0]).filter((n): n is number => n !== undefined);
    if (firsts.length < 2) return [];
    const rising = firsts.every((n, i) => i === 0 || n > firsts[i - 1]!);
    const falling = firsts.every((n, i) => i === 0 || n < firsts[i - 1]!);
    if (!rising && !falling) return [];
    return [
      `${firsts.length} of ${item.entries.length} items carry numbers (${firsts.join(', ')}) that already run in the correct order, so the order can be read off the labels; take the numbers out of the items or ask for an order they do not give away`,
    ];
  }
  const pairs = item.entries as [string, string][];
  const giveaways = pairs.flatMap(([left, right], i) => {
    const shared = numbers(left).filter((n) => numbers(right).includes(n));
    return shared.length > 0 ? [`pair ${i + 1} (${shared.join(', ')})`] : [];
  });
  if (giveaways.length === 0) return [];
  return [
    `the same number appears on both sides of ${giveaways.join(' and ')}, so the match can be made from the labels alone; keep numbers on one side only, or match on something the learner must understand`,
  ];
}
