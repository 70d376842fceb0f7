/** A SCORM package opens straight into its one course and talks to the LMS that launched it. */
export type { PackageInfo } from './package-info';
import type { Lang } from '../content/schema';
import { findEntry, loadCourse } from '../app/content';
import { loadGame } from '../game/load-game';
import { courseAdapter, gameAdapter, type LmsContent } from './adapters';
import type { ProgressStore } from '../storage/progress';
import type { PackageInfo } from './package-info';
import { LmsLink } from './lms-link';

/**
 * Connects to the LMS (none found: standalone on IndexedDB, no error), restores its data, and
 * follows the course from then on. Returns the link, the learner's name and language preference.
 */
export async function startLms(pkg: PackageInfo, store: ProgressStore, lang: Lang): Promise<{ link: LmsLink | null; lmsLang: string }> {
  const link = LmsLink.connect(pkg.version);
  if (!link) return { link: null, lmsLang: '' };
  const name = link.learnerName();
  if (name) await store.saveProfile({ name });
  const lmsLang = link.learnerLanguage();
  let content: LmsContent | null = null;
  if (findEntry(pkg.courseId)?.kind === 'game') {
    const game = await loadGame(pkg.courseId, lang);
    content = game && gameAdapter(game);
  } else {
    const course = await loadCourse(pkg.courseId, lang);
    content = course && courseAdapter(course);
  }
  if (content) {
    await link.restore(store, content);
    link.follow(store, content);
  }
  return { link, lmsLang };
}
