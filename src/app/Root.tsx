/** Holds what the whole app shares: the store (opened beside the first render) and the UI language. */
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../content/constants';
import { i18n, loadStrings, setLanguage, t } from '../i18n';
import type { LmsLink } from '../lms/lms-link';
import type { PackageInfo } from '../lms/package-info';
import type { LmsViews, UpdateNoticeView } from './App';
import type { ProgressStore } from '../storage/progress';
import { App } from './App';
import { announce } from './announce';
import { StoreContext } from './context';
import { rememberLanguage, savedLanguage } from './language-memory';
import { afterFirstViewPainted } from './first-view';
import { loadCatalogueTexts } from './content';

interface Props {
  pkg: PackageInfo | null;
  /** Given when already open (SCORM packages); otherwise opened here. */
  store?: ProgressStore;
  lms?: LmsLink | null;
  /** A package's LMS status and notices: code only a package loads. */
  lmsViews?: LmsViews;
}

/**
 * A participant's phone (#/join) keeps nothing locally and loads only what the join view shows:
 * storage and the other UI strings load once another view opens.
 */
function untilLeavingJoin(): Promise<void> {
  const onJoin = () => /^#\/?join(\/|$)/.test(location.hash);
  if (!onJoin()) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (onJoin()) return;
      removeEventListener('hashchange', check);
      resolve();
    };
    addEventListener('hashchange', check);
  });
}

export function Root({ pkg, store: given, lms = null, lmsViews }: Props) {
  const [updateNotice, setUpdateNotice] = useState<UpdateNoticeView | null>(null);
  const [lang, setLang] = useState(i18n.language as Lang);
  const [store, setStore] = useState<ProgressStore | null>(given ?? null);
  const [blocked, setBlocked] = useState(false);

  const switchLanguage = async (next: Lang, quiet = false) => {
    await Promise.all([setLanguage(next), loadCatalogueTexts(next)]);
    setLang(next);
    rememberLanguage(next);
    if (!quiet) announce(t('language.switched'));
  };

  // The UI strings the first view did not need, so that every later view opens at once (and offline).
  useEffect(() => {
    void afterFirstViewPainted()
      .then(untilLeavingJoin)
      .then(() => loadStrings(i18n.language as Lang).catch(() => undefined));
  }, []);

  useEffect(() => {
    if (given) return;
    let cancelled = false;
    const afterFirstView = Promise.race([afterFirstViewPainted(), new Promise((r) => setTimeout(r, 1500))]);
    void afterFirstView
      .then(untilLeavingJoin)
      .then(() => import('../storage/progress')).then(async ({ ProgressStore }) => {
      const opened = await ProgressStore.open('kohtaamo', { onBlocked: () => setBlocked(true) });
      if (cancelled) return;
      setBlocked(false);
      setStore(opened);
      // Offline use and updates, a while after the first view (which may wait for the store): the
      // worker then precaches the whole site (about 2 MB), which must not compete with what the
      // learner is waiting for. Never in a package build (an LMS page is not ours to cache).
      if (!pkg && !import.meta.env.KOHTAAMO_PACKAGE_BUILD) {
        void afterFirstViewPainted()
          .then(() => new Promise((resolve) => setTimeout(resolve, 3000)))
          .then(() => Promise.all([import('../pwa/register'), import('../pwa/UpdateNotice')]))
          .then(([sw, notice]) => {
            setUpdateNotice(() => notice.UpdateNotice);
            sw.registerServiceWorker();
          });
      }
      // A language saved in an older profile (before localStorage kept it) still counts.
      const profile = await opened.getProfile().catch(() => undefined);
      if (!savedLanguage() && profile?.lang && profile.lang !== i18n.language) await switchLanguage(profile.lang, true);
    });
    return () => {
      cancelled = true;
    };
  }, [given]);

  return (
    <StoreContext.Provider value={store}>
      <App
        key={lang}
        store={store}
        lang={lang}
        pkg={pkg}
        lms={lms}
        lmsViews={lmsViews}
        UpdateNotice={updateNotice}
        blocked={blocked}
        onLanguage={(next) => {
          void switchLanguage(next);
          void store?.saveProfile({ lang: next }).catch(() => undefined);
        }}
      />
    </StoreContext.Provider>
  );
}
