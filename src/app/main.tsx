import { render } from 'preact';
import { initI18n, t } from '../i18n';
import { ProgressStore } from '../storage/progress';
import { StoreContext } from './context';
import { App } from './App';
import { packageInfo, startLms } from '../lms/package-mode';
import './styles.css';

async function start() {
  await initI18n('fi');
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
  const lang = profile?.lang ?? 'fi';
  if (lang !== 'fi') await initI18n(lang);
  const pkg = packageInfo();
  const lms = pkg ? await startLms(pkg, store, lang) : null;
  render(
    <StoreContext.Provider value={store}>
      <App store={store} lang={lang} pkg={pkg} lms={lms?.link ?? null} />
    </StoreContext.Provider>,
    document.getElementById('app')!,
  );
}

void start();
