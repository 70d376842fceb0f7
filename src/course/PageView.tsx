/** One course page: where am I, the blocks, previous and next. Opening it records the visit. */
import { useEffect } from 'preact/hooks';
import type { CompiledCourse, Module, Page } from '../content/schema';
import { href } from '../app/router';
import { useViewFocus } from '../app/useViewFocus';
import { t } from '../i18n';
import { BlockView } from './blocks/BlockView';
import { pageRoute, readingPath } from './navigation';
import type { CourseSession } from './useCourseSession';

interface Props {
  course: CompiledCourse;
  module: Module;
  page: Page;
  session: CourseSession;
}

export function PageView({ course, module, page, session }: Props) {
  const heading = useViewFocus(page.title, `${module.id}/${page.id}`);
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
          <li>
            <a href="#/">{t('nav.catalogue')}</a>
          </li>
          <li>
            <a href={href({ name: 'course', courseId: course.id })}>{course.title}</a>
          </li>
          <li>{module.title}</li>
          <li aria-current="page">{page.title}</li>
        </ol>
      </nav>
      <p class="eyebrow">
        {t('course.moduleOf', { no: moduleNo, count: course.modules.length, title: module.title })} ·{' '}
        {t('course.pageOf', { no: step.index + 1, count: path.length })}
      </p>
      <h1 tabIndex={-1} ref={heading}>
        {page.title}
      </h1>
      {page.blocks.map((block, i) => (
        <BlockView key={`${page.id}-${i}`} block={block} course={course} session={session} />
      ))}
      <nav class="pager" aria-label={t('course.pager')}>
        {previous ? (
          <a class="button secondary" rel="prev" href={href(pageRoute(course, previous))}>
            ← {t('course.previous')}
            <span class="pager-title">{previous.page.title}</span>
          </a>
        ) : (
          <span />
        )}
        {next ? (
          <a class="button" rel="next" href={href(pageRoute(course, next))}>
            {t('course.next')} →<span class="pager-title">{next.page.title}</span>
          </a>
        ) : course.finalTest ? (
          <a class="button" href={href({ name: 'test', courseId: course.id })}>
            {t('test.goTo')} →
          </a>
        ) : (
          <a class="button" href={href({ name: 'certificate', courseId: course.id })}>
            {t('certificate.goTo')} →
          </a>
        )}
      </nav>
    </article>
  );
}
