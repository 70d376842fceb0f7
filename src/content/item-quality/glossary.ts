/**
 * The terminology glossary (content/glossary.yaml) applied to every learner-facing file: each
 * forbidden variant found is reported with its line and the preferred term.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { LANGUAGES, text, type Lang } from '../schema.ts';
import type { ProblemList } from '../problems.ts';
import { check, lineOf, parseYaml } from '../yaml-source.ts';
import type { Finding } from './finding.ts';

const perLangList = z.strictObject({ fi: z.array(text).optional(), sv: z.array(text).optional(), en: z.array(text).optional() });

export const glossarySchema = z.strictObject({
  terms: z.array(
    z.strictObject({
      concept: text,
      preferred: z.strictObject({ fi: text.optional(), sv: text.optional(), en: text.optional() }),
      forbidden: perLangList,
      /** Phrases in which a forbidden variant is right (a proper name that contains it). */
      allowed: perLangList.optional(),
      note: text.optional(),
    }),
  ),
});

interface Rule {
  lang: Lang;
  variant: string;
  pattern: RegExp;
  preferred: string;
  /** Where the preferred term or an allowed phrase occurs, a variant inside it is fine. */
  excused: RegExp[];
  glossaryLine: number;
}

/** "selkokeskus*" → whole-word, case-insensitive; `*` = any word ending; spaces = any white space. */
export function termPattern(term: string, flags = 'giu'): RegExp {
  const body = term
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]").replace(/\*/g, '[\\p{L}\\p{N}]*'))
    .join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}-])${body}(?![\\p{L}\\p{N}])`, flags);
}

export function loadGlossary(root: string, problems: ProblemList): Rule[] {
  const path = join(root, 'content', 'glossary.yaml');
  if (!existsSync(path)) return [];
  const src = parseYaml(relative(root, path), readFileSync(path, 'utf8'), 1, problems);
  const glossary = src && check(glossarySchema, src, [], '', problems);
  if (!src || !glossary) return [];
  return glossary.terms.flatMap((term, i) =>
    LANGUAGES.flatMap((lang) =>
      (term.forbidden[lang] ?? []).map((variant) => {
        const preferred = term.preferred[lang] ?? '';
        return {
          lang,
          variant,
          pattern: termPattern(variant),
          preferred,
          excused: [...(preferred ? [preferred.replace(/\b(LL-Center)\b/, '$1*')] : []), ...(term.allowed?.[lang] ?? [])].map((t) => termPattern(t)),
          glossaryLine: lineOf(src, ['terms', i]),
        };
      }),
    ),
  );
}

export interface ScannedFile {
  path: string;
  kind: Finding['kind'];
  owner: string;
  /** The language of the whole file; null for files with every language in them. */
  lang: Lang | null;
}

/** Learner-facing files: module pages, questions, scenes, course.yaml, game.yaml and cards. */
export function contentFiles(root: string): ScannedFile[] {
  const out: ScannedFile[] = [];
  const dirs = (path: string) => (existsSync(path) ? readdirSync(path).sort().filter((n) => statSync(join(path, n)).isDirectory()) : []);
  for (const kind of ['courses', 'games'] as const) {
    for (const id of dirs(join(root, 'content', kind))) {
      const base = join(root, 'content', kind, id);
      for (const meta of ['course.yaml', 'game.yaml']) if (existsSync(join(base, meta))) out.push({ path: join(base, meta), kind, owner: id, lang: null });
      for (const folder of [...LANGUAGES, 'selko']) {
        const dir = join(base, folder);
        if (!existsSync(dir)) continue;
        for (const name of readdirSync(dir).sort()) {
          if (/\.(md|yaml)$/.test(name)) out.push({ path: join(dir, name), kind, owner: id, lang: folder === 'selko' ? 'fi' : (folder as Lang) });
        }
      }
    }
  }
  const practices = join(root, 'content', 'practices');
  if (existsSync(practices)) {
    for (const name of readdirSync(practices).sort()) {
      if (name.endsWith('.yaml')) out.push({ path: join(practices, name), kind: 'practices', owner: name.slice(0, -5), lang: null });
    }
  }
  return out;
}

/**
 * The language of each line of a file with every language in it (`fi:`, `sv:` and `en:` keys):
 * a line belongs to the nearest key above it that is less indented; null where none is.
 * The `sources:` field of a card names documents, not learner text, and is skipped.
 */
function lineLanguages(lines: string[]): (Lang | 'skip' | null)[] {
  const stack: { indent: number; lang: Lang | 'skip' | null }[] = [];
  return lines.map((line) => {
    if (!line.trim()) return stack.at(-1)?.lang ?? null;
    const indent = line.length - line.trimStart().length;
    while (stack.length > 0 && stack.at(-1)!.indent >= indent) stack.pop();
    const key = /^\s*(?:-\s+)?([a-zA-Z]+):/.exec(line)?.[1];
    const inherited = stack.at(-1)?.lang ?? null;
    const own = key === 'fi' || key === 'sv' || key === 'en' ? key : key === 'sources' ? 'skip' : inherited;
    if (key) stack.push({ indent, lang: own });
    return own;
  });
}

export function glossaryFindings(root: string, rules: Rule[], files: ScannedFile[]): Finding[] {
  const findings: Finding[] = [];
  for (const file of files) {
    const text = readFileSync(file.path, 'utf8');
    const candidates = rules.filter((rule) => new RegExp(rule.pattern.source, 'iu').test(text));
    if (candidates.length === 0) continue;
    const lines = text.split('\n');
    const languages = file.lang ? lines.map(() => file.lang) : lineLanguages(lines);
    lines.forEach((raw, i) => {
      const lang = languages[i];
      const line = raw.replace(/(https?:\/\/|mailto:)\S+/g, (url) => ' '.repeat(url.length)); // addresses are not prose
      if (lang === 'skip') return;
      for (const rule of candidates) {
        if (lang && rule.lang !== lang) continue;
        for (const match of line.matchAll(rule.pattern)) {
          const start = match.index;
          const excused = rule.excused.some((re) => [...line.matchAll(re)].some((p) => p.index <= start && start < p.index + p[0].length));
          if (excused) continue;
          findings.push({
            kind: file.kind,
            owner: file.owner,
            file: relative(root, file.path),
            line: i + 1,
            field: 'terminology',
            message: `"${match[0]}" (${rule.lang}): write "${rule.preferred}" (content/glossary.yaml:${rule.glossaryLine})`,
          });
        }
      }
    });
  }
  return findings;
}
