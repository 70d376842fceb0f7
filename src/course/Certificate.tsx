/** The certificate: learner's name, course, date and score, printable on one A4 page. */
import { useEffect, useState } from 'preact/hooks';
import type { CompiledCourse } from '../content/schema';
import { href } from '../app/router';
import { useViewFocus } from '../app/useViewFocus';
import { formatDate, t } from '../i18n';
import { bestTry } from './completion';
import { CompletionSummary } from './CompletionSummary';
import { testStateText } from './completion-text';
import { packageInfo } from '../lms/package-info';
import type { CourseSession } from './useCourseSession';

/** The organisation that issues the certificate, set at build time (`VITE_ORG_NAME`); by default the service. */
const ORG_NAME = (import.meta.env.VITE_ORG_NAME as string | undefined)?.trim() || '';

export function Certificate({ course, session }: { course: CompiledCourse; session: CourseSession }) {
  const { attempt, learnerName } = session.state;
  const heading = useViewFocus(t('certificate.title'), `certificate-${course.id}`);
  const { setLocation } = session;
  useEffect(() => {
    void setLocation('certificate');
  }, [setLocation]);
  const [name, setName] = useState(learnerName);
  const [nameError, setNameError] = useState('');
  const tries = attempt?.tries ?? [];
  const state = session.state.progress;

  if (state.status !== 'completed') {
    const testText = testStateText(state);
    return (
      <article class="certificate-missing">
        <h1 tabIndex={-1} ref={heading}>
          {t('certificate.title')}
        </h1>
        <p>{t('certificate.notYet')}</p>
        <p class={`course-status status-${state.status}`}>
          {t(`status.${state.status}`)}
          {testText && ` · ${testText}`}
        </p>
        {state.testMissing && (
          <p>
            <a href={href({ name: 'test', courseId: course.id })}>{t(course.completion.finalTest === 'passed' ? 'certificate.passTest' : 'certificate.takeTest')}</a>
          </p>
        )}
        <CompletionSummary course={course} state={state} />
      </article>
    );
  }

  const best = bestTry(tries);
  const saveName = async (e: Event) => {
    e.preventDefault();
    if (!name.trim()) {
      setNameError(t('certificate.nameRequired'));
      document.getElementById('learner-name')?.focus();
      return;
    }
    setNameError('');
    await session.setLearnerName(name.trim());
  };

  return (
    <article class="certificate-view">
      <h1 tabIndex={-1} ref={heading} class="no-print">
        {t('certificate.title')}
      </h1>
      <form class="no-print name-form" onSubmit={saveName} noValidate>
        <label for="learner-name">{t('certificate.nameLabel')}</label>
        <input
          id="learner-name"
          type="text"
          autoComplete="name"
          value={name}
          aria-invalid={nameError ? 'true' : undefined}
          aria-describedby={nameError ? 'learner-name-error' : 'learner-name-help'}
          onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
        />
        <p id="learner-name-help" class="small">
          {t(packageInfo() ? 'certificate.nameFromLms' : 'certificate.nameHelp')}
        </p>
        {nameError && (
          <p id="learner-name-error" class="field-error">
            {nameError}
          </p>
        )}
        <button type="submit" class="secondary">
          {t('certificate.saveName')}
        </button>
      </form>
      {learnerName && (
        <>
          <section class="certificate" aria-label={t('certificate.document')}>
            <p class="certificate-brand">{ORG_NAME || t('app.name')}</p>
            <p class="certificate-kind">{t('certificate.heading')}</p>
            <p class="certificate-name">{learnerName}</p>
            <p>{t('certificate.hasCompleted')}</p>
            <p class="certificate-course">{course.title}</p>
            <dl>
              <div>
                <dt>{t('certificate.date')}</dt>
                <dd>{formatDate(attempt?.finishedAt ?? Date.now())}</dd>
              </div>
              {best && (
                <div>
                  <dt>{t('certificate.score')}</dt>
                  <dd>{t('certificate.scoreValue', { percent: best.percent, passMark: course.passMark })}</dd>
                </div>
              )}
              <div>
                <dt>{t('certificate.duration')}</dt>
                <dd>{t('certificate.minutes', { count: course.minutes })}</dd>
              </div>
            </dl>
            <p class="certificate-objectives-title">{t('course.objectives')}</p>
            <ul>
              {course.objectives.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
            <p class="small">
              {t('certificate.issuer', { org: ORG_NAME || t('app.name') })} · {t('certificate.version', { version: course.version })}
            </p>
          </section>
          <div class="actions no-print">
            <button type="button" onClick={() => window.print()}>
              {t('certificate.print')}
            </button>
          </div>
        </>
      )}
    </article>
  );
}
