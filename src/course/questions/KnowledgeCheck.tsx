/** A knowledge check inside a page: answer, check, read the feedback, try again if you like. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Question } from '../../content/schema';
import { t } from '../../i18n';
import { announce } from '../../app/announce';
import type { Answer } from '../../storage/db';
import { isAnswered, isCorrect, type Response } from '../scoring';
import { defaultResponse, QuestionView } from './QuestionView';
import { revealsAnswer } from './feedback-rules';
import { rulesOf } from './registry';
import { textsOf } from './view-registry';
import { clearDraft, readDraft, writeDraft } from './drafts';

interface Props {
  question: Question;
  stored: Answer | undefined;
  onCheck: (response: Response) => Promise<unknown>;
  /** Checks made so far (stored), so a reload keeps the answers hidden after one wrong try. */
  tries: number;
  index: number;
  count: number;
  /** Where this question's unchecked answer is kept over a reload (the course id). */
  draftScope: string;
}

export function KnowledgeCheck({ question, stored, onCheck, tries, index, count, draftScope }: Props) {
  const [draft, setDraft] = useState<Response | undefined>(() => stored?.response ?? readDraft(draftScope, question));
  const [retrying, setRetrying] = useState(false);
  const [error, setError] = useState<string | undefined>();
  // Another tab may answer the same question while this one is open (the stored answer is live).
  // `basis` is the stored answer this view last started from, `sent` what this tab itself saved.
  const [basis, setBasis] = useState(stored?.id);
  const sent = useRef<string | undefined>(undefined);
  const ownOrBasis = !stored || stored.id === basis || JSON.stringify(stored.response) === sent.current;
  const editing = retrying || (basis === undefined && sent.current === undefined && draft !== undefined);
  // Progress loads after the page shows: a first answer arriving while the learner does nothing is the basis.
  const adopt = !ownOrBasis && basis === undefined && sent.current === undefined && !editing;
  useEffect(() => {
    if (adopt) setBasis(stored?.id);
  }, [adopt, stored?.id]);
  const changedElsewhere = !ownOrBasis && !adopt;
  const reviewing = Boolean(stored) && !retrying && !(changedElsewhere && editing);
  const [requested, setRequested] = useState(false);
  const reveal = stored ? revealsAnswer(question, stored.response, tries, requested) : false;
  const prefix = `check-${question.id}`;
  const texts = textsOf(question.type);

  const check = async () => {
    const response = draft ?? defaultResponse(question);
    if (!isAnswered(question, response)) {
      setError(t(texts.answerFirst));
      return;
    }
    setError(undefined);
    sent.current = JSON.stringify(response);
    await onCheck(response!);
    clearDraft(draftScope, question);
    setRetrying(false);
    const correct = isCorrect(question, response!);
    const hidden = !revealsAnswer(question, response!, tries + 1, requested);
    announce(correct === true ? t('feedback.correct') : correct === false ? `${t('feedback.wrong')}${hidden ? ` ${t('check.tryAgainAnnounce')}` : ''}` : t('feedback.saved'));
  };

  return (
    <section class="check" aria-label={count > 1 ? t('check.numbered', { index: index + 1, count }) : t('check.title')}>
      <QuestionView
        question={question}
        response={reviewing ? stored!.response : draft}
        onChange={(r) => {
          setDraft(r);
          setError(undefined);
          // A first answer in progress; a retry starts again from the checked answer anyway.
          if (!stored) writeDraft(draftScope, question, r);
        }}
        reviewing={reviewing}
        reveal={reveal}
        idPrefix={prefix}
        label={count > 1 ? t('check.numbered', { index: index + 1, count }) : undefined}
        error={error}
      />
      {changedElsewhere && (
        <p class="notice" role="status">
          {editing ? t('check.elsewhereKept') : t('check.elsewhereShown')}
        </p>
      )}
      <div class="actions">
        {reviewing ? (
          <>
            <button
              type="button"
              class={reveal ? 'secondary' : undefined}
              onClick={() => {
                setRetrying(true);
                setBasis(stored?.id);
                sent.current = undefined;
                setDraft(rulesOf(question.type).writing ? stored?.response : undefined);
              }}
            >
              {t(texts.retry)}
            </button>
            {!reveal && (
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  setRequested(true);
                  announce(t('check.answerShown'));
                }}
              >
                {t('check.showAnswer')}
              </button>
            )}
          </>
        ) : (
          <button type="button" onClick={check}>
            {t(texts.submit)}
          </button>
        )}
      </div>
    </section>
  );
}
