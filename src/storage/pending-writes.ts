/**
 * Writes to local storage that have been asked for but not finished. Whatever replaces the page
 * (installing a new version, say) waits for them first, so no answer in progress is lost.
 */
const pending = new Set<Promise<unknown>>();

/** Follows a write until it settles; returns it unchanged. */
export function trackWrite<T>(write: Promise<T>): Promise<T> {
  pending.add(write);
  const done = () => pending.delete(write);
  write.then(done, done);
  return write;
}

/** Resolves once every write asked for so far, and any asked for meanwhile, has settled. */
export async function writesSettled(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}
