import { describe, expect, it } from 'vitest';
import { href, parseHash, type Route } from '../../src/app/router';

describe('hash routes', () => {
  const routes: Route[] = [
    { name: 'catalogue' },
    { name: 'my-learning' },
    { name: 'accessibility' },
    { name: 'practices' },
    { name: 'course', courseId: 'avoin-hallinto' },
    { name: 'page', courseId: 'avoin-hallinto', moduleId: 'perusteet', pageId: 'lyhyesti' },
    { name: 'test', courseId: 'c' },
    { name: 'certificate', courseId: 'c' },
    { name: 'game', gameId: 'g' },
    { name: 'game-play', gameId: 'g' },
    { name: 'workshop', gameId: 'g' },
    { name: 'workshop-screen', gameId: 'g' },
    { name: 'workshops' },
    { name: 'workshops', sessionId: 's1' },
  ];
  it('round-trips every route through the hash', () => {
    for (const route of routes) expect(parseHash(href(route))).toEqual(route);
  });
  it('treats unknown paths as not found', () => {
    expect(parseHash('#/nothing/here')).toEqual({ name: 'not-found', path: 'nothing/here' });
    expect(parseHash('')).toEqual({ name: 'catalogue' });
  });
});
