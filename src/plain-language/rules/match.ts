/** Small helpers the rules share: walking words and matching word patterns. */
import type { RuleContext, RuleHit, Sentence, Span } from '../types.ts';

export const lower = (w: Span) => w.text.toLocaleLowerCase();

/** A word written with a capital in mid-sentence is a name (Kanadaan, Sveriges): rules skip it. */
export function isName(sentence: Sentence, index: number): boolean {
  return index > 0 && /^\p{Lu}/u.test(sentence.words[index]!.text);
}

/** One hit per word for which `test` holds. */
export function eachWord(ctx: RuleContext, test: (word: string, sentence: Sentence, index: number) => boolean): RuleHit[] {
  const hits: RuleHit[] = [];
  ctx.sentences.forEach((sentence, s) => {
    sentence.words.forEach((w, i) => {
      if (test(lower(w), sentence, i)) hits.push({ start: w.start, end: w.end, text: w.text, sentence: s });
    });
  });
  return hits;
}

/** A hit covering words `from`..`to` of a sentence. */
export function spanHit(ctx: RuleContext, s: number, from: number, to: number, plain?: string): RuleHit {
  const sentence = ctx.sentences[s]!;
  const start = sentence.words[from]!.start;
  const end = sentence.words[to]!.end;
  return { start, end, text: ctx.text.slice(start, end), sentence: s, ...(plain ? { plain } : {}) };
}

/** `term` word patterns: "suorit*" matches any word beginning "suorit"; others match exactly. */
export function wordMatches(pattern: string, word: string): boolean {
  const p = pattern.toLocaleLowerCase();
  return p.endsWith('*') ? word.startsWith(p.slice(0, -1)) && word.length >= p.length - 1 : word === p;
}
