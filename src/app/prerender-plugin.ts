/**
 * Build step (site builds only): the catalogue, rendered at build time in each UI language
 * (prerender.tsx), goes into index.html as one `<template>` per language. A small inline script
 * after `#app` puts the learner's language in place when the route is the catalogue, so the first
 * paint needs no JavaScript round trip; the app hydrates it when its code has arrived.
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
import { PRERENDERED_ATTRIBUTE } from './prerendered.ts';
import { LANGUAGE_KEY } from './language-memory.ts';

const templateId = (lang: string) => `prerendered-${lang}`;

/**
 * Runs in the page right after #app (serialised with toString: nothing from outside its body but
 * the page's globals). Copies the chosen language's catalogue into #app. Until the app has taken
 * it over (it then removes the mark on #app), the skip link and the language buttons work on their
 * own: a language chosen this early is saved and shown, and the app starts in it.
 */
export function showPrerendered(attribute: string, languageKey: string): void {
  const root = document.documentElement;
  const app = document.getElementById('app');
  const show = (lang: string | null): boolean => {
    const template = lang ? (document.getElementById('prerendered-' + lang) as HTMLTemplateElement | null) : null;
    if (!app || !lang || !template) return false;
    app.replaceChildren(template.content.cloneNode(true));
    app.setAttribute(attribute, lang);
    root.setAttribute(attribute, lang);
    root.lang = lang;
    return true;
  };
  if (!show(root.getAttribute(attribute))) {
    root.removeAttribute(attribute);
    return;
  }
  app!.addEventListener('click', (event) => {
    if (!app!.hasAttribute(attribute)) return; // the app has taken over
    const target = event.target as Element;
    if (target.closest('.skip-link')) {
      event.preventDefault();
      document.getElementById('main')?.focus();
      return;
    }
    const button = target.closest('.language-switch button[lang]');
    const lang = button?.getAttribute('lang');
    if (!lang || lang === app!.getAttribute(attribute)) return;
    try {
      localStorage.setItem(languageKey, lang);
    } catch {
      // not kept: the page still shows it; the app starts in the language it chooses
    }
    if (show(lang)) app!.querySelector<HTMLElement>('.language-switch button[lang="' + lang + '"]')?.focus();
  });
}

export const SHOW_SCRIPT = `(${showPrerendered.toString()})(${JSON.stringify(PRERENDERED_ATTRIBUTE)},${JSON.stringify(LANGUAGE_KEY)})`;

async function renderCatalogues(root: string): Promise<Record<Lang, string>> {
  const entry = fileURLToPath(new URL('./prerender.tsx', import.meta.url));
  const { module } = await runnerImport<typeof import('./prerender.tsx')>(entry, {
    configFile: false,
    logLevel: 'error',
    root,
    define: { 'import.meta.env.KOHTAAMO_PACKAGE_BUILD': 'false' },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [kohtaamoStrings(), kohtaamoContent({ root })],
  });
  return module.catalogues;
}

export function catalogueInHtml({ root }: { root: string }): Plugin {
  return {
    name: 'kohtaamo-prerendered-catalogue',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        const catalogues = await renderCatalogues(root);
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
