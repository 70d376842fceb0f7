import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ProgressStore } from '../storage/progress';

export const StoreContext = createContext<ProgressStore | null>(null);

/** The store, for views that App renders only once it is open. */
export function useStore(): ProgressStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('ProgressStore not open yet: App renders this view only after it is');
  return store;
}

/** The store, or null while it is still opening (the catalogue shows before it). */
export function useOptionalStore(): ProgressStore | null {
  return useContext(StoreContext);
}
