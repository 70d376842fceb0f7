import { t } from '../../../../i18n';
import type { QuestionTypeView } from '../../question-view';
import { ChosenMark, Html } from '../../view-parts';
import type { TrueFalseQuestion, TrueFalseResponse } from './rules';
import type { ViewsByType } from '../../view-registry.ts';

export const truefalseView: QuestionTypeView<TrueFalseQuestion, TrueFalseResponse> = {
  Input: ({ question, response, onChange, reviewing, idPrefix }) => {
    const value = response?.value;
    return (
      <ul class="options">
        {[true, false].map((v) => (
          <li key={String(v)}>
            <input type="radio" id={`${idPrefix}-${v}`} name={idPrefix} checked={value === v} disabled={reviewing} onChange={() => onChange({ type: 'truefalse', value: v })} />
            <label for={`${idPrefix}-${v}`} class={reviewing && value === v ? `is-chosen ${v === question.answer ? 'is-correct' : 'is-wrong'}` : undefined}>
              {t(v ? 'question.true' : 'question.false')}
              {reviewing && value === v && <ChosenMark correct={v === question.answer} />}
            </label>
          </li>
        ))}
      </ul>
    );
  },
  Details: ({ question, response }) => (
    <div class="option-feedback">
      <p>{t('feedback.statementIs', { value: t(question.answer ? 'question.true' : 'question.false') })}</p>
      {response && <Html html={response.value ? question.feedbackTrue : question.feedbackFalse} />}
    </div>
  ),
};

/** Registers the type (see type-folders.ts): its view. */
export const views = { truefalse: truefalseView } satisfies Partial<ViewsByType>;
