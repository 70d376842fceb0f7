/**
 * Registers the generated service worker (src/pwa/vite-plugin.ts) on the site, never in a SCORM
 * package. A new version waits until the learner chooses to update; it is then applied only after
 * every pending write to local storage has finished, and the page reloads under the new version.
 */
import { Workbox } from 'workbox-window';
import { writesSettled } from '../storage/pending-writes';
import { offerUpdate } from './update-state';

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  // Relative to the page: the site may live under any sub-path, and the worker's scope follows it.
  const wb = new Workbox('./sw.js', { scope: './' });
  const offer = () =>
    offerUpdate(async () => {
      await writesSettled();
      // A page opened before any worker was active is not controlled: it reloads on activation.
      let reloaded = false;
      const reload = () => {
        if (reloaded) return;
        reloaded = true;
        location.reload();
      };
      wb.addEventListener('controlling', reload);
      wb.addEventListener('activated', reload);
      wb.messageSkipWaiting();
    });
  wb.addEventListener('waiting', offer);
  // A workshop can keep a tab open all day: look again whenever the tab comes back into view.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void wb.update().catch(() => undefined);
  });
  wb.register()
    .then((registration) => {
      // Registering waits for the first view, and the browser checks for a new version as soon as
      // the page loads: an update already installing by then was found before Workbox listened.
      const installing = registration?.installing;
      if (!installing || !navigator.serviceWorker.controller) return;
      installing.addEventListener('statechange', () => {
        if (installing.state === 'installed' && registration.waiting === installing) offer();
      });
    })
    .catch((error: unknown) => console.warn('service worker not registered', error));
}
