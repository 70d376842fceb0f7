/** Feedback that teaches: the verdict, why each chosen option is right or wrong, the explanation. */
import type { Question } from '../../content/schema';
import { t } from '../../i18n';
import { isCorrect, type Response } from '../scoring';

const Html = ({ html, class: cls }: { html: string; class?: string }) => <div class={cls} dangerouslySetInnerHTML={{ __html: html }} />;

export function Feedback({ question, response }: { question: Question; response: Response }) {
  const correct = isCorrect(question, response);
  return (
    <div class="feedback">
      <p class={`verdict ${correct === true ? 'is-correct' : correct === false ? 'is-wrong' : ''}`}>
        {correct === true ? `✓ ${t('feedback.correct')}` : correct === false ? `✗ ${t('feedback.wrong')}` : t('feedback.saved')}
      </p>
      <Details question={question} response={response} />
      {question.explanation && (
        <div class="explanation">
          <p class="feedback-heading">{t('feedback.explanation')}</p>
          <Html html={question.explanation} />
        </div>
      )}
    </div>
  );
}

function Details({ question, response }: { question: Question; response: Response }) {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const chosen = new Set(response.type === 'single' ? [response.option] : response.type === 'multiple' ? response.options : []);
      return (
        <ul class="option-feedback">
          {question.options
            .filter((o) => chosen.has(o.id) || o.correct)
            .map((o) => (
              <li key={o.id} class={o.correct ? 'is-correct' : 'is-wrong'}>
                <p>
                  <strong dangerouslySetInnerHTML={{ __html: o.html }} />{' '}
                  <span class="tag">
                    {chosen.has(o.id) ? t('feedback.youChose') : t('feedback.notChosen')}
                    {' · '}
                    {o.correct ? t('feedback.rightOption') : t('feedback.wrongOption')}
                  </span>
                </p>
                <Html html={o.feedback} />
              </li>
            ))}
        </ul>
      );
    }
    case 'truefalse': {
      const value = response.type === 'truefalse' ? response.value : null;
      return (
        <div class="option-feedback">
          <p>
            {t('feedback.statementIs', { value: t(question.answer ? 'question.true' : 'question.false') })}
          </p>
          {value !== null && <Html html={value ? question.feedbackTrue : question.feedbackFalse} />}
        </div>
      );
    }
    case 'ordering': {
      const order = response.type === 'ordering' ? response.order : [];
      return (
        <div class="option-feedback">
          <p class="feedback-heading">{t('feedback.correctOrder')}</p>
          <ol>
            {question.items.map((item, i) => (
              <li key={item.id}>
                <span dangerouslySetInnerHTML={{ __html: item.html }} />{' '}
                <span class="tag">{order[i] === item.id ? `✓ ${t('feedback.rightPlace')}` : `✗ ${t('feedback.wrongPlace', { position: order.indexOf(item.id) + 1 })}`}</span>
                {item.feedback && <Html html={item.feedback} />}
              </li>
            ))}
          </ol>
        </div>
      );
    }
    case 'matching': {
      const matches = response.type === 'matching' ? response.matches : {};
      return (
        <ul class="option-feedback">
          {question.pairs.map((pair) => {
            const chosen = matches[pair.id];
            const ok = chosen === pair.right;
            return (
              <li key={pair.id} class={ok ? 'is-correct' : 'is-wrong'}>
                <p>
                  <strong dangerouslySetInnerHTML={{ __html: pair.left }} />
                  {' → '}
                  {question.rights[pair.right]}{' '}
                  <span class="tag">
                    {ok ? `✓ ${t('feedback.matchRight')}` : `✗ ${t('feedback.matchWrong', { chosen: chosen === undefined ? '–' : question.rights[chosen] })}`}
                  </span>
                </p>
                {pair.feedback && <Html html={pair.feedback} />}
              </li>
            );
          })}
        </ul>
      );
    }
    case 'reflection':
      return (
        <div class="option-feedback">
          <p class="feedback-heading">{t('feedback.guidance')}</p>
          <Html html={question.guidance} />
        </div>
      );
  }
}
