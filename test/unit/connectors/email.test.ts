import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveGuardPolicy } from '../../../main/core/guard';
import {
  authVerdicts,
  automaticKind,
  formatCursor,
  htmlToSafeText,
  messageIds,
  parseCursor,
  parseMail,
  replyReferences,
  replySubject,
  senderSignals,
  ThreadIndex,
} from '../../../main/core/connectors/email';

const atom = fc.stringMatching(/^[A-Za-z0-9._%+$=-]{1,20}$/);
const msgId = fc.tuple(atom, fc.stringMatching(/^[a-z0-9-]{1,12}(\.[a-z]{2,6}){1,2}$/)).map(([l, d]) => `${l}@${d}`);
const fws = fc.constantFrom(' ', '  ', '\t', '\r\n ', '\r\n\t', '');

describe('e-mail threading headers', () => {
  it('reads every id of a References value however it is spaced and folded', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(msgId, fws), { minLength: 1, maxLength: 30 }), (ids) => {
        const header = ids.map(([id, ws]) => `<${id}>${ws}`).join('');
        expect(messageIds(header)).toEqual(ids.map(([id]) => id));
      }),
    );
  });

  it('places every message of a reply tree in its root\'s conversation, whichever headers the clients kept', () => {
    // A forest of threads; each message answers an earlier one of its thread and carries the full chain, a trimmed
    // chain (root + last few) or only In-Reply-To.
    const forest = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('full', 'trimmed', 'parent-only')), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), forest, (roots, steps) => {
        const idx = new ThreadIndex();
        const chain = new Map<string, string[]>();
        const threadOf = new Map<string, number>();
        const ids: string[] = [];
        for (let r = 0; r < roots; r++) {
          const id = `root${r}@c.test`;
          chain.set(id, []);
          threadOf.set(id, r);
          ids.push(id);
          expect(idx.place({ messageId: id, inReplyTo: [], references: [] })).toBe(id);
        }
        steps.forEach(([pick, , style], n) => {
          const parent = ids[pick % ids.length]!;
          const refs = [...chain.get(parent)!, parent];
          const id = `m${n}@c.test`;
          const references = style === 'full' ? refs : style === 'trimmed' ? [refs[0]!, ...refs.slice(-2)] : [];
          const root = idx.place({ messageId: id, inReplyTo: [parent], references: [...new Set(references)] });
          expect(root).toBe(`root${threadOf.get(parent)}@c.test`);
          chain.set(id, refs);
          threadOf.set(id, threadOf.get(parent)!);
          ids.push(id);
        });
      }),
    );
  });

  it('builds a reply\'s References that keep the root and the parent and stay short', () => {
    fc.assert(
      fc.property(fc.uniqueArray(msgId, { maxLength: 60 }), msgId, fc.integer({ min: 2, max: 30 }), (refs, parent, max) => {
        fc.pre(!refs.includes(parent));
        const out = replyReferences(refs, parent, max);
        expect(out.at(-1)).toBe(parent);
        expect(out[0]).toBe(refs[0] ?? parent);
        expect(out.length).toBeLessThanOrEqual(max);
      }),
    );
  });

  it('writes "Re:" once, in any language\'s reply prefix', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        expect(replySubject(replySubject(s))).toBe(replySubject(s));
      }),
    );
    expect(replySubject('RE: Aw: رد: Refund')).toBe('Re: Refund');
  });

  it('round-trips the mailbox cursor and ignores cursors that are not its own', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2n ** 32n - 1n }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (v, uid) => {
        const c = { uidValidity: String(v), lastUid: uid };
        expect(parseCursor(formatCursor(c))).toEqual(c);
      }),
    );
    expect(parseCursor('12345')).toBeNull();
    expect(parseCursor('imap1:x:1')).toBeNull();
  });
});

