/** Holds what the whole app shares: the store and the UI language, which the learner can switch. */
import { useState } from 'preact/hooks';
import type { Lang } from '../content/schema';
import { setLanguage } from '../i18n';
import type { LmsLink } from '../lms/lms-link';
import type { PackageInfo } from '../lms/package-mode';
import type { ProgressStore } from '../storage/progress';
import { App } from './App';
import { announce } from './announce';
import { StoreContext } from './context';
import { t } from '../i18n';

interface Props {
  store: ProgressStore;
  initialLang: Lang;
  pkg: PackageInfo | null;
  lms: LmsLink | null;
}

export function Root({ store, initialLang, pkg, lms }: Props) {
  const [lang, setLang] = useState(initialLang);
  const switchLanguage = async (next: Lang) => {
    await setLanguage(next);
    setLang(next);
    announce(t('language.switched'));
    await store.saveProfile({ lang: next }).catch(() => undefined); // the choice is a convenience; the switch works without it
  };
  return (
    <StoreContext.Provider value={store}>
      <App key={lang} store={store} lang={lang} pkg={pkg} lms={lms} onLanguage={switchLanguage} />
    </StoreContext.Provider>
  );
}
