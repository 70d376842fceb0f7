/** Hash routing: a reload inside an LMS iframe or from a zip keeps the learner's place. */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'catalogue' }
  | { name: 'my-learning' }
  | { name: 'accessibility' }
  | { name: 'practices' }
  | { name: 'checker' }
  | { name: 'course'; courseId: string }
  | { name: 'page'; courseId: string; moduleId: string; pageId: string }
  | { name: 'test'; courseId: string }
  | { name: 'certificate'; courseId: string }
  | { name: 'game'; gameId: string }
  | { name: 'game-play'; gameId: string }
  | { name: 'workshop'; gameId: string }
  | { name: 'game-guide'; gameId: string }
  | { name: 'game-print'; gameId: string; material: PrintMaterial }
  | { name: 'workshop-screen'; gameId: string }
  | { name: 'workshops'; sessionId?: string }
  | { name: 'not-found'; path: string };

/** Printable material for rooms without a screen. */
export const PRINT_MATERIALS = ['cards', 'voting', 'scores', 'actions'] as const;
export type PrintMaterial = (typeof PRINT_MATERIALS)[number];

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, courseId, a, b] = parts;
  if (parts.length === 0) return { name: 'catalogue' };
  if (parts.length === 1 && first === 'my') return { name: 'my-learning' };
  if (parts.length === 1 && first === 'accessibility') return { name: 'accessibility' };
  if (parts.length === 1 && first === 'practices') return { name: 'practices' };
  if (parts.length === 1 && first === 'workshops') return { name: 'workshops' };
  if (parts.length === 2 && first === 'workshops' && courseId) return { name: 'workshops', sessionId: courseId };
  if (parts.length === 2 && first === 'tools' && courseId === 'kieli') return { name: 'checker' };
  if (first === 'course' && courseId) {
    if (parts.length === 2) return { name: 'course', courseId };
    if (parts.length === 3 && a === 'test') return { name: 'test', courseId };
    if (parts.length === 3 && a === 'certificate') return { name: 'certificate', courseId };
    if (parts.length === 4 && a && b) return { name: 'page', courseId, moduleId: a, pageId: b };
  }
  if (first === 'game' && courseId) {
    if (parts.length === 2) return { name: 'game', gameId: courseId };
    if (parts.length === 3 && a === 'play') return { name: 'game-play', gameId: courseId };
    if (parts.length === 3 && a === 'workshop') return { name: 'workshop', gameId: courseId };
    if (parts.length === 3 && a === 'guide') return { name: 'game-guide', gameId: courseId };
    if (parts.length === 4 && a === 'print' && (PRINT_MATERIALS as readonly string[]).includes(b ?? '')) return { name: 'game-print', gameId: courseId, material: b as PrintMaterial };
    if (parts.length === 3 && a === 'screen') return { name: 'workshop-screen', gameId: courseId };
  }
  return { name: 'not-found', path };
}

export function href(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'catalogue':
      return '#/';
    case 'my-learning':
      return '#/my';
    case 'accessibility':
      return '#/accessibility';
    case 'practices':
      return '#/practices';
    case 'checker':
      return '#/tools/kieli';
    case 'course':
      return `#/course/${e(route.courseId)}`;
    case 'page':
      return `#/course/${e(route.courseId)}/${e(route.moduleId)}/${e(route.pageId)}`;
    case 'test':
      return `#/course/${e(route.courseId)}/test`;
    case 'certificate':
      return `#/course/${e(route.courseId)}/certificate`;
    case 'game':
      return `#/game/${e(route.gameId)}`;
    case 'game-play':
      return `#/game/${e(route.gameId)}/play`;
    case 'workshop':
      return `#/game/${e(route.gameId)}/workshop`;
    case 'game-guide':
      return `#/game/${e(route.gameId)}/guide`;
    case 'game-print':
      return `#/game/${e(route.gameId)}/print/${route.material}`;
    case 'workshop-screen':
      return `#/game/${e(route.gameId)}/screen`;
    case 'workshops':
      return route.sessionId ? `#/workshops/${e(route.sessionId)}` : '#/workshops';
    case 'not-found':
      return `#/${route.path}`;
  }
}

export function navigate(route: Route): void {
  location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Where a saved location (`<module>/<page>`, `test`, `certificate`) leads, without loading the course. */
export function locationRoute(courseId: string, location: string | undefined): Route {
  if (location === 'test') return { name: 'test', courseId };
  if (location === 'certificate') return { name: 'certificate', courseId };
  const [moduleId, pageId] = (location ?? '').split('/');
  return moduleId && pageId ? { name: 'page', courseId, moduleId, pageId } : { name: 'course', courseId };
}
