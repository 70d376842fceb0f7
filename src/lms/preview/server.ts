/**
 * `npm run lms-preview -- <package.zip>`: a small LMS on localhost for integrators. It launches
 * the package in an iframe with scorm-again as the LMS API (1.2 or 2004, from the manifest), keeps
 * the CMI data between launches (one attempt per package id, version and SCORM version), and shows
 * the live data model, every API call with its error code, and the total time an LMS accumulates.
 * SCORM 1.2 suspend data over 4096 characters is flagged as a failure for strict LMSs. Data posted
 * by a page of another package (an old tab on the same port) is refused.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { keyString, launch, manifestKey, readDataFile, type CmiJson, type DataFile, type PackageKey, type StoredAttempt } from './attempt.ts';
import { packageFileName } from '../packager/package.ts';
import { previewPage } from './page.ts';
import { CONTENT_TYPES } from './mime.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const TYPES = CONTENT_TYPES;

export interface Preview {
  url: string;
  version: '1.2' | '2004';
  /** Package id, version and SCORM version, as `identifier@version/scormX`. */
  key: string;
  dataFile: string;
  server: Server;
  /** The CMI data the LMS holds now (what the last commit stored). */
  cmi: () => CmiJson | null;
  /** The attempt as stored: data, sessions and the total time of the closed sessions. */
  attempt: () => StoredAttempt | null;
  close: () => Promise<void>;
}

const safeName = (text: string) => text.replace(/[^A-Za-z0-9_.@-]/g, '_');

/** The default data file: one per package key, in the system's temporary folder. */
export const defaultDataFile = (key: PackageKey) => join(tmpdir(), `kohtaamo-preview-${safeName(keyString(key))}.json`);

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

