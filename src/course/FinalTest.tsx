/** The final test: a fresh draw from the pool per try, a pass mark, retry rules, and results that teach. */
import { useEffect } from 'preact/hooks';
import type { CompiledCourse } from '../content/schema';
import { announce } from '../app/announce';
import { href } from '../app/router';
import { useViewFocus } from '../app/useViewFocus';
import { t } from '../i18n';
import { bestTry, type TestTry } from './completion';
import { OpenTry } from './OpenTry';
import { CompletionSummary } from './CompletionSummary';
import { testStateText } from './completion-text';
import { pagesToReview } from './review-pages';
import { pageRoute } from './navigation';
import type { Question } from '../content/schema';
import { Feedback } from './questions/Feedback';
import { isCorrect } from './scoring';
import type { CourseSession } from './useCourseSession';

export function FinalTest({ course, session }: { course: CompiledCourse; session: CourseSession }) {
  const { attempt, testAnswers } = session.state;
  const test = course.finalTest;
  const tries = attempt?.tries ?? [];
  const openTry = attempt?.openTry;
  const last = tries.at(-1);
  const state = session.state.progress;
  const left = state.triesLeft;
  const viewKey = openTry ? `test-open-${openTry.no}` : last ? `test-result-${last.no}` : 'test-intro';
  const heading = useViewFocus(t('test.title'), viewKey);
  const { setLocation } = session;
  useEffect(() => {
    void setLocation('test'); // "continue where you left off" comes back here
  }, [setLocation]);

  if (!test) return <p>{t('test.none')}</p>;

  const title = (
    <h1 tabIndex={-1} ref={heading}>
      {openTry ? t('test.tryTitle', { no: openTry.no }) : last ? t('test.resultsTitle') : t('test.title')}
    </h1>
  );

  if (openTry) {
    const submitted = async (result: TestTry) => {
      const stillToRead = result.passed ? state.missingPageIds.length : 0;
      announce(
        [t(result.passed ? 'test.passedAnnounce' : 'test.failedAnnounce', { percent: result.percent }), stillToRead ? t('completion.passedReadMore', { count: stillToRead }) : '']
          .filter(Boolean)
          .join(' '),
      );
    };
    return (
      <article class="final-test">
        <p class="eyebrow">{course.title}</p>
        {title}
        <OpenTry course={course} session={session} openTry={openTry} onSubmitted={submitted} />
      </article>
    );
  }

  const start = (
    <button type="button" onClick={() => void session.startTry()}>
      {tries.length === 0 ? t('test.start') : t('test.retry')}
    </button>
  );

  if (!last) {
    return (
      <article class="final-test">
        <p class="eyebrow">{course.title}</p>
        {title}
        <p>{t('test.intro', { draw: test.draw, passMark: course.passMark })}</p>
        <p>{test.maxTries === 0 ? t('test.unlimited') : t('test.limited', { count: test.maxTries })}</p>
        {state.missingPageIds.length > 0 && <p>{t('completion.beforeTest')}</p>}
        <div class="actions">{start}</div>
        <CompletionSummary course={course} state={state} compact />
      </article>
    );
  }

  const best = bestTry(tries)!;
  const answers = session.state.lastTryAnswers;
  const lastQuestions = last.questionIds.filter((id) => course.questions[id]).map((id) => course.questions[id]!);
  const correctCount = lastQuestions.filter((q) => answers[q.id] && isCorrect(q, answers[q.id]!) === true).length;
  return (
    <article class="final-test">
      <p class="eyebrow">{course.title}</p>
      {title}
      <div class={`result-summary ${last.passed ? 'is-passed' : 'is-failed'}`}>
        <p class="result-verdict">{last.passed ? `✓ ${t('test.passed')}` : `✗ ${t('test.failed')}`}</p>
        <p>{t('test.score', { percent: last.percent, correct: correctCount, count: lastQuestions.length, passMark: course.passMark })}</p>
        {tries.length > 1 && <p>{t('test.best', { percent: best.percent })}</p>}
        {!last.passed && state.test === 'passed' && <p>{testStateText(state)}</p>}
        {state.status === 'completed' && <p class="completion-message">{t('completion.completed')}</p>}
      </div>
      {state.passedWithUnread && <CompletionSummary course={course} state={state} />}
      {!last.passed && <ReviewPages course={course} wrong={lastQuestions.filter((q) => !answers[q.id] || isCorrect(q, answers[q.id]!) === false)} />}
      <div class="actions">
        {state.status === 'completed' ? (
          <a class="button" href={href({ name: 'certificate', courseId: course.id })}>
            {t('certificate.goTo')}
          </a>
        ) : state.test === 'passed' ? null : left > 0 ? (
          <>
            <p>{left === Infinity ? t('test.retryAdvice') : t('test.triesLeft', { count: left })}</p>
            {start}
          </>
        ) : (
          <p>{t('test.noTriesLeft')}</p>
        )}
      </div>
      <h2>{t('test.review')}</h2>
      <ol class="test-review">
        {lastQuestions.map((q, i) => (
          <li key={q.id}>
            <p class="question-label">{t('test.questionOf', { no: i + 1, count: lastQuestions.length })}</p>
            <div dangerouslySetInnerHTML={{ __html: q.prompt }} />
            {answers[q.id] ? <Feedback question={q} response={answers[q.id]!} /> : <p>{t('test.notAnswered')}</p>}
          </li>
        ))}
      </ol>
    </article>
  );
}

/** "Kertaa nämä sivut": the pages behind the wrong answers, so a failed try leads back to the material. */
function ReviewPages({ course, wrong }: { course: CompiledCourse; wrong: Question[] }) {
  const steps = pagesToReview(course, wrong);
  if (steps.length === 0) return null;
  return (
    <section class="review-pages" aria-labelledby="review-pages-title">
      <h2 id="review-pages-title">{t('test.reviewPages')}</h2>
      <p>{t('test.reviewPagesLead')}</p>
      <ul>
        {steps.map((s) => (
          <li key={s.page.id}>
            <a href={href(pageRoute(course, s))}>{s.page.title}</a> <span class="small">({s.module.title})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
