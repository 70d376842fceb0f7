import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { kohtaamoContent } from './src/content/vite-plugin';

// KOHTAAMO_ONLY=<id>[,<id>] builds a site with only those courses (used for SCORM packages).
const only = (process.env.KOHTAAMO_ONLY ?? '').split(',').filter(Boolean);

export default defineConfig({
  // Relative asset URLs: the site works from any sub-path, inside an LMS or from a zip.
  base: './',
  root: 'src',
  publicDir: '../public',
  plugins: [preact(), kohtaamoContent({ root: import.meta.dirname, only })],
  build: {
    outDir: process.env.KOHTAAMO_OUT_DIR ?? '../dist',
    emptyOutDir: true,
    target: 'es2020',
    assetsInlineLimit: 2048,
    modulePreload: { polyfill: false },
  },
  server: { host: 'localhost', port: 5173 },
  preview: { host: 'localhost', port: 4173 },
});
