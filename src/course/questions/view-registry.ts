/** Every question type's view, by type. */
import type { Question, QuestionTypeName, Response } from './registry.ts';
import type { QuestionTexts, QuestionTypeView } from './question-view.ts';
import { choiceView } from './types/choice/view';
import { truefalseView } from './types/truefalse/view';
import { orderingView } from './types/ordering/view';
import { matchingView } from './types/matching/view';
import { reflectionView } from './types/reflection/view';
import { rewriteView } from './types/rewrite/view';

const VIEWS = {
  single: choiceView,
  multiple: choiceView,
  truefalse: truefalseView,
  ordering: orderingView,
  matching: matchingView,
  reflection: reflectionView,
  rewrite: rewriteView,
} as const satisfies { [T in QuestionTypeName]: QuestionTypeView<Extract<Question, { type: T }>, never> };

export function viewOf(type: QuestionTypeName): QuestionTypeView<Question, Response> {
  return VIEWS[type] as unknown as QuestionTypeView<Question, Response>;
}

/** The i18n keys of the words around a question of this type. */
export function textsOf(type: QuestionTypeName): QuestionTexts {
  return { hint: `question.hint.${type}`, submit: 'check.check', retry: 'check.retry', answerFirst: 'question.answerFirst', ...VIEWS[type].texts };
}
