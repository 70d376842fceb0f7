/**
 * Starts loading what the first view needs in parallel with the UI strings, instead of one
 * after another (app → view code → content). Only warms the module cache; nothing is rendered.
 */
import type { Lang } from '../content/constants';
import { loadCourse } from './content';
import { parseHash } from './router';
import { partsFor } from '../content/course-parts';

export function prefetchFirstView(hash: string, lang: Lang): void {
  const route = parseHash(hash);
  const ignore = () => undefined;
  if ('courseId' in route) {
    import('../course/CourseView').catch(ignore);
    if (route.name === 'test') import('../course/FinalTest').catch(ignore);
    if (route.name === 'certificate') import('../course/Certificate').catch(ignore);
    const parts = partsFor(route);
    loadCourse(route.courseId, lang, parts === 'all' ? undefined : parts).catch(ignore);
  } else if ('gameId' in route) {
    import('../game/GameView').catch(ignore);
    import('../game/load-game').then(({ loadGame }) => loadGame(route.gameId, lang)).catch(ignore);
  }
}
