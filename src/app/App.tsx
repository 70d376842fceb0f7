/** The app shell: skip link, header, the current view, footer, and the shared live region. */
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../content/schema';
import { t } from '../i18n';
import { mountLiveRegion } from './announce';
import { Catalogue } from './Catalogue';
import { MessageView } from './MessageView';
import { useRoute } from './router';
import type { ProgressStore, StorageNotice } from '../storage/progress';
import { LanguageSwitch } from './LanguageSwitch';
import { Lazy, LoadFailed } from './Lazy';
import { useStrings } from './useStrings';
import { partsForRoute } from '../i18n/string-parts';

// Each view's code loads when it is first opened; the catalogue ships with the app.
export const courseView = () => import('../course/CourseView');
const gameView = () => import('../game/GameView');
const myLearning = () => import('./MyLearning');
const statement = () => import('./AccessibilityStatement');
const library = () => import('../practices/PracticeLibrary');
// Live workshop code (Yjs, Hocuspocus) loads only here and in the workshop views.
// A SCORM package has no live workshops: its build leaves the live code out entirely.
const joinView = import.meta.env.KOHTAAMO_PACKAGE_BUILD ? null : () => import('../live/JoinView');
// The trainer's guide and printables are not for a learner in an LMS: a package's build leaves them out.
const facilitator = import.meta.env.KOHTAAMO_PACKAGE_BUILD ? null : () => import('../game/facilitator/FacilitatorView');
const workshopHistory = () => import('../game/workshop-session/WorkshopHistory');
const checker = () => import('../plain-language/CheckerView');
import type { PackageInfo } from '../lms/package-mode';
import type { LmsLink } from '../lms/lms-link';
import { href, type Route } from './router';
import { isPackageHome, packageStartRoute } from './package-start';
import { markViewShown } from './first-view';
import { findEntry } from './content';
import type { ComponentType } from 'preact';

/** Views only some runs need, handed in once loaded so that the site's first load stays small. */
export type LmsViews = typeof import('../lms/LmsStatus');
export type UpdateNoticeView = ComponentType;

interface AppProps {
  /** Null while local storage is still opening. */
  store: ProgressStore | null;
  lang: Lang;
  /** Set when running as a SCORM package: one course, no catalogue. */
  pkg?: PackageInfo | null;
  lms?: LmsLink | null;
  lmsViews?: LmsViews;
  /** "A new version is available": loaded with the service worker's registration. */
  UpdateNotice?: UpdateNoticeView | null;
  onLanguage?: (lang: Lang) => void;
  /** An older Kohtaamo in another tab holds up the storage upgrade. */
  blocked?: boolean;
}

/** Views that show the learner's stored data (or store each move) and so wait for local storage. */
const STORE_FIRST: Route['name'][] = ['my-learning', 'practices', 'game', 'game-play', 'workshop', 'workshops'];

/** Shown while such a view waits: as the first view, it lets local storage load at once. */
function WaitingForStore() {
  useEffect(markViewShown, []);
  return <p role="status">{t('app.loading')}</p>;
}

/** A view whose UI strings are still on their way (or could not be loaded). */
function StringsPending({ state }: { state: 'loading' | 'failed' }) {
  return state === 'failed' ? <LoadFailed /> : <p role="status">{t('app.loading')}</p>;
}