describe('Authentication-Results and sender signals', () => {
  const method = fc.constantFrom('spf', 'dkim', 'dmarc');
  const result = fc.constantFrom('pass', 'fail', 'softfail', 'none', 'neutral', 'temperror', 'permerror');
  const comment = fc.constantFrom('', ' (p=reject dis=none)', ' (sender SPF authorized)', ' (1024-bit key; unprotected)');
  const prop = fc.constantFrom('', ' smtp.mailfrom=a.test', ' header.d=a.test header.s=s1', ' header.from=a.test');

  it('reads each method\'s verdict from generated headers, trusting only the configured server', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(method, result, comment, prop), { selector: (t) => t[0], minLength: 1, maxLength: 3 }),
        fc.constantFrom('mx.acme.test', 'MX.Acme.Test'),
        fc.boolean(),
        (entries, servId, upper) => {
          const body = entries.map(([m, r, c, p]) => `${upper ? m.toUpperCase() : m}=${r}${c}${p}`).join(';\r\n\t');
          const ours = `${servId} 1; ${body}`;
          const forged = 'evil.test; spf=pass; dkim=pass; dmarc=pass';
          const expected = Object.fromEntries(entries.map(([m, r]) => [m, r]));
          expect(authVerdicts([forged, ours], 'mx.acme.test')).toEqual(expected);
          expect(authVerdicts([ours, forged])).toEqual(expected);
        },
      ),
    );
  });

  it('flags a display name claiming the company from elsewhere, and look-alike domains, but not the company itself', () => {
    const policy = resolveGuardPolicy({ companyDomains: ['acme.com'] });
    const codes = (displayName: string, address: string) =>
      senderSignals({ displayName, address, authenticationResults: [] }, policy).map((s) => s.code);
    expect(codes('Acme Support', 'help@acme.com')).toEqual([]);
    expect(codes('Acme Support', 'x@gmail.com')).toEqual(['display_name_claim']);
    expect(codes('ACME Billing Team', 'x@mail.ru')).toEqual(['display_name_claim']);
    expect(codes('support@acme.com', 'x@mail.ru')).toEqual(['display_name_claim']);
    expect(codes('Layla', 'layla@acrne.com')).toEqual(['lookalike_sender']);
    expect(codes('Layla', 'layla@gmail.com')).toEqual([]);
    expect(codes('Acme', 'a@acme-secure-login.com')).toEqual(['display_name_claim', 'lookalike_sender']);
  });

  it('flags any display name that carries the brand from a foreign domain, and none that does not', () => {
    const policy = resolveGuardPolicy({ companyDomains: ['acme.com'], brandNames: ['acme'] });
    const filler = fc.constantFrom('Support', 'Team', 'Billing', 'دعم', 'پشتیبانی', 'Security', 'Service', 'Layla', 'Omar', 'Haddad', 'خدمة العملاء');
    const brand = fc.constantFrom('Acme', 'ACME', 'acme', 'Αcme' /* Greek capital alpha */, 'Acmе' /* Cyrillic e */);
    const foreign = fc.constantFrom('gmail.com', 'mail.ru', 'outlook.sa', 'yahoo.co.uk');
    const check = (displayName: string, address: string) =>
      senderSignals({ displayName, address, authenticationResults: [] }, policy).some((s) => s.code === 'display_name_claim');
    fc.assert(
      fc.property(fc.array(filler, { maxLength: 3 }), brand, fc.array(filler, { maxLength: 3 }), foreign, (before, b, after, domain) => {
        expect(check([...before, b, ...after].join(' '), `x@${domain}`)).toBe(true);
        expect(check([...before, b, ...after].join(' '), 'x@acme.com')).toBe(false);
        expect(check([...before, ...after].join(' '), `x@${domain}`)).toBe(false);
      }),
    );
  });

  it('recognises automatic mail by its headers, not by its words', () => {
    const kind = (from: string, headers: Record<string, string>, contentType = 'text/plain') =>
      automaticKind({ from, contentType, headers: new Map(Object.entries(headers)) });
    expect(kind('a@c.test', { 'auto-submitted': 'auto-replied' })).toBe('auto-reply');
    expect(kind('a@c.test', { 'auto-submitted': 'No' })).toBeNull();
    expect(kind('a@c.test', { precedence: 'auto_reply' })).toBe('auto-reply');
    expect(kind('mailer-daemon@mx.c.test', {})).toBe('bounce');
    expect(kind('a@c.test', {}, 'multipart/report; report-type="delivery-status"; boundary=x')).toBe('bounce');
    expect(kind('a@c.test', {}, 'multipart/report; report-type=disposition-notification')).toBeNull();
    expect(kind('a@c.test', { subject: 'Automatic reply: out of office' })).toBeNull();
  });
});

describe('HTML mail as safe text', () => {
  const word = fc.stringMatching(/^[a-zA-Z\u0600-\u06FF]{2,10}$/);
  it('keeps the words and drops images, scripts, styles and frames, whatever the nesting', () => {
    const node = fc.letrec<{ html: string }>((tie) => ({
      html: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        word.map((w) => `<p>${w}</p>`),
        fc.constant('<img src="https://tracker.test/pixel.gif?id=SECRETPIXEL" width="1" height="1">'),
        fc.constant('<script>steal("SECRETSCRIPT")</script>'),
        fc.constant('<style>.x{background:url(https://tracker.test/SECRETSTYLE)}</style>'),
        fc.constant('<iframe src="https://tracker.test/SECRETFRAME"></iframe>'),
        fc.tuple(fc.constantFrom('div', 'td', 'span', 'blockquote', 'b'), fc.array(tie('html'), { maxLength: 4 })).map(([t, kids]) => `<${t}>${kids.join('')}</${t}>`),
      ),
    })).html;
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 6 }), (parts) => {
        const html = `<html><body>${parts.join('')}</body></html>`;
        const text = htmlToSafeText(html);
        expect(text).not.toMatch(/SECRET|tracker\.test/);
        for (const w of html.matchAll(/<p>([^<]+)<\/p>/g)) expect(text).toContain(w[1]);
      }),
      { numRuns: 200 },
    );
  });

  it('parses Arabic and Persian mail in legacy charsets and keeps mixed text', async () => {
    const raw = [
      'From: =?UTF-8?B?2YbZiNix2Kk=?= <noura@c.test>',
      // "استرداد المبلغ" in windows-1256, the encoding many Arabic mail clients still send.
      'Subject: =?windows-1256?B?x9PK0c/HzyDH4ePI4ds=?=',
      'Message-ID: <ar1@c.test>',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'رقم الطلب ۱۲۳۴ و ١٢٣٤ — order 1234',
      '',
    ].join('\r\n');
    const m = await parseMail(Buffer.from(raw));
    expect(m.from).toEqual({ name: 'نورة', address: 'noura@c.test' });
    expect(m.subject).toBe('استرداد المبلغ');
    expect(m.text).toBe('رقم الطلب ۱۲۳۴ و ١٢٣٤ — order 1234');
    expect(m.messageId).toBe('ar1@c.test');
  });
});
