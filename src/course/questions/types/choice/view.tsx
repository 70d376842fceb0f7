import { t } from '../../../../i18n';
import { Icon } from '../../../../app/Icon';
import { noBreakCompoundsHtml } from '../../../typography';
import type { FeedbackProps, InputProps, QuestionTypeView } from '../../question-view';
import { withoutVerdict } from '../../feedback-rules';
import { ChosenMark, Html } from '../../view-parts';
import type { ChoiceQuestion, MultipleResponse, SingleResponse } from './rules';
import type { ViewsByType } from '../../view-registry.ts';

type Props = InputProps<ChoiceQuestion, SingleResponse | MultipleResponse>;
type Feedback = FeedbackProps<ChoiceQuestion, SingleResponse | MultipleResponse>;

const chosenOf = (response: SingleResponse | MultipleResponse | undefined) =>
  new Set(response?.type === 'single' ? [response.option] : response?.type === 'multiple' ? response.options : []);

function ChoiceInput({ question, response, onChange, reviewing, idPrefix }: Props) {
  const chosen = chosenOf(response);
  return (
    <ul class="options">
      {question.options.map((option) => {
        const id = `${idPrefix}-${option.id}`;
        const toggle = () => {
          if (question.type === 'single') onChange({ type: 'single', option: option.id });
          else {
            const next = new Set(chosen);
            if (next.has(option.id)) next.delete(option.id);
            else next.add(option.id);
            onChange({ type: 'multiple', options: question.options.map((o) => o.id).filter((o) => next.has(o)) });
          }
        };
        return (
          <li key={option.id}>
            <input type={question.type === 'single' ? 'radio' : 'checkbox'} id={id} name={idPrefix} checked={chosen.has(option.id)} disabled={reviewing} onChange={toggle} />
            <label for={id} class={reviewing && chosen.has(option.id) ? `is-chosen ${option.correct ? 'is-correct' : 'is-wrong'}` : undefined}>
              <span dangerouslySetInnerHTML={{ __html: noBreakCompoundsHtml(option.html) }} />
              {reviewing && chosen.has(option.id) && <ChosenMark correct={option.correct} />}
            </label>
          </li>
        );
      })}
    </ul>
  );
}

/** The chosen options with their feedback; with `revealCorrect`, also the correct ones not chosen (in neutral words). */
function ChoiceFeedback({ question, response, revealCorrect }: Feedback & { revealCorrect: boolean }) {
  const chosen = chosenOf(response);
  return (
    <ul class="option-feedback">
      {question.options
        .filter((o) => chosen.has(o.id) || (revealCorrect && o.correct))
        .map((o) => (
          <li key={o.id} class={o.correct ? 'is-correct' : 'is-wrong'}>
            <p>
              <strong dangerouslySetInnerHTML={{ __html: o.html }} />{' '}
              <span class="tag">
                {chosen.has(o.id) ? (
                  <>
                    <Icon name={o.correct ? 'check' : 'cross'} /> {t('feedback.youChose')} · {o.correct ? t('feedback.rightOption') : t('feedback.wrongOption')}
                  </>
                ) : (
                  t('feedback.notChosenRight')
                )}
              </span>
            </p>
            <Html html={chosen.has(o.id) ? o.feedback : withoutVerdict(o.feedback)} />
          </li>
        ))}
    </ul>
  );
}

export const choiceView: QuestionTypeView<ChoiceQuestion, SingleResponse | MultipleResponse> = {
  Input: ChoiceInput,
  Details: (props) => <ChoiceFeedback {...props} revealCorrect />,
  FirstTry: (props) => <ChoiceFeedback {...props} revealCorrect={false} />,
};

/** Registers the type (see type-folders.ts): its view. */
export const views = { single: choiceView, multiple: choiceView } satisfies Partial<ViewsByType>;
