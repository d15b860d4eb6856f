import { convert } from 'html-to-text';

/** Longest HTML part turned into text or into the revealed original's view; longer parts are cut first. */
export const MAX_HTML_CHARS = 2 * 1024 * 1024;

/**
 * Elements dropped with everything inside them, from the safe text and from the revealed original's view alike:
 * what runs, styles, embeds, frames or asks for input.
 */
export const SKIP_WITH_CONTENT: ReadonlySet<string> = new Set([
  'script', 'style', 'head', 'title', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'picture',
  'video', 'audio', 'form', 'button', 'select', 'textarea', 'template', 'noscript',
]);

/** The safe text also drops images (the original's view writes "[image: alt]" in their place). */
const SKIP = [...SKIP_WITH_CONTENT, 'img'];

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
