import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ProgressStore } from '../storage/progress';

export const StoreContext = createContext<ProgressStore | null>(null);

export function useStore(): ProgressStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('ProgressStore missing: render inside <StoreContext.Provider>');
  return store;
}
