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
  // The name is written while the content loads: neither waits for the other.
  const named = name ? store.saveProfile({ name }) : Promise.resolve();
  const lmsLang = link.learnerLanguage();
  const loadContent = async (): Promise<LmsContent | null> => {
    if (findEntry(pkg.courseId)?.kind === 'game') {
      const game = await loadGame(pkg.courseId, lang);
      return game && gameAdapter(game);
    }
    const course = await loadCourse(pkg.courseId, lang);
    return course && courseAdapter(course);
  };
  const [content] = await Promise.all([loadContent(), named]);
  if (content) {
    await link.restore(store, content);
    link.follow(store, content);
  }
  return { link, lmsLang };
}
