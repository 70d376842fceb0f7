/** On every view change: the document title follows and focus moves to the view's heading. */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';

export function useViewFocus(title: string, key: string) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
    heading.current?.focus({ preventScroll: false });
  }, [key, title]);
  return heading;
}
