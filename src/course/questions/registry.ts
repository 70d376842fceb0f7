/**
 * Every question type's rules, by type. Adding a type: write its folder under types/, then add
 * one line here, one in content-registry.ts, response-registry.ts and view-registry.ts.
 */
import type { QuestionRules } from './question-type.ts';
import { multiple, single, type MultipleQuestion, type MultipleResponse, type SingleQuestion, type SingleResponse } from './types/choice/rules.ts';
import { truefalse, type TrueFalseQuestion, type TrueFalseResponse } from './types/truefalse/rules.ts';
import { ordering, type OrderingQuestion, type OrderingResponse } from './types/ordering/rules.ts';
import { matching, type MatchingQuestion, type MatchingResponse } from './types/matching/rules.ts';
import { reflection, type ReflectionQuestion, type ReflectionResponse } from './types/reflection/rules.ts';
import { rewrite, type RewriteQuestion, type RewriteResponse } from './types/rewrite/rules.ts';

/** A compiled question, as the app receives it. */
export type Question = SingleQuestion | MultipleQuestion | TrueFalseQuestion | OrderingQuestion | MatchingQuestion | ReflectionQuestion | RewriteQuestion;
/** A learner's response, by question type. */
export type Response = SingleResponse | MultipleResponse | TrueFalseResponse | OrderingResponse | MatchingResponse | ReflectionResponse | RewriteResponse;
export type QuestionTypeName = Question['type'];

export const QUESTION_RULES = { single, multiple, truefalse, ordering, matching, reflection, rewrite } as const satisfies {
  [T in QuestionTypeName]: QuestionRules<Extract<Question, { type: T }>, Extract<Response, { type: T }>>;
};

/** The rules of a question's type, for any question and a response of the same type. */
export function rulesOf(type: QuestionTypeName): QuestionRules<Question, Response> {
  return QUESTION_RULES[type] as unknown as QuestionRules<Question, Response>;
}

/** The response when it is of the question's type, else undefined. */
export function sameType(question: Question, response: Response | undefined): Response | undefined {
  return response && response.type === question.type ? response : undefined;
}
