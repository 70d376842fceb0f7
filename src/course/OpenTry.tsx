/**
 * A final-test try being answered. A running "5/12 vastattu" stays in view; on a phone one question
 * fills the screen at a time. Only what the learner did counts as answered: an ordering left as it
 * was shown is not an answer.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CompiledCourse } from '../content/schema';
import { announce } from '../app/announce';
import { Icon } from '../app/Icon';
import { t } from '../i18n';
import type { Attempt } from '../storage/db';
import type { TestTry } from './completion';
import { QuestionView } from './questions/QuestionView';
import { textsOf } from './questions/view-registry';
import { isAnswered } from './scoring';
import type { CourseSession } from './useCourseSession';

const PHONE = '(max-width: 40rem)';

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => matchMedia(PHONE).matches);
  useEffect(() => {
    const query = matchMedia(PHONE);
    const onChange = () => setNarrow(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return narrow;
}

interface Props {
  course: CompiledCourse;
  session: CourseSession;
  openTry: NonNullable<Attempt['openTry']>;
  onSubmitted: (result: TestTry) => void;
}

export function OpenTry({ course, session, openTry, onSubmitted }: Props) {
  const { testAnswers } = session.state;
  const narrow = useNarrow();
  const [current, setCurrent] = useState(0);
  const [missing, setMissing] = useState<string[]>([]);
  // A question removed from the course since the try began is left out.
  const questions = openTry.questionIds.filter((id) => course.questions[id]).map((id) => course.questions[id]!);
  const answered = questions.filter((q) => isAnswered(q, testAnswers[q.id])).length;
  const shown = narrow ? [questions[Math.min(current, questions.length - 1)]!] : questions;

  const focusQuestion = (id: string) => {
    const index = questions.findIndex((q) => q.id === id);
    if (narrow) setCurrent(index);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`#test-q-${id} input, #test-q-${id} select, #test-q-${id} button, #test-q-${id} textarea`)?.focus());
  };
  const go = (index: number) => {
    setCurrent(index);
    window.scrollTo(0, 0);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.test-questions > li')?.focus());
  };

  const submit = async () => {
    const unanswered = questions.filter((q) => !isAnswered(q, testAnswers[q.id])).map((q) => q.id);
    setMissing(unanswered);
    if (unanswered.length > 0) {
      announce(t('test.missing', { count: unanswered.length }));
      requestAnimationFrame(() => document.getElementById('test-missing')?.focus());
      return;
    }
    const result = await session.submitTry(testAnswers);
    if (result) onSubmitted(result);
  };

  const last = !narrow || current >= questions.length - 1;
  return (
    <>
      <p>{t('test.instructions', { count: questions.length, passMark: course.passMark })}</p>
      <p class="test-progress" aria-live="off">
        <span>{t('test.answeredCount', { answered, count: questions.length })}</span>
        <progress max={questions.length} value={answered} aria-hidden="true" />
      </p>
      <ol class={`test-questions${narrow ? ' one-at-a-time' : ''}`}>
        {shown.map((q) => {
          const i = questions.indexOf(q);
          return (
            <li key={q.id} id={`test-q-${q.id}`} value={i + 1} tabIndex={narrow ? -1 : undefined}>
              <QuestionView
                question={q}
                response={testAnswers[q.id]}
                onChange={(r) => void session.answerTest(q.id, r)}
                reviewing={false}
                idPrefix={`test-${openTry.no}-${q.id}`}
                label={t('test.questionOf', { no: i + 1, count: questions.length })}
                error={missing.includes(q.id) && !isAnswered(q, testAnswers[q.id]) ? t(textsOf(q.type).answerFirst) : undefined}
              />
            </li>
          );
        })}
      </ol>
      {narrow && (
        <nav class="pager test-pager" aria-label={t('test.questionNav')}>
          {current > 0 ? (
            <button type="button" class="secondary" onClick={() => go(current - 1)}>
              <Icon name="arrow-left" /> {t('test.previousQuestion')}
            </button>
          ) : (
            <span />
          )}
          {!last && (
            <button type="button" onClick={() => go(current + 1)}>
              {t('test.nextQuestion')} <Icon name="arrow-right" />
            </button>
          )}
        </nav>
      )}
      {missing.length > 0 && (
        <div id="test-missing" class="notice notice-error" tabIndex={-1} role="alert">
          <p>{t('test.missing', { count: missing.length })}</p>
          <ul>
            {missing.map((id) => (
              <li key={id}>
                <button type="button" class="link" onClick={() => focusQuestion(id)}>
                  {t('test.questionOf', { no: openTry.questionIds.indexOf(id) + 1, count: questions.length })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {last && (
        <div class="actions">
          <button type="button" onClick={submit}>
            {t('test.submit')}
          </button>
        </div>
      )}
    </>
  );
}
