/**
 * Build step: lets the page connect to the live workshop server and to nothing else. With
 * VITE_WORKSHOP_SERVER set (an origin), `connect-src` gets that origin in its http(s) and ws(s)
 * forms; without it the server is the site's own origin, which 'self' already covers.
 */
import type { Plugin } from 'vite';

export function workshopOrigin(setting: string | undefined): string | null {
  const text = setting?.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`VITE_WORKSHOP_SERVER=${text}: expected an origin like https://live.kohtaamo.example.fi`);
  }
  if (!/^https?:$/.test(url.protocol) || url.origin !== text.replace(/\/$/, '')) {
    throw new Error(`VITE_WORKSHOP_SERVER=${text}: expected an origin like https://live.kohtaamo.example.fi (no path)`);
  }
  return url.origin;
}

export function connectSources(origin: string | null): string {
  if (!origin) return "connect-src 'self'";
  return `connect-src 'self' ${origin} ${origin.replace(/^http/, 'ws')}`;
}

export function workshopCsp(setting: string | undefined = process.env.VITE_WORKSHOP_SERVER): Plugin {
  const origin = workshopOrigin(setting);
  return {
    name: 'kohtaamo-workshop-csp',
    transformIndexHtml(html) {
      if (!html.includes("connect-src 'self'")) throw new Error("index.html: the Content-Security-Policy must have connect-src 'self'");
      return html.replace("connect-src 'self'", connectSources(origin));
    },
  };
}
