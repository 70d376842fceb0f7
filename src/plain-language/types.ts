/** The plain-language checker's vocabulary: texts, hints, rules and their settings. */
export type TextLang = 'fi' | 'sv' | 'en';

/** A piece of the checked text, by character offsets into it. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Sentence extends Span {
  words: Span[];
}

/** One place in the text that a rule suggests writing more plainly. */
export interface Hint {
  rule: string;
  start: number;
  end: number;
  text: string;
  /** A plainer alternative, when the rule knows one (from the word list). */
  plain?: string;
  /** Index of the sentence the hint is in. */
  sentence: number;
}

export interface WordListEntry {
  /** Words to look for; a word ending in `*` matches any ending (Finnish and Swedish inflect). */
  term: string;
  plain: string;
}

/** Settings for one language or register, authored in content/plain-language/. */
export interface CheckerSettings {
  longSentenceWords: number;
  /** 0 turns the long-word rule off (English). */
  longWordLetters: number;
  wordList: WordListEntry[];
  /** Abbreviations every reader knows (EU); others need an explanation at first use. */
  knownAbbreviations: string[];
}

export interface RuleContext {
  lang: TextLang;
  text: string;
  sentences: Sentence[];
  settings: CheckerSettings;
}

export type RuleHit = Omit<Hint, 'rule' | 'sentence'> & { sentence?: number };

/**
 * A rule: one kind of hard-to-read construction. Rules prefer missing a case to a false alarm:
 * there is no morphology engine, only word forms and small word lists.
 */
export interface Rule {
  id: string;
  langs: readonly TextLang[];
  check(ctx: RuleContext): RuleHit[];
}
