/** Every rule of the checker. Adding a rule: write its module, then add it here. */
import type { Rule } from '../types.ts';
import { longSentence } from './long-sentence.ts';
import { longWord } from './long-word.ts';
import { wordList } from './word-list.ts';
import { abbreviation } from './abbreviation.ts';
import { fiPassive } from './fi-passive.ts';
import { fiNominal } from './fi-nominal.ts';
import { fiParticipial } from './fi-participial.ts';
import { fiGenitiveChain } from './fi-genitive-chain.ts';
import { fiObligation } from './fi-obligation.ts';
import { fiDoubleNegative } from './fi-double-negative.ts';
import { fiAttributeChain } from './fi-attribute-chain.ts';
import { fiEmbeddedClause } from './fi-embedded-clause.ts';
import { svSPassive } from './sv-s-passive.ts';
import { svNominal } from './sv-nominal.ts';
import { svNounPhrase } from './sv-noun-phrase.ts';
import { enPassive } from './en-passive.ts';
import { enNominalisation } from './en-nominalisation.ts';

export const RULES: readonly Rule[] = [
  longSentence,
  longWord,
  wordList,
  abbreviation,
  fiPassive,
  fiNominal,
  fiParticipial,
  fiGenitiveChain,
  fiObligation,
  fiDoubleNegative,
  fiAttributeChain,
  fiEmbeddedClause,
  svSPassive,
  svNominal,
  svNounPhrase,
  enPassive,
  enNominalisation,
];
