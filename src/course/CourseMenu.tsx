/** Module and page menu with progress: always shows where the learner is and what is done. */
import { useState } from 'preact/hooks';
import type { CompiledCourse } from '../content/schema';
import { href, type Route } from '../app/router';
import { t } from '../i18n';
import { Icon } from '../app/Icon';
import { CompletionSummary } from './CompletionSummary';
import { testStateText } from './completion-text';
import type { SessionState } from './useCourseSession';

export function CourseMenu({ course, session, route }: { course: CompiledCourse; session: SessionState; route: Route }) {
  const state = session.progress;
  const { visitedCount, totalPages } = state;
  const completed = state.status === 'completed';
  const testText = testStateText(state);
  const current = route.name === 'page' ? route.pageId : route.name;
  // On narrow screens the page list folds away so the page itself comes first. It is open only on
  // the page where it was opened, so a move closes it (no effect that could undo a press made
  // before the app's first effects have run).
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === current;
  const listId = `course-pages-${course.id}`;

  return (
    <nav class="course-menu" aria-label={t('course.menu')}>
      <p class="course-menu-title">
        <a href={href({ name: 'course', courseId: course.id })} aria-current={route.name === 'course' ? 'page' : undefined}>
          {course.title}
        </a>
      </p>
      <div class="progress-box">
        <label for="course-progress">{t('course.progress', { visited: visitedCount, total: totalPages })}</label>
        <progress id="course-progress" max={totalPages} value={visitedCount}>
          {totalPages ? Math.round((visitedCount / totalPages) * 100) : 0} %
        </progress>
        <p class={`course-status status-${state.status}`}>
          {completed && <Icon name="check" />} {t(`status.${state.status}`)}
        </p>
        {/* On a phone the details fold away with the page list, so the page itself comes first. */}
        <div class={open ? 'menu-details is-open' : 'menu-details'}>
          {testText && (
            <p class="small test-state">
              {testText}
              {state.best && ` · ${t('test.bestResult', { percent: state.best.percent })}`}
            </p>
          )}
          <CompletionSummary course={course} state={state} compact />
        </div>
      </div>
      <button type="button" class="secondary menu-toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpenOn(open ? null : current)}>
        <Icon name={open ? 'chevron-up' : 'chevron-down'} /> {t('course.pagesToggle')}
      </button>
      <ol id={listId} class={open ? 'module-list is-open' : 'module-list'}>
        {course.modules.map((module) => (
          <li key={module.id}>
            <span class="module-title">{module.title}</span>
            <ol class="page-list">
              {module.pages.map((page) => {
                const seen = session.visited.has(page.id);
                return (
                  <li key={page.id} class={seen ? 'is-visited' : ''}>
                    <a
                      href={href({ name: 'page', courseId: course.id, moduleId: module.id, pageId: page.id })}
                      aria-current={current === page.id ? 'page' : undefined}
                    >
                      <span class="check-mark">
                        <Icon name={seen ? 'check' : 'circle'} />
                      </span>
                      {page.title}
                      {seen && <span class="visually-hidden"> ({t('course.visited')})</span>}
                    </a>
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
        {course.finalTest && (
          <li>
            <a href={href({ name: 'test', courseId: course.id })} aria-current={current === 'test' ? 'page' : undefined}>
              <span class="check-mark">
                <Icon name={state.test === 'passed' ? 'check' : 'circle'} />
              </span>
              {t('test.title')}
            </a>
          </li>
        )}
        <li>
          <a href={href({ name: 'certificate', courseId: course.id })} aria-current={current === 'certificate' ? 'page' : undefined}>
            <span class="check-mark">
              <Icon name={completed ? 'check' : 'circle'} />
            </span>
            {t('certificate.title')}
          </a>
        </li>
      </ol>
    </nav>
  );
}
