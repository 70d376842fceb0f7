/** Loads a course or game chunk for an id and language: null while loading, 'missing' if none. */
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../content/constants';

export function useContent<T>(load: (id: string, lang: Lang) => Promise<T | null>, id: string, lang: Lang): T | null | 'missing' {
  const [content, setContent] = useState<T | null | 'missing'>(null);
  useEffect(() => {
    let cancelled = false;
    setContent(null);
    load(id, lang).then(
      (loaded) => !cancelled && setContent(loaded ?? 'missing'),
      () => !cancelled && setContent('missing'),
    );
    return () => {
      cancelled = true;
    };
  }, [load, id, lang]);
  return content;
}
