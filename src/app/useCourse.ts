/**
 * Loads a course for a view: the outline and the module the route shows, then (once the first
 * view has painted) the rest of the course, and the knowledge checks' code, while the learner reads. Null while the route's part
 * is still on its way, 'missing' when there is no such course.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CompiledCourse, Lang } from '../content/schema';
import { hasParts, loadCourse, loadedCourse } from './content';
import { afterFirstViewPainted } from './first-view';

export function useCourse(id: string, lang: Lang, parts: string[] | 'all'): CompiledCourse | null | 'missing' {
  // A course already in (a page drawn at build time, or hydrating one) shows in the first render.
  const [state, setState] = useState<{ id: string; lang: Lang; course: CompiledCourse | 'missing' } | null>(() => {
    const course = loadedCourse(id, lang);
    return course ? { id, lang, course } : null;
  });
  const current = state && state.id === id && state.lang === lang ? state.course : null;
  const ready = current === 'missing' || (current !== null && hasParts(current, parts));
  const key = parts === 'all' ? '*' : parts.join('/');
  useEffect(() => {
    if (ready) return;
    let cancelled = false;
    loadCourse(id, lang, parts === 'all' ? undefined : parts).then(
      (course) => !cancelled && setState({ id, lang, course: course ?? 'missing' }),
      () => !cancelled && setState({ id, lang, course: 'missing' }),
    );
    return () => {
      cancelled = true;
    };
  }, [id, lang, key, ready]);
  useEffect(() => {
    if (!current || current === 'missing') return;
    void afterFirstViewPainted()
      .then(() => loadCourse(id, lang))
      // and the questions' code, so the first page with a knowledge check opens without a wait
      .then(() => import('../course/questions/KnowledgeCheck'))
      .catch(() => undefined); // fetched ahead only; the route's own load reports failures
  }, [current]);
  return ready ? current : null;
}
