/** The course front page: what it is, what you learn, how it is completed, start or continue. */
import type { CompiledCourse } from '../content/schema';
import { href } from '../app/router';
import { useViewFocus } from '../app/useViewFocus';
import { t } from '../i18n';
import { readingPath, resumeRoute } from './navigation';
import { CompletionSummary } from './CompletionSummary';
import { testStateText } from './completion-text';
import type { SessionState } from './useCourseSession';

export function CourseIntro({ course, session }: { course: CompiledCourse; session: SessionState }) {
  const heading = useViewFocus(course.title, `intro-${course.id}`);
  const state = session.progress;
  const started = state.status !== 'not-started';
  const path = readingPath(course);
  const target = resumeRoute(course, session.attempt?.location, session.visited);
  return (
    <article class="course-intro">
      <p class="eyebrow">{t('course.kind')}</p>
      <h1 tabIndex={-1} ref={heading}>
        {course.title}
      </h1>
      <p class="lead">{course.description}</p>
      {/* The primary action comes before the facts, so it is on the first screen of a laptop. */}
      <p class="primary-action">
        <a class="button" href={href(target)}>
          {state.status === 'completed' ? t('catalogue.reviewCourse') : started ? t('course.continue') : t('course.start')}
        </a>
      </p>
      {started && (
        <p class={`course-status status-${state.status}`}>
          {t(`status.${state.status}`)} · {t('catalogue.pagesSeen', { visited: state.visitedCount, total: state.totalPages })}
          {testStateText(state) && ` · ${testStateText(state)}`}
        </p>
      )}
      <CompletionSummary course={course} state={state} compact />
      <dl class="facts">
        <div>
          <dt>{t('course.duration')}</dt>
          <dd>{t('course.minutes', { count: course.minutes })}</dd>
        </div>
        <div>
          <dt>{t('course.structure')}</dt>
          <dd>{t('course.structureValue', { modules: course.modules.length, pages: path.length })}</dd>
        </div>
        {course.finalTest && (
          <div>
            <dt>{t('course.finalTest')}</dt>
            <dd>{t('course.finalTestValue', { draw: course.finalTest.draw, passMark: course.passMark })}</dd>
          </div>
        )}
        <div>
          <dt>{t('course.completionRule')}</dt>
          <dd>{t(`course.completion.${course.completion.allPages ? 'pages' : 'nopages'}-${course.completion.finalTest}`)}</dd>
        </div>
      </dl>
      <h2>{t('course.objectives')}</h2>
      <ul>
        {course.objectives.map((o) => (
          <li key={o}>{o}</li>
        ))}
      </ul>
    </article>
  );
}
