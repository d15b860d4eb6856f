import { convert } from 'html-to-text';

/** Longest HTML part turned into text; longer parts are cut first (the original is not shown anyway). */
const MAX_HTML_CHARS = 2 * 1024 * 1024;

const SKIP = ['img', 'picture', 'video', 'audio', 'iframe', 'object', 'embed', 'svg', 'script', 'style', 'head', 'title', 'form', 'button'];

/**
 * HTML mail as plain text for the conversation view: nothing is fetched and nothing runs, because the result is text —
 * images (and so tracking pixels), scripts, styles, frames and forms are dropped, links keep their address written out
 * next to their words so the phishing guard and the agent both see where they lead.
 */
export function htmlToSafeText(html: string): string {
  const text = convert(html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html, {
    wordwrap: false,
    limits: { maxInputLength: MAX_HTML_CHARS, maxDepth: 200 },
    selectors: [
      ...SKIP.map((selector) => ({ selector, format: 'skip' })),
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, noAnchorUrl: true, linkBrackets: ['<', '>'] } },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ],
  });
  return text.replace(/\n{3,}/g, '\n\n').trim();
}
