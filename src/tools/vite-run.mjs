#!/usr/bin/env node
/**
 * `node src/tools/vite-run.mjs <entry.ts> [args…]` runs a TypeScript entry through Vite's module
 * runner instead of tsx: the question types are found by their folders with `import.meta.glob`,
 * which only Vite understands. The entry sees itself as `process.argv[1]`, as under tsx.
 * An entry runs its work while it is imported (top-level await); a server keeps listening after.
 */
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node src/tools/vite-run.mjs <entry.ts> [args…]');
  process.exit(2);
}
const file = resolve(entry);
process.argv = [process.argv[0], file, ...args];
await runnerImport(file, { configFile: false, logLevel: 'error' });
