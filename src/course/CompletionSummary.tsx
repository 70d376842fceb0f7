/**
 * What is still missing for completion, said the same way on every course screen: the test state,
 * "Testi hyväksytty – lue vielä N sivua…", and the unread pages as links (texts: completion-text.ts).
 */
import type { CompiledCourse } from '../content/schema';
import { href } from '../app/router';
import { Icon } from '../app/Icon';
import { t } from '../i18n';
import type { CourseState } from './completion';
import { pagesMessage } from './completion-text';
import { pageRoute, readingPath } from './navigation';

interface Props {
  course: CompiledCourse;
  state: CourseState;
  /** compact: the message and a link to the first unread page (course menu); full: every unread page listed. */
  compact?: boolean;
}

export function CompletionSummary({ course, state, compact = false }: Props) {
  const message = pagesMessage(state);
  if (!message) return null;
  const missing = new Set(state.missingPageIds);
  const unread = readingPath(course).filter((s) => missing.has(s.page.id));
  const first = unread[0]!;
  return (
    <div class={`completion-summary${state.passedWithUnread ? ' is-passed' : ''}`}>
      <p class="completion-message">{message}</p>
      {compact ? (
        <p class="small">
          <a href={href(pageRoute(course, first))}>{t('completion.firstUnreadNamed', { title: first.page.title })}</a>
        </p>
      ) : (
        <>
          <p>
            <a class="button" href={href(pageRoute(course, first))}>
              {t('completion.firstUnread')} <Icon name="arrow-right" />
            </a>
          </p>
          <p class="feedback-heading" id={`unread-${course.id}`}>
            {t('completion.unreadTitle')}
          </p>
          <ul class="unread-pages" aria-labelledby={`unread-${course.id}`}>
            {unread.map((s) => (
              <li key={s.page.id}>
                <a href={href(pageRoute(course, s))}>{s.page.title}</a> <span class="small">({s.module.title})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
