/**
 * The UI strings load in parts (src/i18n/string-parts.ts). These tests read the code the first
 * views run and fail when it uses a string its parts do not hold: such a string would show as a
 * raw key until the rest of the strings arrived.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAMED_PARTS, STRING_PARTS, splitStrings, type StringPart } from '../../src/i18n/string-parts';

const root = join(import.meta.dirname, '../..');
const locale = (lang: string) => JSON.parse(readFileSync(join(root, `src/i18n/locales/${lang}.json`), 'utf8')) as Record<string, unknown>;
const sections = Object.keys(locale('fi'));

/** The files an `import.meta.glob` pattern with one `*` for a folder names (the question types' registries use them). */
function globbed(file: string, pattern: string): string[] {
  const [before, after] = pattern.split('/*/');
  const folder = resolve(dirname(file), before!);
  return readdirSync(folder, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `${before}/${d.name}/${after}`);
}

/** The source files a module reaches by import (type-only imports aside), globs included; dynamic ones when asked. */
function reach(entries: string[], { dynamic, skip = new Set<string>() }: { dynamic: boolean; skip?: Set<string> }): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || skip.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)].map((m) => m[1]!);
    for (const m of source.matchAll(/\bimport\.meta\.glob[^(]*\(\s*['"](\.[^'"]+\/\*\/[^'"]+)['"]/g)) specifiers.push(...globbed(file, m[1]!));
    if (dynamic) specifiers.push(...[...source.matchAll(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) => m[1]!));
    for (const specifier of specifiers) {
      const base = resolve(dirname(file), specifier);
      const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => /\.tsx?$/.test(p) && existsSync(p));
      if (found) visit(found);
    }
  };
  for (const entry of entries) visit(join(root, entry));
  return seen;
}

/** UI string keys named in the code: whole keys ('course.title') and section prefixes (`status.${…}`). */
function keysUsed(files: Set<string>): { key: string; file: string }[] {
  const used: { key: string; file: string }[] = [];
  for (const file of files) {
    if (file.endsWith('string-parts.ts')) continue; // the lists themselves, not a use
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/['"`]([a-zA-Z0-9]+)\.([a-zA-Z][\w.-]*|\$\{)/g)) {
      if (!sections.includes(m[1]!)) continue;
      used.push({ key: m[2] === '${' ? m[1]! : `${m[1]}.${m[2]}`, file: relative(root, file) });
    }
  }
  return used;
}

const covers = (parts: StringPart[], key: string) =>
  parts.some((part) => part !== 'more' && NAMED_PARTS[part].some((entry: string) => key === entry || key.startsWith(`${entry}.`)));

describe('UI strings in parts', () => {
  for (const lang of ['fi', 'sv', 'en']) {
    it(`${lang}: the parts together hold every string exactly once`, () => {
      const strings = locale(lang);
      const split = splitStrings(strings);
      expect(Object.keys(split).sort()).toEqual([...STRING_PARTS].sort());
      const merged: Record<string, Record<string, unknown>> = {};
      let count = 0;
      for (const part of STRING_PARTS) {
        for (const [section, value] of Object.entries(split[part])) {
          for (const [key, text] of Object.entries(value as Record<string, unknown>)) {
            expect(merged[section]?.[key], `${section}.${key} in two parts`).toBeUndefined();
            (merged[section] ??= {})[key] = text;
            count++;
          }
        }
      }
      expect(merged).toEqual(strings);
      expect(count).toBe(Object.values(strings).reduce<number>((n, s) => n + Object.keys(s as object).length, 0));
    });
  }

  it('names only sections and keys that exist', () => {
    expect(() => splitStrings({ app: { name: 'x' } })).toThrow(/no section "nav"/);
    const fi = locale('fi');
    for (const entry of Object.values(NAMED_PARTS).flat()) {
      const [section, key] = entry.split('.');
      expect(fi[section!], entry).toBeDefined();
      if (key) expect(Object.keys(fi[section!] as object).some((k) => k === key || k.startsWith(`${key}_`)), entry).toBe(true);
    }
  });

  // The shell: the app's own code (no view it loads later), storage and the update prompt, which may speak before any view.
  const shellFiles = reach(['src/app/main.tsx', 'src/storage/progress.ts', 'src/pwa/register.ts'], { dynamic: false });
  // A rewrite exercise's checker hints load every string before they show (checked below).
  const writingHints = join(root, 'src/course/questions/types/rewrite/WritingHints.tsx');
  const courseFiles = reach(['src/course/CourseView.tsx'], { dynamic: true, skip: new Set([...shellFiles, writingHints]) });

  const joinFiles = reach(['src/live/JoinView.tsx'], { dynamic: true, skip: shellFiles });

  it("a rewrite exercise loads all strings with the checker's hints", () => {
    const view = readFileSync(join(root, 'src/course/questions/types/rewrite/view.tsx'), 'utf8');
    expect(view).toMatch(/Promise\.all\(\[import\('\.\/WritingHints'\)[^\]]*loadStrings\(/);
  });

  it('the catalogue and the app around every view use only strings of the shell part', () => {
    expect(shellFiles.size).toBeGreaterThan(10);
    const missing = keysUsed(shellFiles).filter(({ key }) => !covers(['shell'], key));
    expect(missing).toEqual([]);
  });

  it('a course view uses only strings of the shell and course parts', () => {
    expect([...courseFiles].some((f) => f.endsWith('FinalTest.tsx'))).toBe(true);
    expect([...courseFiles].some((f) => f.endsWith('types/matching/view.tsx')), 'the question types found through their registry').toBe(true);
    const missing = keysUsed(courseFiles).filter(({ key }) => !covers(['shell', 'course'], key));
    expect(missing).toEqual([]);
  });

  it("a participant's join view uses only strings of the shell and join parts", () => {
    expect([...joinFiles].some((f) => f.endsWith('participant-client.ts'))).toBe(true);
    const missing = keysUsed(joinFiles).filter(({ key }) => !covers(['shell', 'join'], key));
    expect(missing).toEqual([]);
  });
});
