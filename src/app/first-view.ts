/**
 * Resolves when the first view has rendered its heading. Work that the first view does not need
 * (opening local storage) waits for it, so on a slow line the bandwidth goes to the content first.
 */
let resolveShown: () => void = () => undefined;
export const firstViewShown = new Promise<void>((resolve) => (resolveShown = resolve));

export function markViewShown(): void {
  resolveShown();
}
