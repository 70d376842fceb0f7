/** Builds the real site once and serves it under a sub-path for every browser test. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveFolder } from './static-server';

const root = join(import.meta.dirname, '../..');
export const siteDir = join(root, 'tests/.output/site');

export default async function setup(project: TestProject) {
  const env: NodeJS.ProcessEnv = { ...process.env, KOHTAAMO_OUT_DIR: siteDir };
  delete env.VITEST; // the real build, with the content plugin
  delete env.NODE_ENV; // and a production build (Vitest sets NODE_ENV=test)
  const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('vite build failed for the browser tests');
  // A deep sub-path proves relative URLs: the site must not assume it lives at /.
  const { url, server } = await serveFolder(siteDir, '/lms/content/kohtaamo/');
  project.provide('siteUrl', url);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}
