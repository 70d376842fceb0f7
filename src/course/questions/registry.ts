/**
 * Every question type's rules, by type. A type is registered by its folder under types/ (see
 * type-folders.ts): its `rules.ts` exports `rules` and adds its question and response to
 * `QuestionTypeMap` below.
 */
import type { QuestionRules } from './question-type.ts';
import { byType } from './type-folders.ts';

/** Each type's question and response; every `types/<folder>/rules.ts` adds its own (`declare module`). */
export interface QuestionTypeMap {}

export type QuestionTypeName = keyof QuestionTypeMap & string;
type Entry<T extends QuestionTypeName> = QuestionTypeMap[T] extends { question: infer Q extends { type: T }; response: infer R extends { type: T } } ? { question: Q; response: R } : never;
/** A compiled question of this type, as the app receives it. */
export type QuestionOf<T extends QuestionTypeName> = Entry<T>['question'];
/** A learner's response to a question of this type. */
export type ResponseOf<T extends QuestionTypeName> = Entry<T>['response'];
/** A compiled question, as the app receives it. */
export type Question = { [T in QuestionTypeName]: QuestionOf<T> }[QuestionTypeName];
/** A learner's response, by question type. */
export type Response = { [T in QuestionTypeName]: ResponseOf<T> }[QuestionTypeName];

export type RulesByType = { [T in QuestionTypeName]: QuestionRules<QuestionOf<T>, ResponseOf<T>> };

export const QUESTION_RULES = byType(import.meta.glob<Record<string, unknown>>('./types/*/rules.ts', { eager: true, import: 'rules' }), 'rules') as RulesByType;

/** The rules of a question's type, for any question and a response of the same type. */
export function rulesOf(type: QuestionTypeName): QuestionRules<Question, Response> {
  return QUESTION_RULES[type] as unknown as QuestionRules<Question, Response>;
}

/** The response when it is of the question's type, else undefined. */
export function sameType(question: Question, response: Response | undefined): Response | undefined {
  return response && response.type === question.type ? response : undefined;
}
