/**
 * Where the workshop server is: the build-time setting VITE_WORKSHOP_SERVER (an origin such as
 * https://live.kohtaamo.example.fi), or else the site's own origin (a reverse proxy serves both).
 * The page's Content-Security-Policy allows exactly this origin (see workshop-csp-plugin.ts).
 */
export function workshopServerUrl(): string {
  const configured = (import.meta.env.VITE_WORKSHOP_SERVER as string | undefined)?.trim();
  return configured ? configured.replace(/\/$/, '') : location.origin;
}

/** http → ws, https → wss: the same origin, the WebSocket scheme. */
export function websocketUrl(serverUrl: string): string {
  return serverUrl.replace(/^http/, 'ws');
}
