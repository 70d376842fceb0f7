import { t } from '../../../../i18n';
import { packageInfo } from '../../../../lms/package-info';
import type { QuestionTypeView } from '../../question-view';
import { Html } from '../../view-parts';
import type { ReflectionQuestion, ReflectionResponse } from './rules';
import type { ViewsByType } from '../../view-registry.ts';

/** Honest about where the learner's text goes: inside an LMS package it is reported to the LMS. */
export const whereTextGoes = () => t(packageInfo() ? 'question.sentToLms' : 'question.keptHere');

export const reflectionView: QuestionTypeView<ReflectionQuestion, ReflectionResponse> = {
  Input: ({ response, onChange, reviewing, idPrefix }) => {
    const id = `${idPrefix}-text`;
    return (
      <div class="reflection">
        <label for={id}>{t('question.yourThoughts')}</label>
        <textarea
          id={id}
          rows={5}
          aria-describedby={`${id}-note`}
          readOnly={reviewing}
          value={response?.text ?? ''}
          onInput={(e) => onChange({ type: 'reflection', text: (e.currentTarget as HTMLTextAreaElement).value })}
        />
        <p id={`${id}-note`} class="small">
          {whereTextGoes()}
        </p>
      </div>
    );
  },
  Details: ({ question }) => (
    <div class="option-feedback">
      <p class="feedback-heading">{t('feedback.guidance')}</p>
      <Html html={question.guidance} />
    </div>
  ),
  texts: { submit: 'check.save', retry: 'check.edit', answerFirst: 'question.writeFirst' },
};

/** Registers the type (see type-folders.ts): its view. */
export const views = { reflection: reflectionView } satisfies Partial<ViewsByType>;
