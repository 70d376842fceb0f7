/** Whether the UI strings a view needs are in; loads the missing parts (string-parts.ts) if not. */
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../content/constants';
import { hasStrings, loadStrings } from '../i18n';
import type { StringPart } from '../i18n/string-parts';

export type StringsState = 'ready' | 'loading' | 'failed';

export function useStrings(lang: Lang, parts: readonly StringPart[]): StringsState {
  const ready = hasStrings(lang, parts);
  const [failed, setFailed] = useState(false);
  const [, setLoads] = useState(0);
  const key = parts.join();
  useEffect(() => {
    if (ready) return;
    let cancelled = false;
    setFailed(false);
    loadStrings(lang, parts).then(
      () => !cancelled && setLoads((n) => n + 1),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [lang, key, ready]);
  return ready ? 'ready' : failed ? 'failed' : 'loading';
}
