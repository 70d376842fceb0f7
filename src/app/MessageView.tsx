import { useViewFocus } from './useViewFocus';
import { t } from '../i18n';

/** A whole view that only explains something (not found, unavailable) and offers a way on. */
export function MessageView({ title, body }: { title: string; body: string }) {
  const heading = useViewFocus(title, title);
  return (
    <article class="message-view">
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      <p>{body}</p>
      <p>
        <a href="#/">{t('nav.backToCatalogue')}</a>
      </p>
    </article>
  );
}
