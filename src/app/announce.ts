/** A polite live region shared by the whole app, for feedback a screen reader should hear. */
let region: HTMLElement | null = null;

export function mountLiveRegion(): void {
  region = document.getElementById('live-region');
}

export function announce(message: string): void {
  if (!region) return;
  // Clearing first makes a repeated message be read again.
  region.textContent = '';
  window.setTimeout(() => {
    if (region) region.textContent = message;
  }, 50);
}
