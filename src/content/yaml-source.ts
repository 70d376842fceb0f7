/** YAML parsing that remembers where every value came from, so problems can name a line. */
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { findRawMarkup } from './raw-markup.ts';
import type { z } from 'zod';
import type { ProblemList } from './problems.ts';

export interface YamlSource {
  file: string;
  doc: Document;
  lines: LineCounter;
  /** 1-based line in the file where this YAML text starts (fenced blocks start mid-file). */
  firstLine: number;
}

/** Aliases a YAML file may expand; more is refused, as a "billion laughs" bomb would be. */
export const MAX_YAML_ALIASES = 100;

export function parseYaml(file: string, text: string, firstLine: number, problems: ProblemList): YamlSource | null {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lines.linePos(offset).line + firstLine - 1;
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      // The error's own position, not the start of the block or document. Something left open
      // (a quote, a bracket) is found only at the end: name the last line with text instead.
      const end = text.trimEnd().length;
      const offset = err.pos[0] >= end ? text.lastIndexOf('\n', end - 1) + 1 : err.pos[0];
      const { line, col } = lines.linePos(offset);
      problems.add(file, line + firstLine - 1, '(yaml)', `column ${col}: ${err.message.split('\n')[0] ?? 'invalid YAML'}`);
    }
    return null;
  }
  try {
    doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    let aliasOffset: number | undefined;
    visit(doc, {
      Alias(_, node) {
        aliasOffset = node.range?.[0];
        return visit.BREAK;
      },
    });
    const why = err instanceof ReferenceError ? `the aliases expand to too much data (more than ${MAX_YAML_ALIASES}); write the values out` : String((err as Error).message ?? err);
    problems.add(file, aliasOffset === undefined ? firstLine : lineAt(aliasOffset), '(yaml)', why);
    return null;
  }
  reportRawMarkup(file, text, doc, lineAt, problems);
  return { file, doc, lines, firstLine };
}

/** Every string value is checked: Markdown fields are rendered, and HTML in a title is a mistake too. */
function reportRawMarkup(file: string, text: string, doc: Document, lineAt: (offset: number) => number, problems: ProblemList) {
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (key === 'key' || typeof node.value !== 'string' || !node.range) return;
      const field = fieldName('', pathOf([...ancestors, node]));
      const start = node.range[0];
      const raw = text.slice(start, node.range[1]);
      for (const found of findRawMarkup(node.value)) {
        const at = raw.indexOf(found.snippet.split('\n')[0]!);
        problems.add(file, lineAt(at < 0 ? start : start + at), field || '(markup)', found.message);
      }
    },
  });
}

export type Path = readonly (string | number)[];

/** The field path of a node, from the chain of its ancestors as `visit` gives it. */
function pathOf(chain: readonly unknown[]): (string | number)[] {
  const out: (string | number)[] = [];
  chain.forEach((node, i) => {
    const next = chain[i + 1];
    if (isPair(node) && isScalar(node.key)) out.push(String(node.key.value));
    else if (isSeq(node) && next) out.push(node.items.indexOf(next as never));
  });
  return out;
}

/** The line of the value at `path`, or of the nearest parent that exists. */
export function lineOf(src: YamlSource, path: Path): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = src.doc.getIn(path.slice(0, depth), true) as Node | undefined;
    const offset = node && (isScalar(node) || isMap(node) || 'range' in node) ? node.range?.[0] : undefined;
    if (offset !== undefined) return src.lines.linePos(offset).line + src.firstLine - 1;
  }
  return src.firstLine;
}

/** The line of the key `key` inside the map at `path` (for unknown keys). */
function lineOfKey(src: YamlSource, path: Path, key: string): number {
  const map = path.length === 0 ? src.doc.contents : src.doc.getIn(path, true);
  if (isMap(map)) {
    const pair = map.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
    const offset = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
    if (offset !== undefined) return src.lines.linePos(offset).line + src.firstLine - 1;
  }
  return lineOf(src, path);
}

export function fieldName(prefix: string, path: Path): string {
  const parts = path.map((p) => (typeof p === 'number' ? `[${p + 1}]` : `.${p}`)).join('');
  const joined = `${prefix}${parts}`.replace(/^\./, '');
  return joined || prefix;
}

/**
 * Checks `value` (found at `path` in `src`) against a zod schema. Every issue becomes a problem on
 * the line it belongs to. Returns the parsed value, or null when there was any issue.
 */
export function check<T extends z.ZodType>(
  schema: T,
  src: YamlSource,
  path: Path,
  prefix: string,
  problems: ProblemList,
): z.infer<T> | null {
  const node: unknown = path.length === 0 ? src.doc.contents : src.doc.getIn(path, true);
  const value = isNode(node) ? node.toJS(src.doc) : node;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const at = [...path, ...(issue.path as (string | number)[])];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.add(src.file, lineOfKey(src, at, key), fieldName(prefix, [...at.slice(path.length), key]), 'unknown field');
      }
      continue;
    }
    problems.add(src.file, lineOf(src, at), fieldName(prefix, at.slice(path.length)), describe(issue));
  }
  return null;
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'is required';
  if (issue.code === 'invalid_union' && 'discriminator' in issue) {
    return `unknown type; use one of ${String((issue as { options?: unknown[] }).options ?? '')}`;
  }
  return issue.message;
}
