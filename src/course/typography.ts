/**
 * Typography rules applied when content is shown. In Finnish an open compound such as
 * "Avoin demokratia -verkosto" must not break before its hyphen, so the space there becomes a
 * no-break space. Only text is touched, never tags or attributes.
 */
const OPEN_COMPOUND = /(\S) -(?=\p{L})/gu;

export function noBreakCompounds(text: string): string {
  return text.replace(OPEN_COMPOUND, '$1\u00a0-');
}

export function noBreakCompoundsHtml(html: string): string {
  return html.replace(/(^|>)([^<]+)/g, (_m, open: string, text: string) => open + noBreakCompounds(text));
}
