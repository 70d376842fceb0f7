/**
 * Build step (site builds only): the catalogue and the course views, rendered at build time in each
 * UI language (prerender.tsx). The catalogue goes into index.html as one `<template>` per language;
 * a small inline script after `#app` puts the learner's language in place when the route is the
 * catalogue. Each course intro and page is a file, `pages/<lang>/<course>[/<module>/<page>].html`,
 * that the hint script fetches for its route. Either way the first paint needs no JavaScript round
 * trip; the app hydrates the markup when its code has arrived.
 *
 * Which language: the first-view hint script in the head decides it (first-view-hints.ts) and marks
 * it on `<html data-prerendered>`; the script after #app copies that template in.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';
import { LANGUAGES, type Lang } from '../content/constants.ts';
import { kohtaamoContent } from '../content/vite-plugin.ts';
import { kohtaamoStrings } from '../i18n/strings-plugin.ts';
import { PRERENDERED_ATTRIBUTE, PRERENDERED_ROUTE_ATTRIBUTE } from './prerendered.ts';

const templateId = (lang: string) => `prerendered-${lang}`;

/**
 * Runs in the page right after #app (serialised with toString: nothing from outside its body but
 * the page's globals): copies the catalogue in the language the hint script chose into #app.
 */
export function showPrerendered(attribute: string, routeAttribute: string): void {
  const root = document.documentElement;
  const lang = root.getAttribute(attribute);
  const app = document.getElementById('app');
  const template = lang ? (document.getElementById('prerendered-' + lang) as HTMLTemplateElement | null) : null;
  if (!lang || !app || !template || app.firstChild) return root.removeAttribute(attribute);
  app.appendChild(template.content.cloneNode(true));
  app.setAttribute(attribute, lang);
  app.setAttribute(routeAttribute, location.hash);
  root.lang = lang;
}

export const SHOW_SCRIPT = `(${showPrerendered.toString()})(${JSON.stringify(PRERENDERED_ATTRIBUTE)},${JSON.stringify(PRERENDERED_ROUTE_ATTRIBUTE)})`;

async function renderViews(root: string): Promise<{ catalogues: Record<Lang, string>; pages: Record<string, string> }> {
  const entry = fileURLToPath(new URL('./prerender.tsx', import.meta.url));
  const { module } = await runnerImport<typeof import('./prerender.tsx')>(entry, {
    configFile: false,
    logLevel: 'error',
    root,
    define: { 'import.meta.env.KOHTAAMO_PACKAGE_BUILD': 'false' },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [kohtaamoStrings(), kohtaamoContent({ root })],
  });
  return { catalogues: module.catalogues, pages: module.pages };
}

export function prerenderedViews({ root }: { root: string }): Plugin {
  let views: ReturnType<typeof renderViews> | null = null;
  return {
    name: 'kohtaamo-prerendered-views',
    apply: 'build',
    buildStart() {
      views = renderViews(root);
      views.catch(() => undefined); // reported where awaited
    },
    async generateBundle() {
      for (const [fileName, source] of Object.entries((await views!).pages)) this.emitFile({ type: 'asset', fileName, source });
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        const { catalogues } = await views!;
        const templates = LANGUAGES.map((lang) => `<template id="${templateId(lang)}">${catalogues[lang]}</template>`).join('\n    ');
        const hash = createHash('sha256').update(SHOW_SCRIPT).digest('base64');
        if (!html.includes("script-src 'self'")) throw new Error("index.html: the Content-Security-Policy must have script-src 'self'");
        const app = '<div id="app"></div>';
        if (!html.includes(app)) throw new Error(`index.html: no ${app} to put the prerendered catalogue after`);
        return html
          .replace("script-src 'self'", `script-src 'self' 'sha256-${hash}'`)
          .replace(app, `${app}\n    ${templates}\n    <script>${SHOW_SCRIPT}</script>`);
      },
    },
  };
}
