/**
 * What a view drawn at build time needs in hand before its first render, so that the render is
 * the same at build time (prerender.tsx) and when the app hydrates it (main.tsx): the course view's
 * code and the course's outline with the route's module.
 */
import type { Lang } from '../content/constants';
import { partsFor } from '../content/course-parts';
import { courseView } from './App';
import { loadCourse } from './content';
import { preloadView } from './Lazy';
import type { Route } from './router';

export async function preloadFirstView(route: Route, lang: Lang): Promise<void> {
  if (route.name !== 'course' && route.name !== 'page') return;
  const parts = partsFor(route);
  await Promise.all([preloadView(courseView), loadCourse(route.courseId, lang, parts === 'all' ? undefined : parts)]);
}
