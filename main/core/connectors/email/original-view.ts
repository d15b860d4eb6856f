import { Parser } from 'htmlparser2';
import { formatToken, maskMessage, NEVER_REVEALABLE } from '../../masking';
import { htmlToSafeText, MAX_HTML_CHARS, SKIP_WITH_CONTENT } from './html';

/**
 * An e-mail's HTML original as a revealed "whole original" shows it: a new document built from an allow-list, never
 * the sender's markup. Only text-structure elements survive (paragraphs, lists, tables, emphasis, headings), each
 * with no attribute but direction, language and table spans — no style, class, id, event handler or URL. Images
 * become "[image: alt]", links become their words followed by the address written out (not clickable), and what
 * html.ts drops from the safe text (scripts, styles, frames, forms, embedded objects) is dropped with its content.
 * The document forbids every fetch in its own Content-Security-Policy, and the console shows it in an `<iframe
 * sandbox>` without scripts or same-origin (renderer `OriginalView`), so a sanitiser mistake still loads and runs
 * nothing. One-time codes and card security codes stay blotted: no reveal ever shows them (NEVER_REVEALABLE).
 */
export function safeOriginalView(html: string): string {
  const source = html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html;
  const blot = neverRevealable(source);
  const out: string[] = [];
  const open: string[] = [];
  let skipping = 0;
  let text = '';
  let link: string | null = null;

  const flush = () => {
    if (text) out.push(escapeHtml(blot(text)));
    text = '';
  };
  const parser = new Parser(
    {
      onopentag(raw, attrs) {
        const name = raw.toLowerCase();
        if (skipping || SKIP_WITH_CONTENT.has(name)) {
          if (!VOID.has(name)) skipping++;
          return;
        }
        flush();
        if (name === 'img') {
          const alt = (attrs.alt ?? '').trim().slice(0, 200);
          out.push(`<span class="image">[${escapeHtml(blot(alt ? `image: ${alt}` : 'image'))}]</span>`);
          return;
        }
        if (name === 'a') {
          link = typeof attrs.href === 'string' ? attrs.href.trim().slice(0, 2000) : null;
          out.push('<span class="link">');
          open.push('a');
          return;
        }
        const tag = RENAME[name] ?? (ALLOWED.has(name) ? name : null);
        if (!tag) return;
        out.push(`<${tag}${keptAttributes(attrs)}>`);
        if (!VOID.has(tag)) open.push(name);
      },
      ontext(chunk) {
        if (!skipping) text += chunk;
      },
      onclosetag(raw) {
        const name = raw.toLowerCase();
        if (skipping) {
          if (!VOID.has(name)) skipping--;
          return;
        }
        flush();
        const at = open.lastIndexOf(name);
        if (at < 0) return;
        while (open.length > at) closeTag(open.pop()!);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  const closeTag = (name: string) => {
    if (name === 'a') {
      out.push('</span>');
      if (link && /^(https?|mailto|tel):/i.test(link)) out.push(` <span class="href">&lt;${escapeHtml(blot(link))}&gt;</span>`);
      link = null;
      return;
    }
    out.push(`</${RENAME[name] ?? name}>`);
  };
  parser.write(source);
  parser.end();
  flush();
  while (open.length) closeTag(open.pop()!);
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${VIEW_CSP}"></head><body dir="auto">${out.join('')}</body></html>`;
}

/**
 * Everything is refused: no images, fonts, styles, frames, scripts or connections. (A `srcdoc` frame also inherits
 * the console's own policy, which allows no inline style either, so the view is drawn in the browser's default look.)
 */
export const VIEW_CSP = "default-src 'none'";

const ALLOWED = new Set([
  'p', 'div', 'span', 'br', 'hr', 'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'del', 'ins', 'sub', 'sup', 'small',
  'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td',
  'th', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'bdi', 'bdo', 'abbr', 'cite', 'q', 'mark',
]);
/** Old presentational elements kept as their neutral equivalent (their colours and faces are not). */
const RENAME: Record<string, string> = { font: 'span', center: 'div', big: 'span', tt: 'code', nobr: 'span' };
const VOID = new Set(['br', 'hr', 'img', 'wbr', 'meta', 'link', 'input', 'area', 'base', 'col', 'embed', 'param', 'source', 'track']);

function keptAttributes(attrs: Record<string, string>): string {
  let out = '';
  const dir = attrs.dir?.toLowerCase();
  if (dir === 'rtl' || dir === 'ltr' || dir === 'auto') out += ` dir="${dir}"`;
  if (attrs.lang && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/.test(attrs.lang)) out += ` lang="${attrs.lang}"`;
  for (const span of ['colspan', 'rowspan']) {
    const v = attrs[span];
    if (v && /^[1-9][0-9]?$/.test(v)) out += ` ${span}="${v}"`;
  }
  return out;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The values no reveal shows, found by the masking detectors in the e-mail's safe text (so a code's label in one
 * element still marks the value in the next), blotted wherever the same characters appear in a text run of the
 * view. A value split across elements (`<b>48</b>2913`) is not found: documented in docs/SECURITY.md.
 */
function neverRevealable(html: string): (text: string) => string {
  const text = htmlToSafeText(html);
  const values = new Map<string, string>();
  for (const f of maskMessage(text).fields) {
    if ((NEVER_REVEALABLE as readonly string[]).includes(f.type)) values.set(text.slice(f.originalStart, f.originalEnd), formatToken(f.type, ''));
  }
  if (!values.size) return (s) => s;
  const longestFirst = [...values.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(longestFirst.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return (s) => s.replace(re, (v) => values.get(v)!);
}
