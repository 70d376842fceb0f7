/**
 * On every view change the document title follows and focus moves to the view's heading. The very
 * first view keeps the browser's own start (the skip link is the first Tab stop).
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';
import { markViewShown } from './first-view';

let firstView = true;

export function useViewFocus(title: string, key: string) {
  const heading = useRef<HTMLHeadingElement>(null);
  // A layout effect moves focus before the browser handles the next key press: with a plain effect
  // (after paint) a quick Tab could land on a control and then have focus pulled back to the heading.
  useLayoutEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
    if (firstView) firstView = false;
    else {
      // A new view starts at its top (not wherever the last one was scrolled to), then takes focus.
      window.scrollTo(0, 0);
      heading.current?.focus({ preventScroll: true });
    }
    markViewShown();
  }, [key, title]);
  return heading;
}