export function App({ store, lang, pkg = null, lms = null, lmsViews, UpdateNotice, onLanguage, blocked = false }: AppProps) {
  const route = useRoute();
  const [notice, setNotice] = useState<StorageNotice | null>(null);
  const strings = useStrings(lang, partsForRoute(route.name));
  useEffect(mountLiveRegion, []);
  useEffect(() => store?.onNotice(setNotice), [store]);
  // A package has no catalogue: its start is the course, at the place the learner left off.
  // main.tsx moves there before the first render; this covers the learner coming back to "#/".
  useEffect(() => {
    if (!pkg || !isPackageHome(route)) return;
    void packageStartRoute(pkg, store).then((start) => location.replace(href(start)));
  }, [pkg, route.name, store]);

  // The audience view on the projector: the room sees the workshop only, no site header or footer.
  if (route.name === 'workshop-screen' && strings !== 'ready') return <StringsPending state={strings} />;
  if (route.name === 'workshop-screen') return <Lazy load={gameView} render={(m) => <m.GameView route={route} lang={lang} />} />;

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
          <a class="brand" href={pkg ? href(findEntry(pkg.courseId)?.kind === 'game' ? { name: 'game', gameId: pkg.courseId } : { name: 'course', courseId: pkg.courseId }) : '#/'}>
            {t('app.name')}
          </a>
          {lms && lmsViews && <lmsViews.LmsStatus lms={lms} />}
          <LanguageSwitch lang={lang} onChange={onLanguage} />
          {!pkg && (
          <nav aria-label={t('nav.main')}>
            <ul>
              <li>
                {/* A course or game lives in the catalogue: the link marks the section ("true"), not the page. */}
                <a href="#/" aria-current={route.name === 'catalogue' ? 'page' : 'courseId' in route || 'gameId' in route ? 'true' : undefined}>
                  {t('nav.catalogue')}
                </a>
              </li>
              <li>
                <a href="#/practices" aria-current={route.name === 'practices' ? 'page' : undefined}>
                  {t('nav.practices')}
                </a>
              </li>
              <li>
                <a href="#/my" aria-current={route.name === 'my-learning' ? 'page' : undefined}>
                  {t('nav.myLearning')}
                </a>
              </li>
            </ul>
          </nav>
          )}
        </div>
      </header>
      {blocked && (
        <div class="notice notice-warning site-notice" role="alert">
          {t('storage.upgrade-blocked')}
        </div>
      )}
      {store && !store.persistent && (
        <div class="notice notice-warning site-notice" role="status">
          {t('storage.memoryOnly')}
        </div>
      )}
      {lms && lmsViews && <lmsViews.LmsRestoreNotice lms={lms} />}
      {notice && (
        <div class="notice notice-warning site-notice" role="alert">
          {t(`storage.${notice}`)}{' '}
          <button type="button" class="link" onClick={() => location.reload()}>
            {t('storage.reload')}
          </button>
        </div>
      )}
      {!pkg && UpdateNotice && <UpdateNotice />}
      <main id="main" tabIndex={-1}>
        {route.name === 'catalogue' && !pkg && <Catalogue lang={lang} />}
        {/* The catalogue, course pages and the statement show before local storage is open. */}
        {strings !== 'ready' ? (
          <StringsPending state={strings} />
        ) : STORE_FIRST.includes(route.name) && !store ? (
          <WaitingForStore />
        ) : (
          <>
            {route.name === 'my-learning' && <Lazy load={myLearning} render={(m) => <m.MyLearning lang={lang} />} />}
            {(route.name === 'course' || route.name === 'page' || route.name === 'test' || route.name === 'certificate') && (
              <Lazy load={courseView} render={(m) => <m.CourseView route={route} lang={lang} />} />
            )}
            {(route.name === 'game' || route.name === 'game-play' || route.name === 'workshop') && (
              <Lazy load={gameView} render={(m) => <m.GameView route={route} lang={lang} />} />
            )}
            {(route.name === 'game-guide' || route.name === 'game-print') && facilitator && (
              <Lazy load={facilitator} render={(m) => <m.FacilitatorView route={route} lang={lang} />} />
            )}
            {route.name === 'workshops' && <Lazy load={workshopHistory} render={(m) => <m.WorkshopHistory lang={lang} sessionId={route.sessionId} />} />}
            {route.name === 'accessibility' && <Lazy load={statement} render={(m) => <m.AccessibilityStatement />} />}
            {route.name === 'practices' && <Lazy load={library} render={(m) => <m.PracticeLibrary lang={lang} />} />}
            {route.name === 'join' && joinView && <Lazy load={joinView} render={(m) => <m.JoinView code={route.code} lang={lang} />} />}
            {route.name === 'checker' && <Lazy load={checker} render={(m) => <m.CheckerView lang={lang} />} />}
            {route.name === 'not-found' && <MessageView title={t('app.notFound')} body={t('app.notFoundBody')} />}
          </>
        )}
      </main>
      <footer class="site-footer">
        <p>{t('app.footer')}</p>
        <p>
          <a href="#/accessibility">{t('a11y.link')}</a>
        </p>
      </footer>
      <div id="live-region" class="visually-hidden" aria-live="polite" aria-atomic="true" />
    </>
  );
}
