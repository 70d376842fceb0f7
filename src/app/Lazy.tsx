/** Loads a view's code only when the view is first shown (route-level code splitting). */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';

/** Modules loaded ahead with preloadView: a view drawn at build time, and its hydration, show them at once. */
const preloaded = new WeakMap<() => Promise<unknown>, unknown>();

export async function preloadView<M>(load: () => Promise<M>): Promise<void> {
  preloaded.set(load, await load());
}

export function Lazy<M>({ load, render }: { load: () => Promise<M>; render: (module: M) => ComponentChildren }) {
  const [module, setModule] = useState<M | null>(() => (preloaded.get(load) as M | undefined) ?? null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (module) return;
    let cancelled = false;
    load().then(
      (m) => !cancelled && setModule(() => m),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [load]);
  if (failed) return <LoadFailed />;
  return module ? <>{render(module)}</> : <p role="status">{t('app.loading')}</p>;
}

/** A view's code or strings did not arrive (offline before the app was cached, say): offer a reload. */
export function LoadFailed() {
  return (
    <p class="notice notice-error" role="alert">
      {t('app.loadFailed')}{' '}
      <button type="button" class="link" onClick={() => location.reload()}>
        {t('storage.reload')}
      </button>
    </p>
  );
}
