#!/usr/bin/env node
// The one test command (`npm test`): type check, unit tests and browser tests in real Chromium.
// Ends with the line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const run = (cmd, args, extra = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env, ...extra });

function ensureChromium() {
  if (existsSync(chromium)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`Chromium is needed for the browser tests and is missing (${chromium}).
Install Debian's package, then run the tests again:
  sudo apt-get update && sudo apt-get install -y chromium
(or set CHROMIUM_PATH to another Chromium binary).`);
    process.exit(1);
  }
  console.log('Installing Debian chromium for the browser tests…');
  const update = run('apt-get', ['update']);
  const install = update.status === 0 ? run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']) : update;
  if (install.status !== 0 || !existsSync(chromium)) {
    console.error('Could not install chromium with apt-get. Install it by hand: apt-get install -y chromium');
    process.exit(1);
  }
}

ensureChromium();

let passed = 0;
let failed = 0;

console.log('\n== Type check (tsc, strict) ==');
const tsc = run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.']);
if (tsc.status === 0) passed++;
else failed++;

console.log('\n== Unit and browser tests (Vitest) ==');
const outDir = join(root, 'tests/.output');
mkdirSync(outDir, { recursive: true });
const report = join(outDir, 'vitest.json');
rmSync(report, { force: true });
const vitest = run(process.execPath, [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests + countFilesFailedWithoutTests(results);
} else {
  failed++;
}
if (vitest.status !== 0 && failed === 0) failed++; // a crash that left no failing test behind

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

// A test file that failed with no failing test in it (it did not load, a hook threw) counts once;
// a file that failed because of its tests is already counted through them.
function countFilesFailedWithoutTests(results) {
  return results.testResults.filter((s) => s.status === 'failed' && !s.assertionResults.some((a) => a.status === 'failed')).length;
}
