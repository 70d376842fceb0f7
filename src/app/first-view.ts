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
 * Resolves once the browser is idle after the first view: by then its largest text has been
 * painted, so what loads next cannot hold the first view back.
 */
export function afterFirstViewPainted(): Promise<void> {
  const idle = () =>
    new Promise<void>((resolve) => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 1000 });
      else setTimeout(resolve, 200);
    });
  return firstViewShown.then(idle);
}
