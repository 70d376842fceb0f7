/** The app shell: skip link, header, the current view, footer, and the shared live region. */
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../content/schema';
import { t } from '../i18n';
import { mountLiveRegion } from './announce';
import { Catalogue } from './Catalogue';
import { CourseView } from '../course/CourseView';
import { MessageView } from './MessageView';
import { useRoute } from './router';
import type { ProgressStore, StorageNotice } from '../storage/progress';
import { MyLearning } from './MyLearning';

export function App({ store, lang }: { store: ProgressStore; lang: Lang }) {
  const route = useRoute();
  const [notice, setNotice] = useState<StorageNotice | null>(null);
  useEffect(mountLiveRegion, []);
  useEffect(() => store.onNotice(setNotice), [store]);

  const skip = (e: Event) => {
    e.preventDefault(); // the hash belongs to the router
    document.getElementById('main')?.focus();
  };

  return (
    <>
      <a class="skip-link" href="#main" onClick={skip}>
        {t('nav.skip')}
      </a>
      <header class="site-header">
        <div class="site-header-inner">
          <a class="brand" href="#/">
            {t('app.name')}
          </a>
          <nav aria-label={t('nav.main')}>
            <ul>
              <li>
                <a href="#/" aria-current={route.name === 'catalogue' ? 'page' : undefined}>
                  {t('nav.catalogue')}
                </a>
              </li>
              <li>
                <a href="#/my" aria-current={route.name === 'my-learning' ? 'page' : undefined}>
                  {t('nav.myLearning')}
                </a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      {!store.persistent && (
        <div class="notice notice-warning site-notice" role="status">
          {t('storage.memoryOnly')}
        </div>
      )}
      {notice && (
        <div class="notice notice-warning site-notice" role="alert">
          {t(`storage.${notice}`)}{' '}
          <button type="button" class="link" onClick={() => location.reload()}>
            {t('storage.reload')}
          </button>
        </div>
      )}
      <main id="main" tabIndex={-1}>
        {route.name === 'catalogue' && <Catalogue lang={lang} />}
        {route.name === 'my-learning' && <MyLearning lang={lang} />}
        {(route.name === 'course' || route.name === 'page' || route.name === 'test' || route.name === 'certificate') && (
          <CourseView route={route} lang={lang} />
        )}
        {route.name === 'not-found' && <MessageView title={t('app.notFound')} body={t('app.notFoundBody')} />}
      </main>
      <footer class="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
      <div id="live-region" class="visually-hidden" aria-live="polite" aria-atomic="true" />
    </>
  );
}
