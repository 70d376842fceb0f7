/** Issue 14 §3: hostile or broken authored files are reported with file:line, never a crash or a silent change. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import { formatProblem, ProblemList } from '../../src/content/problems';
import { parseModule } from '../../src/content/module-parser';
import { parseYaml } from '../../src/content/yaml-source';
import { MAX_PAGE_BYTES, MAX_SOURCE_FILE_BYTES } from '../../src/content/limits';

const valid = resolve(import.meta.dirname, '../fixtures/valid');
const roots: string[] = [];
function copyOfValid(): string {
  const root = mkdtempSync(join(tmpdir(), 'kohtaamo-input-'));
  roots.push(root);
  cpSync(valid, root, { recursive: true });
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});
const problemsOf = (root: string) => buildContent(root).problems.map(formatProblem);
const image = (root: string) => {
  const dir = join(root, 'content/courses/safe/images');
  mkdirSync(dir, { recursive: true });
  return dir;
};
const addImageBlock = (root: string, src: string) => {
  const file = join(root, 'content/courses/safe/fi/osa.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('## Väliotsikko', `\`\`\`image\nsrc: ${src}\nalt: Kuva\n\`\`\`\n\n## Väliotsikko`));
};

describe('content input', () => {
  it('accepts a UTF-8 byte-order mark in Markdown modules as in YAML', () => {
    expect(readFileSync(join(valid, 'content/courses/safe/fi/osa.md')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const build = buildContent(valid);
    expect(build.problems).toEqual([]);
    expect(build.courses[0]!.compiled.fi!.modules[0]!.title).toBe('Osa');
    const withBom = parseYaml('q.yaml', '\ufeffa: 1\n', 1, new ProblemList());
    expect(withBom?.doc.toJS()).toEqual({ a: 1 });
  });

  it('refuses an image that is a symbolic link leaving the content folder', () => {
    const root = copyOfValid();
    const outside = join(root, 'secret.png');
    writeFileSync(outside, 'not content');
    cpSync(outside, join(root, 'content/inside.png'));
    symlinkSync(outside, join(image(root), 'ulos.png'));
    symlinkSync(join(root, 'content/inside.png'), join(image(root), 'sisalla.png'));
    addImageBlock(root, 'images/ulos.png');
    expect(problemsOf(root)).toEqual([
      'content/courses/safe/fi/osa.md:13: image.src: content/courses/safe/images/ulos.png is a link to a file outside the content folder; copy the image into images/ instead',
    ]);
  });

  it('accepts a symbolic link that stays inside the content folder', () => {
    const root = copyOfValid();
    cpSync(join(root, 'content/courses/safe/course.yaml'), join(root, 'content/inside.png'));
    symlinkSync(join(root, 'content/inside.png'), join(image(root), 'sisalla.png'));
    addImageBlock(root, 'images/sisalla.png');
    expect(problemsOf(root)).toEqual([]);
  });

  it('reports a page over the size limit at its heading', () => {
    const root = copyOfValid();
    const file = join(root, 'content/courses/safe/fi/osa.md');
    const para = 'Pitkä kappale tekstiä, joka toistuu. '.repeat(40);
    const big = Array.from({ length: Math.ceil(MAX_PAGE_BYTES / para.length) + 1 }, () => para).join('\n\n');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n# Iso sivu {#iso}\n\n${big}\n`);
    const lines = problemsOf(root);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^content\/courses\/safe\/fi\/osa\.md:24: page iso: the page is \d+ kB; a page may be at most 50 kB: split it into several pages$/);
  });

  it('refuses a source file over the size limit before parsing it', () => {
    const root = copyOfValid();
    const file = join(root, 'content/courses/safe/fi/osa.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n${'x'.repeat(MAX_SOURCE_FILE_BYTES)}\n`);
    expect(problemsOf(root)).toContain(
      'content/courses/safe/fi/osa.md:1: (file): the file is 1025 kB; a content file may be at most 1024 kB: split it into modules',
    );
  });

  it('reports an unclosed YAML value at its last line, not at the start of the block', () => {
    const problems = new ProblemList();
    parseModule('x.md', '---\nid: x\ntitle: X\n---\n\n# Sivu {#s}\n\n```callout\nkind: tip\ntext: "avoin\n```\n', problems);
    expect(problems.items.map(formatProblem)[0]).toBe('x.md:10: (yaml): column 1: Missing closing "quote');
  });

  it('reports each raw HTML element once, not its closing tag, and ignores code', () => {
    const problems = new ProblemList();
    parseModule('m.md', '---\nid: m\ntitle: M\n---\n\n# Sivu {#s}\n\nKoodina `<script>` ja\n\n    <iframe>\n\nmutta <b>lihava</b> ei.\n', problems);
    expect(problems.items.map(formatProblem)).toEqual(['m.md:12: (markup): raw HTML "<b>" is not allowed: it would be shown as text; use Markdown']);
  });
});
