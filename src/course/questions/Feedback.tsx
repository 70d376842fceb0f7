/**
 * Feedback that teaches: the verdict, why each chosen option is right or wrong, and the explanation.
 * Before the answers are revealed (a first wrong try) it shows only what was chosen, and a hint.
 */
import type { Question } from '../../content/schema';
import { t } from '../../i18n';
import { Icon } from '../../app/Icon';
import { isCorrect, type Response } from '../scoring';
import { hintFor, withoutVerdict, type Hint } from './feedback-rules';

const Html = ({ html, class: cls }: { html: string; class?: string }) => <div class={cls} dangerouslySetInnerHTML={{ __html: html }} />;

function hintText(hint: Hint): string {
  switch (hint.kind) {
    case 'correct-count':
      return t('feedback.hint.correctCount', { count: hint.count });
    case 'options-left':
      return t('feedback.hint.optionsLeft', { count: hint.count });
    case 'in-place':
      return t('feedback.hint.inPlace', { right: hint.right, count: hint.total });
    case 'pairs-right':
      return t('feedback.hint.pairsRight', { right: hint.right, count: hint.total });
    case 'reread':
      return t('feedback.hint.reread');
  }
}

/** @param reveal false on a first wrong try: no correct answers and no explanation yet, a hint instead. */
export function Feedback({ question, response, reveal = true }: { question: Question; response: Response; reveal?: boolean }) {
  const correct = isCorrect(question, response);
  return (
    <div class="feedback">
      <p class={`verdict ${correct === true ? 'is-correct' : correct === false ? 'is-wrong' : ''}`}>
        {/* The verdict's mark is a text character (a dingbat every system font has, not an emoji): it is part of what is read. */}
        {correct === true ? `✓ ${t('feedback.correct')}` : correct === false ? `✗ ${t('feedback.wrong')}` : t('feedback.saved')}
      </p>
      {reveal ? <Details question={question} response={response} /> : <FirstTry question={question} response={response} />}
      {!reveal && (
        <p class="hint">
          <strong>{t('feedback.hint.title')}:</strong> {hintText(hintFor(question, response))}
        </p>
      )}
      {reveal && question.explanation && (
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
    case 'multiple':
      return <ChoiceFeedback question={question} response={response} revealCorrect />;
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
                <span class="tag">
                  <Icon name={order[i] === item.id ? 'check' : 'cross'} /> {order[i] === item.id ? t('feedback.rightPlace') : t('feedback.wrongPlace', { position: order.indexOf(item.id) + 1 })}
                </span>
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
                    <Icon name={ok ? 'check' : 'cross'} /> {ok ? t('feedback.matchRight') : t('feedback.matchWrong', { chosen: chosen === undefined ? '–' : question.rights[chosen] })}
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

/** A first wrong try: the feedback for what the learner chose, nothing about what they did not. */
function FirstTry({ question, response }: { question: Question; response: Response }) {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return <ChoiceFeedback question={question} response={response} revealCorrect={false} />;
    case 'matching': {
      const matches = response.type === 'matching' ? response.matches : {};
      return (
        <ul class="option-feedback">
          {question.pairs.map((pair) => {
            const ok = matches[pair.id] === pair.right;
            const chosen = matches[pair.id];
            return (
              <li key={pair.id} class={ok ? 'is-correct' : 'is-wrong'}>
                <p>
                  <strong dangerouslySetInnerHTML={{ __html: pair.left }} />
                  {' → '}
                  {chosen === undefined ? '–' : question.rights[chosen]}{' '}
                  <span class="tag">
                    <Icon name={ok ? 'check' : 'cross'} /> {ok ? t('feedback.matchRight') : t('feedback.matchNotYet')}
                  </span>
                </p>
              </li>
            );
          })}
        </ul>
      );
    }
    default:
      return null;
  }
}

/** The chosen options with their feedback; with `revealCorrect`, also the correct ones not chosen (in neutral words). */
function ChoiceFeedback({ question, response, revealCorrect }: { question: Extract<Question, { type: 'single' | 'multiple' }>; response: Response; revealCorrect: boolean }) {
  const chosen = new Set(response.type === 'single' ? [response.option] : response.type === 'multiple' ? response.options : []);
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
