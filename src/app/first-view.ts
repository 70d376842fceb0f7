/**
 * Resolves when the first view has rendered its heading. Work that the first view does not need
 * (opening local storage) waits for it, so on a slow line the bandwidth goes to the content first.
 */
let resolveShown: () => void = () => undefined;
export const firstViewShown = new Promise<void>((resolve) => (resolveShown = resolve));

export function markViewShown(): void {
  resolveShown();
}

/**
 * Resolves once the first view has been painted and the browser is idle: what loads next cannot
 * hold the first view back. The view is marked shown before its paint (a layout effect), so this
 * waits for the next frame to have been drawn before it looks for idle time.
 */
export function afterFirstViewPainted(): Promise<void> {
  const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const idle = () =>
    new Promise<void>((resolve) => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 1000 });
      else setTimeout(resolve, 200);
    });
  return firstViewShown.then(painted).then(idle);
}
