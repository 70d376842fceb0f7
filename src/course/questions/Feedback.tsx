/**
 * Feedback that teaches: the verdict, why each chosen option is right or wrong, and the explanation.
 * Before the answers are revealed (a first wrong try) it shows only what was chosen, and a hint.
 */
import type { Question } from '../../content/schema';
import { t } from '../../i18n';
import { isCorrect, type Response } from '../scoring';
import { hintFor, type Hint } from './feedback-rules';
import { sameType } from './registry';
import { viewOf } from './view-registry';

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
      <Details question={question} response={response} reveal={reveal} />
      {!reveal && (
        <p class="hint">
          <strong>{t('feedback.hint.title')}:</strong> {hintText(hintFor(question, response))}
        </p>
      )}
      {reveal && question.explanation && (
        <div class="explanation">
          <p class="feedback-heading">{t('feedback.explanation')}</p>
          <div dangerouslySetInnerHTML={{ __html: question.explanation }} />
        </div>
      )}
    </div>
  );
}

/** The type's own feedback: in full once revealed, else what a first wrong try may show. */
function Details({ question, response, reveal }: { question: Question; response: Response; reveal: boolean }) {
  const view = viewOf(question.type);
  const Shown = reveal ? view.Details : view.FirstTry;
  return Shown ? <Shown question={question} response={sameType(question, response)} /> : null;
}
