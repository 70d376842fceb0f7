/**
 * Start-up. The catalogue renders as soon as the UI strings are in; local storage (Dexie) loads
 * beside it and fills in the learner's status. A SCORM package first restores its LMS data.
 */
import { render } from 'preact';
import { chooseLanguage, setLanguage } from '../i18n';
import { packageInfo } from '../lms/package-info';
import { savedLanguage } from './language-memory';
import { Root } from './Root';
import { prefetchFirstView } from './prefetch';
import './styles.css';

async function start() {
  const root = document.getElementById('app')!;
  const pkg = packageInfo();
  if (!pkg) {
    const lang = chooseLanguage({ saved: savedLanguage(), browser: navigator.languages });
    prefetchFirstView(location.hash, lang);
    await setLanguage(lang);
    render(<Root pkg={null} />, root);
    return;
  }
  // A package talks to its LMS before anything is shown: the LMS's data is the source of truth.
  // What does not depend on each other runs side by side: code, UI strings, the store, the LMS.
  const storeOpened = import('../storage/progress').then(({ ProgressStore }) => ProgressStore.open('kohtaamo'));
  const [store, { startLms }] = await Promise.all([
    storeOpened,
    import('../lms/package-mode'),
    setLanguage(chooseLanguage({ saved: savedLanguage(), browser: navigator.languages })),
  ]);
  const [profile, lms] = await Promise.all([store.getProfile().catch(() => undefined), startLms(pkg, store, 'fi')]);
  await setLanguage(chooseLanguage({ lms: lms.lmsLang, saved: profile?.lang ?? savedLanguage(), browser: navigator.languages }));
  render(<Root pkg={pkg} store={store} lms={lms.link} />, root);
}

void start();
