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

// Debian packages the tests need: the browser, xmllint for the SCORM manifests, Redis for the
// multi-instance workshop test. Installed with apt-get when run as root, as on a fresh CI machine.
const debianNeeds = [
  { pkg: 'chromium', present: () => existsSync(chromium), why: 'the browser tests' },
  { pkg: 'libxml2-utils', present: () => onPath('xmllint'), why: 'validating SCORM manifests (xmllint)' },
  { pkg: 'redis-server', present: () => onPath('redis-server'), why: 'the multi-instance workshop server test' },
];

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function ensureDebianPackages() {
  const missing = debianNeeds.filter((need) => !need.present());
  if (missing.length === 0) return;
  const names = missing.map((need) => need.pkg).join(' ');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`These Debian packages are needed by the tests and are missing:
${missing.map((need) => `  ${need.pkg}: ${need.why}`).join('\n')}
Install them, then run the tests again:
  sudo apt-get update && sudo apt-get install -y ${names}
(or set CHROMIUM_PATH to another Chromium binary).`);
    process.exit(1);
  }
  console.log(`Installing Debian packages for the tests: ${names}…`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = run('apt-get', ['update', '-qq'], { env: aptEnv });
  const install = update.status === 0 ? run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing.map((need) => need.pkg)], { env: aptEnv }) : update;
  const stillMissing = debianNeeds.filter((need) => !need.present());
  if (install.status !== 0 || stillMissing.length > 0) {
    console.error(`Could not install with apt-get: ${stillMissing.map((need) => need.pkg).join(' ')}. Install by hand: apt-get install -y ${names}`);
    process.exit(1);
  }
}

ensureDebianPackages();

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
