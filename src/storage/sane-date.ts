/** What a stored date may be. No zod here: the app loads this with every view. */

/** No learning record is older than Kohtaamo. */
export const EARLIEST_DATE = Date.UTC(2020, 0, 1);
/** A device clock may run somewhat ahead of the one that checks the file. */
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** Whether a stored date can be shown and compared: finite, not before 2020, not in the future. */
export function isSaneDate(n: unknown, now = Date.now()): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= EARLIEST_DATE && n <= now + CLOCK_SKEW_MS;
}
