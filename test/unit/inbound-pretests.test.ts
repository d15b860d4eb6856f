/**
 * Issues #26/#21: the inbound check skips a step when a cheap pre-test (`phishing/pretests.ts`) says the step cannot find
 * anything. A pre-test must never say so of a message the full step would find something in: generated messages carry
 * links, e-mail senders and handles in many shapes, scripts and digit scripts, and each is run
 * through the full step (without its pre-test). The work spared on ordinary traffic is counted, never timed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARD_POLICY, resolveGuardPolicy } from '../../main/core/guard';
import { findImitatingHandles } from '../../main/core/guard/phishing/handles';
import { mayHoldHandle, mayHoldLink } from '../../main/core/guard/phishing/pretests';
import { normalizeText } from '../../main/core/guard/text/clauses';
import { extractEmailDomains, extractLinks } from '../../main/core/guard/text/links';
import { messageText, rng } from '../../bench/store/common';

const RUNS = 400;
const filler = fc.constantFrom('hello', 'please check', 'سلام', 'لطفا ببینید', 'مرحبا', 'شوف هذا', 'wesh', 'salam', 'got this', 'ye payam oomad', 'وصلتني رسالة', '', '\n', '> ');
const inScript = (zero: number) => (t: string) => t.replace(/[0-9]/g, (d) => String.fromCharCode(zero + +d));
/** The same text as people also type it: Arabic-Indic and Persian digits, no-break spaces, direction marks, full-width forms. */
const variant = fc.constantFrom<(t: string) => string>(
  (t) => t,
  inScript(0x660),
  inScript(0x6f0),
  (t) => t.replace(/ /g, '\u00a0'),
  (t) => t.replace(/ /g, ' \u200f'),
  (t) => t.replace(/[@._-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
  (t) => t.toUpperCase(),
);
const around = (core: fc.Arbitrary<string>) => fc.tuple(filler, core, filler, variant).map(([a, c, b, v]) => v(`${a} ${c} ${b}`));

const letters = (chars: string, min = 1, max = 10) => fc.array(fc.constantFrom(...chars), { minLength: min, maxLength: max }).map((a) => a.join(''));
const label = fc.oneof(letters('abcdefghijklmnopqrstuvwxyz0123456789-', 2), letters('بپتثجحخدذرزسشصضطظعغفقکگلمنوهیي', 2), letters('аеорсх', 2, 5), fc.constantFrom('acme', 'acme-secure', 'xn--80ak6aa92e', 'sidra', 'bit', 'tinyurl', 'paypal-verify', 'login'));
const suffix = fc.constantFrom('com', 'co.uk', 'ir', 'sa', 'com.sa', 'net', 'info', 'xyz', 'ly', 'me', 'io', 'online', 'top', 'ایران', 'xn--mgba3a4f16a', 'amazonaws.com');
const host = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), suffix).map(([ls, s]) => `${ls.join('.')}.${s}`);
const link = fc.tuple(fc.constantFrom('', 'http://', 'https://', 'HTTPS://', 'www.'), host, fc.constantFrom('', '/', '/login?x=1', ':8080/a', '#top', '/url?q=https://acme-verify.com/x')).map(([a, h, p]) => a + h + p);
const email = fc.tuple(letters('abcdefghijklmnopqrstuvwxyz0123456789._+-'), host).map(([u, h]) => `${u}@${h}`);
/** Dots people write instead of a dot, which are not one to the link finder. */
const notADot = fc.tuple(label, fc.constantFrom('[.]', ' dot ', '(dot)', '\u2024', '。', '．', '﹒', '٫'), suffix).map(([l, d, s]) => `${l}${d}${s}`);

describe('a pre-test never skips a step that would find something', () => {
  it('links and e-mail senders: every one found needs a dot in the text', () => {
    let found = 0;
    fc.assert(
      fc.property(around(fc.oneof(link, email, notADot)), (text) => {
        const any = extractLinks(text).length + extractEmailDomains(text).length > 0;
        if (any) found++;
        return !any || mayHoldLink(text);
      }),
      { numRuns: RUNS },
    );
    expect(found).toBeGreaterThan(RUNS / 3);
  });

  const policy = resolveGuardPolicy({ companyDomains: ['acme.com'], brandNames: ['acme'], officialSupportHandles: ['@acme'] });
  const handle = fc.tuple(fc.constantFrom('@', ''), fc.constantFrom('acme', 'Acme', 'sidra', 'bank'), fc.constantFrom('.', '_', '-', ''), fc.constantFrom('support', 'care', 'ksa', 'gifts', 'official', 'help', 'pay'), fc.constantFrom('', '.official', '_ir', '-desk')).map((p) => p.join(''));
  const presented = fc.constantFrom('an account called', 'the page', 'DM from', 'پیج', 'حساب اسمه', 'messaged me from', 'is this yours?', 'ig', 'صفحه');
  it('handles: every one judged needs "@", a dot, an underscore or a hyphen in the read text', () => {
    let found = 0;
    fc.assert(
      fc.property(around(fc.tuple(presented, handle).map(([p, h]) => `${p} ${h}`)), (text) => {
        const any = findImitatingHandles(text, policy).length + findImitatingHandles(text, DEFAULT_GUARD_POLICY).length > 0;
        if (any) found++;
        return !any || mayHoldHandle(normalizeText(text));
      }),
      { numRuns: RUNS },
    );
    expect(found).toBeGreaterThan(RUNS / 3);
  });
});

describe('the pre-tests spare the work on ordinary traffic (counted, not timed)', () => {
  it('on the store bench’s messages the link and handle steps run only for an e-mail address', () => {
    const r = rng(7);
    const texts = Array.from({ length: 500 }, () => messageText(r));
    expect(texts.filter(mayHoldLink).length).toBe(texts.filter((t) => t.includes('@')).length); // only the e-mail addresses
    expect(texts.filter((t) => mayHoldHandle(normalizeText(t.replace(/\S+@\S+/g, '')))).length).toBe(0);
  });
});
