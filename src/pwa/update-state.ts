/**
 * Whether a new version of the site is waiting. Kept apart from the service-worker code so the
 * notice costs the first view nothing: workbox-window loads only after the first view.
 */
import { useEffect, useState } from 'preact/hooks';

type Apply = () => Promise<void>;
let waiting: Apply | null = null;
const listeners = new Set<(apply: Apply | null) => void>();

export function offerUpdate(apply: Apply): void {
  waiting = apply;
  for (const listener of listeners) listener(apply);
}

/** The function that installs the waiting version, or null while there is none. */
export function useWaitingUpdate(): Apply | null {
  const [apply, setApply] = useState<Apply | null>(() => waiting);
  useEffect(() => {
    const listener = (next: Apply | null) => setApply(() => next);
    listeners.add(listener);
    listener(waiting); // an update offered between the first render and this effect
    return () => void listeners.delete(listener);
  }, []);
  return apply;
}
