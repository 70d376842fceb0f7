/** Every question type's view, by type: each folder's `view.tsx` (see type-folders.ts). */
import type { Question, QuestionOf, QuestionTypeName, Response } from './registry.ts';
import type { QuestionTexts, QuestionTypeView } from './question-view.ts';
import { byType } from './type-folders.ts';

export type ViewsByType = { [T in QuestionTypeName]: QuestionTypeView<QuestionOf<T>, never> };

export const QUESTION_VIEWS = byType(import.meta.glob<Record<string, unknown>>('./types/*/view.tsx', { eager: true, import: 'views' }), 'views') as ViewsByType;

export function viewOf(type: QuestionTypeName): QuestionTypeView<Question, Response> {
  return QUESTION_VIEWS[type] as unknown as QuestionTypeView<Question, Response>;
}

/** The i18n keys of the words around a question of this type. */
export function textsOf(type: QuestionTypeName): QuestionTexts {
  return { hint: `question.hint.${type}`, submit: 'check.check', retry: 'check.retry', answerFirst: 'question.answerFirst', ...QUESTION_VIEWS[type].texts };
}
