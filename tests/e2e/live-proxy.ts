/**
 * The site and the workshop server behind one origin, as a reverse proxy serves them in production
 * (README, "Live workshops"): WebSocket upgrades and /rooms go to the workshop server, the rest to
 * the static site. The site is built without VITE_WORKSHOP_SERVER, so it uses its own origin.
 */
import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { serveFolder } from './static-server';

export interface SiteWithWorkshop {
  url: string;
  /** The Wi-Fi drops: every live connection is cut and new ones fail until it is back. */
  setNetworkDown(down: boolean): void;
  close(): Promise<void>;
}

export async function serveSiteWithWorkshop(siteDir: string, prefix: string, workshopUrl: string): Promise<SiteWithWorkshop> {
  const site = await serveFolder(siteDir, prefix);
  const siteOrigin = new URL(site.url);
  const workshop = new URL(workshopUrl);
  const front: Server = createServer((req, res) => {
    const target = req.url === '/rooms' || req.url === '/health' ? workshop : siteOrigin;
    const upstream = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  let down = false;
  const live = new Set<{ destroy(): void }>();
  front.on('upgrade', (req, socket, head) => {
    if (down) return void socket.destroy();
    const upstream = connect(Number(workshop.port), workshop.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    const end = () => (socket.destroy(), upstream.destroy(), live.delete(pair));
    const pair = { destroy: end };
    live.add(pair);
    upstream.on('error', end);
    socket.on('error', end);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const { port } = front.address() as AddressInfo;
  return {
    url: `http://localhost:${port}${prefix}`,
    setNetworkDown(value) {
      down = value;
      if (down) for (const pair of [...live]) pair.destroy();
    },
    close: async () => {
      front.closeAllConnections();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      site.server.closeAllConnections();
      await new Promise<void>((resolve) => site.server.close(() => resolve()));
    },
  };
}
