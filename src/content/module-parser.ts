/** Parses one module file: a YAML header, pages split at level-1 headings, fenced YAML blocks. */
import type { Token } from 'markdown-it';
import { blockSchemas, moduleHeaderSchema, practiceRefSchema, type Block, type BlockKind, type Page } from './schema.ts';
import { markdown, renderBlock, renderInline, sanitize } from './markdown.ts';
import type { ProblemList } from './problems.ts';
import { reportBodyMarkup } from './raw-markup.ts';
import { check, lineOf, parseYaml } from './yaml-source.ts';

/** Something a block points at, checked later against the whole course. */
export interface Reference {
  kind: 'image' | 'question' | 'practice';
  value: string;
  line: number;
  field: string;
}

export interface ParsedModule {
  id: string;
  title: string;
  pages: (Page & { line: number })[];
  references: Reference[];
}

const PAGE_HEADING = /^(.*?)\s*\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}\s*$/;

export function parseModule(file: string, text: string, problems: ProblemList): ParsedModule | null {
  const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!front) {
    problems.add(file, 1, '(header)', 'a module file must start with a YAML header between --- lines (id, title)');
    return null;
  }
  const headerSrc = parseYaml(file, front[1] ?? '', 2, problems);
  const header = headerSrc && check(moduleHeaderSchema, headerSrc, [], '', problems);
  const bodyStartLine = front[0].split('\n').length; // 1-based line of the first body line
  const body = text.slice(front[0].length);

  reportBodyMarkup(file, body, bodyStartLine, problems);
  const tokens = markdown.parse(body, {});
  const pages: ParsedModule['pages'] = [];
  const references: Reference[] = [];
  let page: (Page & { line: number }) | null = null;
  let pending: Token[] = [];

  const fileLine = (token: Token) => bodyStartLine + (token.map?.[0] ?? 0);

  const flushText = () => {
    const meaningful = pending.some((t) => t.type !== 'softbreak');
    if (meaningful) {
      const html = sanitize(markdown.renderer.render(pending, markdown.options, {}));
      if (!page) {
        problems.add(file, fileLine(pending.find((t) => t.map) ?? pending[0]!), '(page)', 'text before the first page heading (# Title {#page-id})');
      } else if (html) {
        page.blocks.push({ type: 'text', html });
      }
    }
    pending = [];
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'heading_open' && token.tag === 'h1') {
      flushText();
      const inline = tokens[i + 1];
      const line = fileLine(token);
      const match = PAGE_HEADING.exec(inline?.content ?? '');
      if (!match || !match[1]) {
        problems.add(file, line, 'page', 'a page heading needs a title and an id, like "# Title {#page-id}"');
        page = { id: `page-${pages.length + 1}`, title: inline?.content ?? '', blocks: [], line };
      } else {
        page = { id: match[2]!, title: match[1], blocks: [], line };
      }
      pages.push(page);
      i += 2; // inline and heading_close
      continue;
    }
    if (token.type === 'fence' && token.info.trim()) {
      flushText();
      const kind = token.info.trim().split(/\s+/)[0]!;
      const line = fileLine(token);
      if (!(kind in blockSchemas)) {
        problems.add(file, line, 'block', `unknown block "${kind}"; use one of ${Object.keys(blockSchemas).join(', ')}`);
        continue;
      }
      if (!page) {
        problems.add(file, line, 'block', 'a block before the first page heading');
        continue;
      }
      const block = parseBlock(file, kind as BlockKind, token.content, line + 1, problems, references);
      if (block) page.blocks.push(block);
      continue;
    }
    pending.push(token);
  }
  flushText();

  if (pages.length === 0) problems.add(file, bodyStartLine, 'page', 'the module has no pages (# Title {#page-id})');
  for (const p of pages) {
    if (p.blocks.length === 0) problems.add(file, p.line, `page ${p.id}`, 'the page is empty');
  }
  if (!header) return null;
  return { id: header.id, title: header.title, pages, references };
}

function parseBlock(
  file: string,
  kind: BlockKind,
  yamlText: string,
  firstLine: number,
  problems: ProblemList,
  references: Reference[],
): Block | null {
  const src = parseYaml(file, yamlText, firstLine, problems);
  if (!src) return null;
  switch (kind) {
    case 'image': {
      const b = check(blockSchemas.image, src, [], 'image', problems);
      if (!b) return null;
      references.push({ kind: 'image', value: b.src, line: lineOf(src, ['src']), field: 'image.src' });
      return { type: 'image', src: b.src, alt: b.alt, caption: b.caption && renderInline(b.caption) };
    }
    case 'callout': {
      const b = check(blockSchemas.callout, src, [], 'callout', problems);
      return b && { type: 'callout', kind: b.kind, title: b.title, html: renderBlock(b.text) };
    }
    case 'readmore': {
      const b = check(blockSchemas.readmore, src, [], 'readmore', problems);
      return b && { type: 'readmore', title: b.title, html: renderBlock(b.text) };
    }
    case 'keypoints': {
      const b = check(blockSchemas.keypoints, src, [], 'keypoints', problems);
      return b && { type: 'keypoints', title: b.title, points: b.points.map(renderInline) };
    }
    case 'quote': {
      const b = check(blockSchemas.quote, src, [], 'quote', problems);
      return b && { type: 'quote', html: renderBlock(b.text), source: b.source };
    }
    case 'links': {
      const b = check(blockSchemas.links, src, [], 'links', problems);
      return b && { type: 'links', title: b.title, links: b.links };
    }
    case 'practice': {
      const raw = src.doc.toJS() as unknown;
      if (raw && typeof raw === 'object' && 'ref' in raw) {
        const r = check(practiceRefSchema, src, [], 'practice', problems);
        if (!r) return null;
        references.push({ kind: 'practice', value: r.ref, line: lineOf(src, ['ref']), field: 'practice.ref' });
        return { type: 'practice', ref: r.ref, title: '', theme: 'participation', what: '', achieved: '', next: '', more: [] };
      }
      const b = check(blockSchemas.practice, src, [], 'practice', problems);
      return (
        b && {
          type: 'practice',
          title: b.title,
          theme: b.theme,
          what: renderBlock(b.what),
          achieved: renderBlock(b.achieved),
          next: renderBlock(b.next),
          more: b.more.map(({ title, url }) => ({ title, url })),
        }
      );
    }
    case 'quiz': {
      const b = check(blockSchemas.quiz, src, [], 'quiz', problems);
      if (!b) return null;
      b.questions.forEach((id, i) =>
        references.push({ kind: 'question', value: id, line: lineOf(src, ['questions', i]), field: `quiz.questions[${i + 1}]` }),
      );
      return { type: 'quiz', title: b.title, questions: b.questions };
    }
  }
}
