#!/usr/bin/env node
// `npm start`: the site (Vite) and one live workshop server (no Redis) together, for trying live
// mode on this machine. `npm start -- --lan` makes both reachable for phones on the same network
// (the join address and QR code then carry this machine's network address).
import { spawn } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const lan = process.argv.includes('--lan');
const sitePort = Number(process.env.PORT ?? 5173);
const serverPort = Number(process.env.WORKSHOP_PORT ?? 8787);

function lanAddress() {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

const host = lan ? lanAddress() : 'localhost';
if (!host) {
  console.error('--lan: this machine has no network address other than localhost; connect it to the network first.');
  process.exit(1);
}
const siteOrigins = [`http://localhost:${sitePort}`, `http://${host}:${sitePort}`];
const serverUrl = `http://${host}:${serverPort}`;

const children = [];
function run(label, args, env) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code) => {
    console.log(`${label} stopped (${code ?? 'signal'}); stopping the rest.`);
    for (const other of children) if (other !== child) other.kill('SIGTERM');
    process.exitCode = code ?? 0;
  });
  children.push(child);
}

run('Workshop server', [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/workshop-server/main.ts'], {
  WORKSHOP_PORT: String(serverPort),
  WORKSHOP_HOST: lan ? '0.0.0.0' : '127.0.0.1',
  WORKSHOP_ALLOWED_ORIGINS: [...new Set(siteOrigins)].join(','),
});
run('Site', [join(root, 'node_modules/vite/bin/vite.js'), '--open=false', '--port', String(sitePort), '--strictPort', ...(lan ? ['--host', '0.0.0.0'] : [])], {
  VITE_WORKSHOP_SERVER: serverUrl,
});
console.log(`Kohtaamo: http://${host}:${sitePort}/  ·  live workshop server: ${serverUrl}${lan ? '  (reachable on the network)' : ''}`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => children.forEach((c) => c.kill(signal)));
