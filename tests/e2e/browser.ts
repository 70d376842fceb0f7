/** Real headless Chromium (Debian's package) driven by playwright-core, with a fresh profile. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  profile: string;
  close: () => Promise<void>;
}

/**
 * @param profile reuse a profile folder to reopen "the same browser" after closing it
 * @param options.enforceCSP keep the app's Content-Security-Policy in force (no injected scripts then)
 * @param options.firstVisits no service worker: every page load is a first visit
 */
export async function launch(profile = mkdtempSync(join(tmpdir(), 'kohtaamo-profile-')), options: { enforceCSP?: boolean; firstVisits?: boolean } = {}): Promise<Browser> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    // Tests inject axe-core and probes as inline scripts, which the app's CSP (rightly) blocks.
    bypassCSP: !options.enforceCSP,
    serviceWorkers: options.firstVisits ? 'block' : 'allow',
    // Finnish first: the app picks the browser's language, so tests run as a Finnish browser.
    locale: 'fi-FI',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => console.error('page error:', error.message));
  return {
    context,
    page,
    profile,
    close: async () => {
      await context.close();
    },
  };
}

export function removeProfile(profile: string) {
  rmSync(profile, { recursive: true, force: true });
}

/**
 * One browser for a describe block: launched before its tests, closed and its profile removed
 * after. `current` may be replaced (a test that reopens the browser assigns the new one).
 */
export function browserForSuite(options: Parameters<typeof launch>[1] = {}): { current: Browser } {
  const holder = {} as { current: Browser };
  beforeAll(async () => {
    holder.current = await launch(undefined, options);
  });
  afterAll(async () => {
    await holder.current.close();
    removeProfile(holder.current.profile);
  });
  return holder;
}
