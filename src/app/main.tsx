import { render } from 'preact';
import { chooseLanguage, setLanguage, t } from '../i18n';
import { ProgressStore } from '../storage/progress';
import { packageInfo, startLms } from '../lms/package-mode';
import { Root } from './Root';
import './styles.css';

async function start() {
  await setLanguage(chooseLanguage({ browser: navigator.languages }));
  const root = document.getElementById('app')!;
  const store = await ProgressStore.open('kohtaamo', {
    // The app cannot start until the other tab lets the upgrade run: say so in plain DOM.
    onBlocked: () => {
      const notice = document.createElement('p');
      notice.className = 'notice notice-warning';
      notice.setAttribute('role', 'alert');
      notice.textContent = t('storage.upgrade-blocked');
      root.replaceChildren(notice);
    },
  });
  root.replaceChildren();
  const profile = await store.getProfile().catch(() => undefined);
  const pkg = packageInfo();
  const lms = pkg ? await startLms(pkg, store, 'fi') : null;
  const lang = chooseLanguage({ lms: lms?.lmsLang, saved: profile?.lang, browser: navigator.languages });
  await setLanguage(lang);
  render(<Root store={store} initialLang={lang} pkg={pkg} lms={lms?.link ?? null} />, root);
}

void start();
