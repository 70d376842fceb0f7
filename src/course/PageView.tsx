/** One course page: where am I, the blocks, previous and next. Opening it records the visit. */
import { useEffect } from 'preact/hooks';
import type { CompiledCourse, Module, Page } from '../content/schema';
import { href } from '../app/router';
import { useViewFocus } from '../app/useViewFocus';
import { Icon } from '../app/Icon';
import { t } from '../i18n';
import { BlockView } from './blocks/BlockView';
import { displayOrder } from './blocks/order';
import { noBreakCompounds } from './typography';
import { pageRoute, readingPath } from './navigation';
import { packageInfo } from '../lms/package-info';
import type { CourseSession } from './useCourseSession';

interface Props {
  course: CompiledCourse;
  module: Module;
  page: Page;
  session: CourseSession;
  /** Easy Finnish wanted (shown where the page has a version). */
  easy: boolean;
  onEasy: (on: boolean) => void;
}

export function PageView({ course, module, page, session, easy, onEasy }: Props) {
  const offersEasy = course.lang === 'fi' && course.modules.some((m) => m.pages.some((p) => p.easy));
  const showEasy = offersEasy && easy && Boolean(page.easy);
  const title = showEasy ? page.easy!.title : page.title;
  const heading = useViewFocus(title, `${module.id}/${page.id}/${showEasy ? 'easy' : 'standard'}`);
  const { visit } = session;
  useEffect(() => {
    void visit(module.id, page.id);
  }, [visit, module.id, page.id]);

  const path = readingPath(course);
  const step = path.find((s) => s.page.id === page.id)!;
  const previous = path[step.index - 1];
  const next = path[step.index + 1];
  const moduleNo = course.modules.indexOf(module) + 1;

  return (
    <article class="page">
      <nav class="breadcrumbs" aria-label={t('course.whereAmI')}>
        <ol>
          {/* A SCORM package has no catalogue to go back to. */}
          {!packageInfo() && (
            <li class="crumb-home">
              <a href="#/">{t('nav.catalogue')}</a>
            </li>
          )}
          <li class="crumb-course">
            <a href={href({ name: 'course', courseId: course.id })}>{course.title}</a>
          </li>
          <li class="crumb-module">{module.title}</li>
          <li aria-current="page">{page.title}</li>
        </ol>
      </nav>
      <div class="page-top">
        <p class="eyebrow">
          {t('course.moduleOf', { no: moduleNo, count: course.modules.length, title: module.title })} ·{' '}
          {t('course.pageOf', { no: step.index + 1, count: path.length })}
        </p>
        {/* A compact way on at the top too: a learner who knows the page need not scroll to its end. */}
        {next && (
          <a class="pager-top" href={href(pageRoute(course, next))}>
            {t('course.next')} <Icon name="arrow-right" />
          </a>
        )}
      </div>
      {offersEasy && (
        <div class="easy-toggle">
          <button type="button" class="secondary" aria-pressed={easy} onClick={() => onEasy(!easy)}>
            {t('easy.toggle')}
          </button>
          {easy && !page.easy && <p class="notice notice-warning">{t('easy.missing')}</p>}
        </div>
      )}
      <h1 tabIndex={-1} ref={heading}>
        {noBreakCompounds(title)}
      </h1>
      {showEasy && <p class="badge">{t('easy.label')}</p>}
      {displayOrder(showEasy ? page.easy!.blocks : page.blocks).map((block, i) => (
        <BlockView key={`${page.id}-${showEasy ? 'easy' : 'std'}-${i}`} block={block} course={course} session={session} />
      ))}
      {showEasy && page.blocks.filter((b) => b.type === 'quiz').map((block, i) => (
        <BlockView key={`${page.id}-quiz-${i}`} block={block} course={course} session={session} />
      ))}
      <nav class="pager" aria-label={t('course.pager')}>
        {previous ? (
          <a class="button secondary" rel="prev" href={href(pageRoute(course, previous))}>
            <Icon name="arrow-left" /> {t('course.previous')}
            <span class="pager-title">{previous.page.title}</span>
          </a>
        ) : (
          <span />
        )}
        {next ? (
          <a class="button" rel="next" href={href(pageRoute(course, next))}>
            {t('course.next')} <Icon name="arrow-right" />
            <span class="pager-title">{next.page.title}</span>
          </a>
        ) : course.finalTest ? (
          <a class="button" href={href({ name: 'test', courseId: course.id })}>
            {t('test.goTo')} <Icon name="arrow-right" />
          </a>
        ) : (
          <a class="button" href={href({ name: 'certificate', courseId: course.id })}>
            {t('certificate.goTo')} <Icon name="arrow-right" />
          </a>
        )}
      </nav>
    </article>
  );
}
