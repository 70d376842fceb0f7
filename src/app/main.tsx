import { render } from 'preact';
import { initI18n } from '../i18n';
import { ProgressStore } from '../storage/progress';
import { StoreContext } from './context';
import { App } from './App';
import './styles.css';

async function start() {
  const store = await ProgressStore.open();
  const profile = await store.getProfile().catch(() => undefined);
  const lang = profile?.lang ?? 'fi';
  await initI18n(lang);
  render(
    <StoreContext.Provider value={store}>
      <App store={store} lang={lang} />
    </StoreContext.Provider>,
    document.getElementById('app')!,
  );
}

void start();
