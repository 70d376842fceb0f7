/**
 * Finds what the Markdown renderer would drop or show differently from what the author wrote:
 * raw HTML, Markdown images and links whose scheme is not allowed. Every finding is an error, so
 * the build never silently changes the meaning of a page (see content/README.md).
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import type { ProblemList } from './problems.ts';

// Same syntax as the renderer, but raw HTML and every link are kept as tokens so they can be named.
const inspector = new MarkdownIt({ html: true, linkify: false, typographer: false });
inspector.validateLink = () => true;

export interface RawMarkup {
  /** Text to look for in the source, to find the line. */
  snippet: string;
  message: string;
}

const SCRIPT_TAGS = /^<\s*(script|iframe|frame|object|embed|svg|math|style|link|meta|base|form|img|video|audio|source)\b/i;
const EVENT_ATTRIBUTE = /\son[a-z]+\s*=/i;
const ALLOWED_HREF = /^(https:\/\/|mailto:|#|\/(?!\/)|\.{0,2}\/|[^:/?#]+(?:[/?#]|$))/i;

/** What in `text` (Markdown) would not reach the learner as written. */
export function findRawMarkup(text: string): RawMarkup[] {
  if (!/[<>:!]/.test(text)) return [];
  const found: RawMarkup[] = [];
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.children) visit(token.children);
      if (token.type === 'html_block' || token.type === 'html_inline') {
        const tag = token.content.trim().split('\n')[0]!.trim();
        if (tag.startsWith('</')) continue; // the opening tag is reported
        if (tag.startsWith('<!--')) {
          found.push({ snippet: tag, message: `an HTML comment "${short(tag)}" is not allowed: it would be shown as text` });
          continue;
        }
        const scripty = SCRIPT_TAGS.test(tag) || EVENT_ATTRIBUTE.test(tag) || /javascript:/i.test(tag);
        found.push({
          snippet: tag,
          message: scripty
            ? `script-capable HTML "${short(tag)}" is not allowed: content is Markdown only`
            : `raw HTML "${short(tag)}" is not allowed: it would be shown as text; use Markdown`,
        });
      } else if (token.type === 'link_open') {
        const href = String(token.attrGet('href') ?? '');
        if (!ALLOWED_HREF.test(href.trim())) {
          found.push({ snippet: href, message: `the link "${short(href)}" is not allowed: links must be https:, mailto: or a path inside the site` });
        }
      } else if (token.type === 'image') {
        const src = String(token.attrGet('src') ?? '');
        found.push({ snippet: src, message: `a Markdown image "${short(src)}" is not shown: use an image block (src, alt)` });
      }
    }
  };
  visit(inspector.parse(text, {}));
  return found;
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** 1-based line within `text` where `snippet` first occurs; 1 when not found. */
export function lineOfSnippet(text: string, snippet: string): number {
  const first = snippet.split('\n')[0]!;
  const at = first ? text.indexOf(first) : -1;
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

/** Raw HTML and disallowed links in the Markdown text of a module or scene file (fenced blocks are YAML, checked there). */
export function reportBodyMarkup(file: string, body: string, bodyStartLine: number, problems: ProblemList): void {
  for (const found of findRawMarkup(body)) {
    problems.add(file, bodyStartLine + lineOfSnippet(body, found.snippet) - 1, '(markup)', found.message);
  }
}