export async function startPreview(zipPath: string, options: { port?: number; dataFile?: string } = {}): Promise<Preview> {
  const files = unzipSync(readFileSync(zipPath));
  const manifest = files['imsmanifest.xml'];
  if (!manifest) throw new Error(`${zipPath} has no imsmanifest.xml: not a SCORM package`);
  const manifestText = new TextDecoder().decode(manifest);
  const key = manifestKey(manifestText);
  if (!key) throw new Error('the manifest names neither SCORM 1.2 nor SCORM 2004');
  const version = key.scorm;
  const id = keyString(key);
  const launchPath = /<resource[^>]*\bhref="([^"]+)"/.exec(manifestText)?.[1] ?? 'index.html';
  const title = /<organization\b[^>]*>\s*<title>([^<]*)<\/title>/.exec(manifestText)?.[1] ?? basename(zipPath);
  // Other packages may carry a mastery score; the LMS then hands it to the SCO.
  const mastery = /<adlcp:masteryscore>(\d+)</.exec(manifestText)?.[1];
  const dataFile = options.dataFile ?? defaultDataFile(key);
  const library = readFileSync(join(root, 'node_modules/scorm-again/dist', version === '1.2' ? 'scorm12.min.js' : 'scorm2004.min.js'));

  const notices: string[] = [];
  const read = readDataFile(existsSync(dataFile) ? readFileSync(dataFile, 'utf8') : null);
  if (read.problem) {
    renameSync(dataFile, `${dataFile}.unreadable`);
    notices.push(`The data file ${dataFile} could not be used: ${read.problem}. It was moved to ${dataFile}.unreadable; a new attempt starts.`);
  }
  // Read fresh at every access: another preview (another package) may share the file.
  const current = (): DataFile => readDataFile(existsSync(dataFile) ? readFileSync(dataFile, 'utf8') : null).file;
  const update = (change: (file: DataFile) => DataFile) => writeFileSync(dataFile, JSON.stringify(change(current()), null, 1));
  const attempt = () => current()[id] ?? null;
  const refuse = (res: import('node:http').ServerResponse, from: string | null) => {
    res.writeHead(409, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(
      `Refused: this data comes from ${from ? `package ${from}` : 'a page that names no package'}, but this preview server now serves ${id}. ` +
        'The tab was opened for another package (or an older preview); nothing it sends is stored. Reload the tab.',
    );
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const from = url.searchParams.get('package');
    void (async () => {
      if (path === '/') {
        res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' });
        res.end(previewPage({ title, version, key: id, launch: `/content/${launchPath}`, dataFile, notices }));
      } else if (path === '/scorm-again.js') {
        res.writeHead(200, { 'content-type': TYPES['.js']! });
        res.end(library);
      } else if (path === '/launch' && req.method === 'POST') {
        if (from !== id) return refuse(res, from);
        const started = launch(attempt(), key, mastery ? Number(mastery) : null);
        update((file) => ({ ...file, [id]: started.stored }));
        res.writeHead(200, { 'content-type': TYPES['.json']!, 'cache-control': 'no-store' });
        res.end(JSON.stringify({ cmi: started.cmi, totalSeconds: started.stored.totalSeconds, session: started.stored.sessions }));
      } else if (path === '/cmi' && req.method === 'PUT') {
        const text = await body(req);
        if (from !== id) return refuse(res, from);
        const cmi = JSON.parse(text) as CmiJson;
        update((file) => ({ ...file, [id]: { ...(file[id] ?? { package: key, data: null, totalSeconds: 0, sessions: 1 }), data: cmi } }));
        res.writeHead(204).end();
      } else if (path === '/cmi' && req.method === 'DELETE') {
        if (from !== id) return refuse(res, from);
        update(({ [id]: _dropped, ...others }) => others);
        res.writeHead(204).end();
      } else if (path.startsWith('/content/') && files[path.slice('/content/'.length)]) {
        res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
        res.end(files[path.slice('/content/'.length)]);
      } else {
        res.writeHead(404).end();
      }
    })().catch((error: unknown) => {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Bad request: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    version,
    key: id,
    dataFile,
    server,
    cmi: () => attempt()?.data ?? null,
    attempt,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The zip to preview: a path to a zip, or a course or game id, which names the package
 * `npm run package` wrote for its current version (so examples need no version number).
 */
export function resolvePackage(arg: string, scorm: '1.2' | '2004', base = root): string {
  if (arg.endsWith('.zip')) return arg;
  for (const [folder, meta] of [['courses', 'course.yaml'], ['games', 'game.yaml']] as const) {
    const file = join(base, 'content', folder, arg, meta);
    if (!existsSync(file)) continue;
    const version = /^version:\s*["']?([^"'\s]+)/m.exec(readFileSync(file, 'utf8'))?.[1];
    if (!version) throw new Error(`${file} has no version`);
    const zip = join(base, 'dist/packages', packageFileName(arg, version, scorm));
    if (!existsSync(zip)) throw new Error(`${zip} is not built yet: run npm run package -- ${arg}`);
    return zip;
  }
  throw new Error(`"${arg}" is neither a .zip file nor a course or game id in content/`);
}

const USAGE = `Usage: npm run lms-preview -- <course or game id | package.zip> [--2004] [--port 8123]
  e.g. npm run lms-preview -- avoin-hallinto          (its SCORM 1.2 package in dist/packages/)
       npm run lms-preview -- palvelutiski --2004`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const portAt = args.indexOf('--port');
  const port = portAt >= 0 ? Number(args[portAt + 1]) : 8123;
  const target = args.find((a, i) => !a.startsWith('--') && (portAt < 0 || i !== portAt + 1));
  try {
    if (!target || !Number.isInteger(port)) throw new Error(USAGE);
    const zip = resolvePackage(target, args.includes('--2004') ? '2004' : '1.2');
    startPreview(zip, { port }).then(
      (p) => console.log(`SCORM ${p.version} preview of ${relative(process.cwd(), zip)} (${p.key}): ${p.url}\nCMI data kept in ${p.dataFile}. Ctrl+C stops.`),
      (e: unknown) => {
        console.error(e instanceof Error ? e.message : e);
        process.exit(1);
      },
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
