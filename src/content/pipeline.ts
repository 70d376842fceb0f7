/** What the Vite plugin needs of the content pipeline, loaded through Vite's module runner (see vite-plugin.ts). */
export { buildContent } from './build-content.ts';
export { coverage, coverageTable } from './coverage.ts';
