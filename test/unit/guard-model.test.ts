/**
 * The outbound guard's learned component (issue #21, round 7): the checked-in model is exactly what the training
 * script produces from the corpora in the repository; it only ever adds a block the rules missed, never lifts one,
 * and what it adds cannot be approved and is explained in the console's three languages.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateReply, resolveGuardPolicy } from '../../main/core/guard';
import { REQUEST_MODEL, requestFeatures, requestProbability, type RequestModel } from '../../main/core/guard/outbound/request-model';
import { MODEL_PATH, serialise, train } from '../../bench/guard/train-model';
import { standInDetectSensitive } from '../helpers/guard';

const strict = resolveGuardPolicy({ companyDomains: ['acme.com'], serviceNeedsOnlyPhoneAndActivationCode: true });
const sure = (p: 'block' | 'allow'): RequestModel => ({ ...REQUEST_MODEL, enabled: true, bias: p === 'block' ? 50 : -50, threshold: 0.5 });

describe('the learned request model', () => {
  it('the checked-in request-model.json is byte for byte what bench/guard/train-model.ts produces', () => {
    expect(serialise(train())).toBe(fs.readFileSync(MODEL_PATH, 'utf8'));
  }, 120_000);

  it('is small, switched on, and its threshold keeps it from blocking on a coin toss', () => {
    expect(fs.statSync(MODEL_PATH).size).toBeLessThan(150_000);
    expect(REQUEST_MODEL.weights).toHaveLength(REQUEST_MODEL.buckets);
    expect(REQUEST_MODEL.threshold).toBeGreaterThanOrEqual(0.5);
  });

  it('reads every script the same way: digits in any script and letter variants give the same features', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999999 }), (n) => {
        const ascii = String(n);
        const persian = ascii.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
        const arabic = ascii.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
        const f = (t: string) => [...requestFeatures(`کد ${t} را بفرستید`, 1024)].sort((a, b) => a[0] - b[0]);
        expect(f(persian)).toEqual(f(ascii));
        expect(f(arabic)).toEqual(f(ascii));
      }),
      { numRuns: 40 },
    );
    expect(requestProbability('Send me the code', REQUEST_MODEL)).toBeCloseTo(requestProbability('SEND ME THE CODE', REQUEST_MODEL), 12);
  });

  it('never lifts a block the rules made, and keeps the rules\' own codes', () => {
    fc.assert(
      fc.property(fc.constantFrom('Please send me the OTP we texted you.', 'ابعتلي الكود اللي وصلك', 'لطفا رمز کارت را اینجا بفرستید', 'What is your card PIN?'), (ask) => {
        const findings = evaluateReply(ask, 'en', strict, standInDetectSensitive, sure('allow'));
        expect(findings.some((f) => f.verdict === 'block')).toBe(true);
        expect(findings.map((f) => f.code)).not.toContain('asks_secret');
        expect(findings.map((f) => f.code)).toEqual(evaluateReply(ask, 'en', strict, standInDetectSensitive, null).map((f) => f.code));
      }),
      { numRuns: 20 },
    );
  });

  it('judges only a reply that mentions a secret or a message: an everyday reply is never its business', () => {
    for (const everyday of ['Thanks for waiting, your refund is on its way.', 'شكرا لانتظارك، المبلغ في الطريق', 'ممنون از صبرتون، سفارش فردا می‌رسه']) {
      expect(evaluateReply(everyday, 'en', strict, standInDetectSensitive, sure('block')), everyday).toEqual([]);
    }
  });

  it('adds a block the rules missed, which no lead can approve, explained in en/ar/fa', () => {
    const safe = 'We have sent a code to your phone.';
    expect(evaluateReply(safe, 'en', strict, standInDetectSensitive, null)).toEqual([]);
    for (const lang of ['en', 'ar', 'fa'] as const) {
      const [f] = evaluateReply(safe, lang, strict, standInDetectSensitive, sure('block'));
      expect(f).toMatchObject({ verdict: 'block', code: 'asks_secret', approvable: false });
      expect(f!.reason.length).toBeGreaterThan(40);
      if (lang !== 'en') expect(f!.reason).toMatch(/[\u0600-\u06FF]/u);
    }
    // switched off, it adds nothing
    expect(evaluateReply(safe, 'en', strict, standInDetectSensitive, { ...sure('block'), enabled: false })).toEqual([]);
  });
});
