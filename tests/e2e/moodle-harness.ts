/**
 * A small LMS for browser tests that holds packages to Moodle's rules: scorm-again keeps the data
 * model, and every SetValue is first checked with Moodle's data model (src/lms/moodle-datamodel.ts,
 * loaded into the page as it is): a value Moodle would refuse is refused here too and recorded.
 * Every API call is posted to the server as it happens (keepalive, numbered), so the call log
 * survives the LMS page itself being left or closed.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { unzipSync } from 'fflate';
import ts from 'typescript';
import { CONTENT_TYPES } from '../../src/lms/preview/mime';

const root = join(import.meta.dirname, '../..');

export interface LoggedCall {
  seq: number;
  call: string;
  element?: string;
  value?: string;
  result: string;
  /** Why Moodle would refuse this SetValue (it was refused). */
  mismatch?: string;
}

export interface Harness {
  url: string;
  /** The calls the package made, in order. */
  calls: () => LoggedCall[];
  /** What the LMS stored at the last successful Commit/Terminate. */
  stored: () => Record<string, any> | null;
  close: () => Promise<void>;
}

export async function startHarness(zipPath: string, cmi: object): Promise<Harness> {
  const files = unzipSync(readFileSync(zipPath));
  const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
  const version = /<schemaversion>\s*1\.2\s*<\/schemaversion>/.test(manifest) ? '1.2' : '2004';
  const library = readFileSync(join(root, 'node_modules/scorm-again/dist', version === '1.2' ? 'scorm12.min.js' : 'scorm2004.min.js'));
  const rules = ts.transpileModule(readFileSync(join(root, 'src/lms/moodle-datamodel.ts'), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  const calls: LoggedCall[] = [];
  let stored: Record<string, any> | null = null;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (req.method === 'POST') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (path === '/log') calls.push(JSON.parse(body) as LoggedCall);
        if (path === '/stored') stored = JSON.parse(body) as Record<string, any>;
        res.writeHead(204).end();
      });
      return;
    }
    const send = (type: string, body: string | Uint8Array) => res.writeHead(200, { 'content-type': type }).end(body);
    if (path === '/') send(CONTENT_TYPES['.html']!, page(version, cmi));
    else if (path === '/scorm-again.js') send(CONTENT_TYPES['.js']!, library);
    else if (path === '/moodle-datamodel.js') send(CONTENT_TYPES['.js']!, rules);
    else if (path === '/elsewhere') send(CONTENT_TYPES['.html']!, '<!doctype html><title>Elsewhere</title><h1>Elsewhere</h1>');
    else if (path.startsWith('/content/') && files[path.slice(9)]) send(CONTENT_TYPES[extname(path)] ?? 'application/octet-stream', files[path.slice(9)]!);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    calls: () => [...calls].sort((a, b) => a.seq - b.seq),
    stored: () => stored,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function page(version: '1.2' | '2004', cmi: object): string {
  const config = JSON.stringify({ version, cmi }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Moodle-rule LMS</title></head>
<body style="margin:0">
<iframe id="sco" title="Course" style="width:100%;height:95vh;border:0"></iframe>
<script src="/scorm-again.js"></script>
<script type="module">
import { MoodleDataModel } from '/moodle-datamodel.js';
const { version, cmi } = ${config};
const is12 = version === '1.2';
const api = is12 ? new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 }) : new Scorm2004API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
api.loadFromJSON(cmi, 'cmi');
const model = new MoodleDataModel(version);
let seq = 0;
let refusal = '';
const post = (path, body) => fetch(path, { method: 'POST', body: JSON.stringify(body), keepalive: true });
const names = is12
  ? ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']
  : ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'];
const facade = {};
for (const name of names) {
  facade[name] = (...args) => {
    if (/LastError$/.test(name) && refusal) return refusal;
    if (/LastError$|ErrorString$|Diagnostic$/.test(name)) return api[name](...args);
    refusal = '';
    const call = name.replace(/^LMS/, '').replace('Finish', 'Terminate');
    const entry = { seq: ++seq, call };
    if (/Value$/.test(name)) entry.element = args[0];
    let result;
    if (/SetValue$/.test(name)) {
      entry.value = String(args[1]).slice(0, 200);
      const wrong = model.check(String(args[0]), String(args[1]));
      if (wrong) {
        entry.mismatch = wrong;
        refusal = is12 ? '405' : '406';
        result = 'false';
      }
    }
    if (result === undefined) result = String(api[name](...args));
    entry.result = result;
    post('/log', entry);
    if (/Commit$|Finish$|Terminate$/.test(name) && result === 'true') post('/stored', api.renderCMIToJSONObject());
    return result;
  };
}
window[is12 ? 'API' : 'API_1484_11'] = facade;
window.lmsApi = api;
document.getElementById('sco').src = '/content/index.html';
</script>
</body></html>
`;
}
