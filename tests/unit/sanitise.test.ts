import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import { renderBlock, renderInline } from '../../src/content/markdown';

describe('sanitising content', () => {
  const { courses, problems } = buildContent(resolve(import.meta.dirname, '../fixtures/valid'));
  const course = courses[0]!.compiled.fi!;
  const html = JSON.stringify(course);

  it('compiles the fixture without problems', () => {
    expect(problems).toEqual([]);
  });

  it('never lets a script, event handler, iframe or javascript: link through', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(html).not.toMatch(/<[a-z]+[^>]*\son[a-z]+=/i);
    expect(html).not.toMatch(/href=\\?"javascript:/i);
  });

  it('keeps harmless Markdown and makes external links safe', () => {
    const text = course.modules[0]!.pages[0]!.blocks[0]!;
    expect(text.type).toBe('text');
    expect(text.type === 'text' && text.html).toContain(
      '<a href="https://avoinhallinto.fi" target="_blank" rel="noopener noreferrer">turvallinen</a>',
    );
    expect(text.type === 'text' && text.html).toContain('<h2>Väliotsikko</h2>');
    expect(renderBlock('**lihava** ja *kursiivi*')).toBe('<p><strong>lihava</strong> ja <em>kursiivi</em></p>');
  });

  it('drops attributes and schemes outside the allowlist', () => {
    expect(renderInline('[x](data:text/html,hi)')).not.toContain('href="data:');
    expect(renderInline('[x](http://example.org)')).toBe('<a target="_blank" rel="noopener noreferrer">x</a>');
  });
});
