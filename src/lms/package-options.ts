/**
 * Options a SCORM package was built with (`npm run package -- --keep-workshop --no-practice-interactions`),
 * read from the `kohtaamo-options` meta tag the packager writes into index.html. The ordinary site
 * has no such tag and no restrictions.
 */
import type { CompiledGame } from '../content/game-schema';

export interface PackageOptions {
  /** A game package keeps workshop mode (default: solo play only, as a learner in an LMS plays alone). */
  keepWorkshop: boolean;
  /** Knowledge checks and reflections are reported as interactions (default), not only the final test. */
  reportPractice: boolean;
}

/** The meta tag's tokens, one per option that differs from a package's default. */
export const OPTION_TOKENS = { keepWorkshop: 'keep-workshop', noPracticeInteractions: 'no-practice-interactions' } as const;

const SITE: PackageOptions = { keepWorkshop: true, reportPractice: true };

export function packageOptions(doc: Document | undefined = typeof document === 'undefined' ? undefined : document): PackageOptions {
  if (!doc?.querySelector('meta[name="kohtaamo-package"]')) return SITE;
  const tokens = (doc.querySelector<HTMLMetaElement>('meta[name="kohtaamo-options"]')?.content ?? '').split(/\s+/);
  return { keepWorkshop: tokens.includes(OPTION_TOKENS.keepWorkshop), reportPractice: !tokens.includes(OPTION_TOKENS.noPracticeInteractions) };
}

/** The game as this build offers it: in a package without `keep-workshop`, solo play only. */
export function offeredGame(game: CompiledGame, options: PackageOptions = packageOptions()): CompiledGame {
  if (options.keepWorkshop || !game.modes.includes('workshop')) return game;
  return { ...game, modes: game.modes.filter((mode) => mode !== 'workshop') };
}

/** Whether an answer given in this context goes to the LMS as an interaction. */
export function reportsAnswer(context: string, options: PackageOptions = packageOptions()): boolean {
  return options.reportPractice || context.startsWith('test');
}
