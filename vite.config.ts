/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { kohtaamoContent } from './src/content/vite-plugin.ts';
import { firstViewHints } from './src/app/first-view-hints-plugin.ts';
import { prerenderedViews } from './src/app/prerender-plugin.ts';
import { LANGUAGES } from './src/content/constants.ts';
import { workshopCsp } from './src/live/workshop-csp-plugin.ts';
import { kohtaamoPwa } from './src/pwa/vite-plugin.ts';
import { kohtaamoStrings } from './src/i18n/strings-plugin.ts';

// KOHTAAMO_ONLY=<id>[,<id>] builds a site with only those courses (used for SCORM packages).
const only = (process.env.KOHTAAMO_ONLY ?? '').split(',').filter(Boolean);
const contentRoot = process.env.KOHTAAMO_CONTENT_ROOT ?? import.meta.dirname;
// The site's index.html holds the catalogue, drawn at build time; a package opens on its course.
const site = only.length === 0;

// What every first view needs beside the entry: Preact, i18next, Vite's preload helper, the UI
// strings' loader and the small modules several views share. One file, not six: on a slow phone
// each request is a round trip.
const APP_SHARED = [
  /[\\/]node_modules[\\/](preact|i18next)[\\/]/,
  /vite[\\/]preload-helper/,
  /virtual:kohtaamo\/strings$/,
  /[\\/]src[\\/](i18n[\\/](index|string-parts)|content[\\/]constants|app[\\/]useContent|course[\\/]completion|storage[\\/]pending-writes)\./,
];

export default defineConfig({
  // Relative asset URLs: the site works from any sub-path, inside an LMS or from a zip.
  base: './',
  // A SCORM package's build leaves out the service worker's registration entirely.
  define: { 'import.meta.env.KOHTAAMO_PACKAGE_BUILD': JSON.stringify(only.length > 0) },
  root: 'src',
  publicDir: '../public',
  // Unit tests import the content pipeline directly; the browser tests build the real site.
  plugins: [
    preact(),
    kohtaamoStrings({ whole: only.length > 0 }),
    ...(process.env.VITEST
      ? []
      : [
          kohtaamoContent({ root: contentRoot, only }),
          ...(site ? [prerenderedViews({ root: contentRoot })] : []),
          firstViewHints({ prerendered: site ? LANGUAGES : [] }),
          workshopCsp(),
          ...kohtaamoPwa({ packageBuild: !site }),
        ]),
  ],
  build: {
    outDir: process.env.KOHTAAMO_OUT_DIR ?? '../dist',
    emptyOutDir: true,
    target: 'es2020',
    assetsInlineLimit: 2048,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Shared modules travel as few chunks: everything every first view needs (APP_SHARED), and the
        // course screens' shared parts (completion summary, navigation, practice cards).
        codeSplitting: {
          groups: [
            { name: 'app-shared', test: (id: string) => APP_SHARED.some((pattern) => pattern.test(id)), includeDependenciesRecursively: false },
            { name: 'course-shared', test: /[\\/]src[\\/](course[\\/](CompletionSummary|navigation|typography)|practices[\\/]PracticeCardView)/, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  // The app lives in src/, the content (and its images) beside it.
  server: { host: 'localhost', port: 5173, fs: { allow: [import.meta.dirname] } },
  preview: { host: 'localhost', port: 4173 },
  test: {
    root: import.meta.dirname,
    projects: [
      // Generous timeouts: they only catch a hang; speed is measured by `npm run bench`, never by tests.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 180_000 } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A poll waits for the page; on a busy CI machine one second (the default) is not always enough.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
