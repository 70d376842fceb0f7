/** Build-time Markdown to safe HTML. Nothing here ships to the browser. */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML in content is never passed through (html: false); sanitize-html is the second wall.
export const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'em', 'b', 'i', 'ul', 'ol', 'li', 'a', 'h2', 'h3', 'h4', 'blockquote',
    'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'abbr', 'span',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target', 'lang'], abbr: ['title'], span: ['lang'], th: ['scope'] },
  allowedSchemes: ['https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    // Pages open inside LMS iframes: external links open in a new tab, without access to us.
    // Links to the app's own views ("#/tools/kieli") stay in the same window.
    a: (tagName, attribs) => ({
      tagName,
      attribs: attribs.href?.startsWith('#/') ? attribs : { ...attribs, target: '_blank', rel: 'noopener noreferrer' },
    }),
  },
};

export function sanitize(html: string): string {
  return sanitizeHtml(html, allowed).trim();
}

/** Markdown paragraphs, lists and subheadings. */
export function renderBlock(src: string): string {
  return sanitize(markdown.render(src));
}

/** One line of Markdown (emphasis, links) without a wrapping paragraph. */
export function renderInline(src: string): string {
  return sanitize(markdown.renderInline(src));
}
