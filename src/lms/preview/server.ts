/**
 * `npm run lms-preview -- <package.zip>`: a small LMS on localhost for integrators. It launches
 * the package in an iframe with scorm-again as the LMS API (1.2 or 2004, from the manifest), keeps
 * the CMI data between launches, and shows the live data model and every API call with its error
 * code. SCORM 1.2 suspend data over 4096 characters is flagged as a failure for strict LMSs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { previewPage } from './page.ts';
import { CONTENT_TYPES } from './mime.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const TYPES = CONTENT_TYPES;

export interface Preview {
  url: string;
  version: '1.2' | '2004';
  server: Server;
  /** The CMI data the LMS holds now (what the last commit stored). */
  cmi: () => Record<string, unknown> | null;
  close: () => Promise<void>;
}

export async function startPreview(zipPath: string, options: { port?: number; dataFile?: string } = {}): Promise<Preview> {
  const files = unzipSync(readFileSync(zipPath));
  const manifest = files['imsmanifest.xml'];
  if (!manifest) throw new Error(`${zipPath} has no imsmanifest.xml: not a SCORM package`);
  const manifestText = new TextDecoder().decode(manifest);
  const version = /<schemaversion>\s*1\.2\s*<\/schemaversion>/.test(manifestText) ? '1.2' : /2004/.test(manifestText) ? '2004' : null;
  if (!version) throw new Error('the manifest names neither SCORM 1.2 nor SCORM 2004');
  const launch = /<resource[^>]*\bhref="([^"]+)"/.exec(manifestText)?.[1] ?? 'index.html';
  const title = /<title>([^<]*)<\/title>/.exec(manifestText)?.[1] ?? basename(zipPath);
  const mastery = /<adlcp:masteryscore>(\d+)</.exec(manifestText)?.[1];
  const dataFile = options.dataFile ?? join(tmpdir(), `kohtaamo-preview-${basename(zipPath)}.cmi.json`);
  const library = readFileSync(join(root, 'node_modules/scorm-again/dist', version === '1.2' ? 'scorm12.min.js' : 'scorm2004.min.js'));
  const readCmi = () => (existsSync(dataFile) ? (JSON.parse(readFileSync(dataFile, 'utf8')) as Record<string, unknown>) : null);

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    if (path === '/') {
      res.writeHead(200, { 'content-type': TYPES['.html']! });
      res.end(previewPage({ title, version, launch: `/content/${launch}`, mastery: mastery ? Number(mastery) : null }));
    } else if (path === '/scorm-again.js') {
      res.writeHead(200, { 'content-type': TYPES['.js']! });
      res.end(library);
    } else if (path === '/cmi' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': TYPES['.json']! });
      res.end(JSON.stringify(readCmi()));
    } else if (path === '/cmi' && req.method === 'PUT') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        writeFileSync(dataFile, body);
        res.writeHead(204).end();
      });
    } else if (path === '/cmi' && req.method === 'DELETE') {
      writeFileSync(dataFile, 'null');
      res.writeHead(204).end();
    } else if (path.startsWith('/content/') && files[path.slice('/content/'.length)]) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(files[path.slice('/content/'.length)]);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    version,
    server,
    cmi: readCmi,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const zip = args.find((a) => a.endsWith('.zip'));
  const port = Number(args[args.indexOf('--port') + 1]) || 8123;
  if (!zip) {
    console.error('Usage: npm run lms-preview -- dist/packages/<id>-<version>-scorm12.zip [--port 8123]');
    process.exit(1);
  }
  startPreview(zip, { port }).then(
    (p) => console.log(`SCORM ${p.version} preview of ${zip}: ${p.url}\nCMI data kept in ${join(tmpdir(), `kohtaamo-preview-${basename(zip)}.cmi.json`)}. Ctrl+C stops.`),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
