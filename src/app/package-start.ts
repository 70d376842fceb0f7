/**
 * Where a SCORM package opens: it has no catalogue, so its start is its game, or its course at the
 * place the learner left off (the store holds what the LMS restored).
 */
import type { PackageInfo } from '../lms/package-info';
import type { ProgressStore } from '../storage/progress';
import { findEntry } from './content';
import { locationRoute, type Route } from './router';

export async function packageStartRoute(pkg: PackageInfo, store: ProgressStore | null): Promise<Route> {
  if (findEntry(pkg.courseId)?.kind === 'game') return { name: 'game', gameId: pkg.courseId };
  const attempt = await store?.latestAttempt(pkg.courseId).catch(() => undefined);
  return locationRoute(pkg.courseId, attempt?.location);
}

/** The routes a package replaces with its start. */
export const isPackageHome = (route: Route) => route.name === 'catalogue' || route.name === 'my-learning';
