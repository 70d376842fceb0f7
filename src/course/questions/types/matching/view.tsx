import { t } from '../../../../i18n';
import { Icon } from '../../../../app/Icon';
import type { FeedbackProps, QuestionTypeView } from '../../question-view';
import { Html } from '../../view-parts';
import type { MatchingQuestion, MatchingResponse } from './rules';
import type { ViewsByType } from '../../view-registry.ts';

/** Each pair with the right side the learner chose; with `reveal`, the correct right side and the pair's feedback. */
function PairsFeedback({ question, response, reveal }: FeedbackProps<MatchingQuestion, MatchingResponse> & { reveal: boolean }) {
  const matches = response?.matches ?? {};
  return (
    <ul class="option-feedback">
      {question.pairs.map((pair) => {
        const chosen = matches[pair.id];
        const ok = chosen === pair.right;
        const shown = reveal ? pair.right : chosen;
        return (
          <li key={pair.id} class={ok ? 'is-correct' : 'is-wrong'}>
            <p>
              <strong dangerouslySetInnerHTML={{ __html: pair.left }} />
              {' → '}
              {shown === undefined ? '–' : question.rights[shown]}{' '}
              <span class="tag">
                <Icon name={ok ? 'check' : 'cross'} />{' '}
                {ok ? t('feedback.matchRight') : reveal ? t('feedback.matchWrong', { chosen: chosen === undefined ? '–' : question.rights[chosen] }) : t('feedback.matchNotYet')}
              </span>
            </p>
            {reveal && pair.feedback && <Html html={pair.feedback} />}
          </li>
        );
      })}
    </ul>
  );
}

export const matchingView: QuestionTypeView<MatchingQuestion, MatchingResponse> = {
  Input: ({ question, response, onChange, reviewing, idPrefix }) => {
    const matches = response?.matches ?? {};
    return (
      <ul class="matching">
        {question.pairs.map((pair) => {
          const id = `${idPrefix}-${pair.id}`;
          return (
            <li key={pair.id}>
              <label for={id} dangerouslySetInnerHTML={{ __html: pair.left }} />
              <select
                id={id}
                disabled={reviewing}
                value={matches[pair.id] === undefined ? '' : String(matches[pair.id])}
                onChange={(e) => {
                  const value = (e.currentTarget as HTMLSelectElement).value;
                  const next = { ...matches };
                  if (value === '') delete next[pair.id];
                  else next[pair.id] = Number(value);
                  onChange({ type: 'matching', matches: next });
                }}
              >
                <option value="">{t('question.choose')}</option>
                {question.rights.map((right, i) => (
                  <option key={i} value={String(i)}>
                    {right}
                  </option>
                ))}
              </select>
              {/* A phone's select shows only the start of a long target: the whole choice is shown below it. */}
              {matches[pair.id] !== undefined && (
                <p class="matching-chosen" aria-hidden="true">
                  {question.rights[matches[pair.id]!]}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    );
  },
  Details: (props) => <PairsFeedback {...props} reveal />,
  FirstTry: (props) => <PairsFeedback {...props} reveal={false} />,
};

/** Registers the type (see type-folders.ts): its view. */
export const views = { matching: matchingView } satisfies Partial<ViewsByType>;
