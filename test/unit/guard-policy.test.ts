import fs from 'node:fs';
import path from 'node:path';
import { Writable, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { guardPolicyFrom } from '../../main/core/app/guards';
import { evaluateReply, OutboundGuard } from '../../main/core/guard';
import { canonicalJson, loadPolicy, memoryVersionStore, PolicySchema, signPolicyDocument, signWithDomain, type PolicyResult } from '../../main/core/policy';
import { systemClock } from '../../main/core/shared/ports';
import { makeSigner, managedLocation, policyBody, writeSignedPolicy } from '../helpers/network';
import { tmpDir } from '../helpers/tmp';

const SITE = {
  id: 'hq',
  ranges: ['10.20.0.0/16'],
  beacon: { url: 'https://beacon.hq.example:8443', pins: ['A'.repeat(43) + '='], publicKey: 'B'.repeat(43) + '=' },
};
const noSensitive = () => [];

/** Signs `guard` into a real policy file and loads it as the console does (signature, schema, expiry). */
function loadSigned(guard: unknown, over: Record<string, unknown> = {}): PolicyResult {
  const it1 = makeSigner();
  const loc = managedLocation([it1]);
  fs.writeFileSync(loc.policyFile, '');
  writeSignedPolicyUnchecked(loc.policyFile, { ...policyBody([SITE]), ...over, guard }, it1);
  return loadPolicy({ ...loc, versions: memoryVersionStore(), clock: systemClock });
}

/** `signPolicyDocument` refuses an invalid policy; to test the loader's refusal, sign a valid one, swap the guard in, sign that. */
function writeSignedPolicyUnchecked(file: string, body: Record<string, unknown>, signer: ReturnType<typeof makeSigner>): void {
  const { guard, ...rest } = body;
  writeSignedPolicy(file, guard === undefined ? rest : { ...rest, guard: {} }, signer);
  if (guard === undefined) return;
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { policy: Record<string, unknown>; signatures: { signature: string }[] };
  doc.policy = { ...rest, guard };
  doc.signatures[0]!.signature = signWithDomain('diwan-policy/1', canonicalJson(doc.policy), signer.privateKey);
  fs.writeFileSync(file, JSON.stringify(doc));
}

function accepted(r: PolicyResult) {
  if (r.kind !== 'accepted') throw new Error(`expected the policy to be accepted, got ${JSON.stringify(r)}`);
  return r.policy;
}

function refusal(guard: unknown): string {
  const r = PolicySchema.safeParse({ ...policyBody([SITE]), guard });
  if (r.success) throw new Error('expected a refusal');
  return r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

describe('guard settings in the signed IT policy', () => {
  it('reads every guard setting IT signs, and counts the policy\'s link domains as the company\'s', () => {
    const policy = accepted(
      loadSigned(
        {
          companyDomains: ['Acme-Pay.com.'],
          allowedLinkDomains: ['apps.apple.com'],
          brandNames: ['acme'],
          serviceNeedsOnlyPhoneAndActivationCode: true,
          approvableRequests: ['full_name'],
          officialSupportNumbers: ['+966 800 123 4567'],
          officialSupportHandles: ['@acme_care'],
          flood: { senderPerMinute: 30, surgeFactor: 6, surgeExitFactor: 3 },
          earlyWarning: { minCount: 8, webhook: { url: 'https://soc.acme.example/hook' }, syslog: { host: 'siem.acme.example', port: 6514, protocol: 'tcp' } },
        },
        { allowedLinkDomains: ['acme.com'] },
      ),
    );
    const g = guardPolicyFrom(policy);
    expect(g.companyDomains).toEqual(['acme.com', 'acme-pay.com']);
    expect(g.allowedLinkDomains).toEqual(['apps.apple.com']);
    expect(g.serviceNeedsOnlyPhoneAndActivationCode).toBe(true);
    expect(g.approvableRequests).toEqual(['full_name']);
    expect(g.officialSupportNumbers).toEqual(['+966 800 123 4567']);
    expect(g.flood).toMatchObject({ senderPerMinute: 30, senderBurst: 10, surgeFactor: 6, surgeExitFactor: 3 });
    expect(g.earlyWarning).toMatchObject({ minCount: 8, spikeFactor: 4, webhook: { url: 'https://soc.acme.example/hook' } });
  });

  it('a policy without a guard object gets the defaults, with its link domains as the company\'s', () => {
    const g = guardPolicyFrom(accepted(loadSigned(undefined, { allowedLinkDomains: ['acme.com'] })));
    expect(g.companyDomains).toEqual(['acme.com']);
    expect(g.approvableRequests).toEqual(['national_id', 'full_name']);
    expect(g.serviceNeedsOnlyPhoneAndActivationCode).toBe(false);
  });

  it('approvableRequests decides what a lead may approve: [] makes an ID request unapprovable', () => {
    const only = (approvableRequests: string[]) =>
      guardPolicyFrom(accepted(loadSigned({ serviceNeedsOnlyPhoneAndActivationCode: true, approvableRequests })));
    const ask = 'Please send me your national ID number.';
    expect(evaluateReply(ask, 'en', only(['national_id']), noSensitive)).toEqual([expect.objectContaining({ code: 'asks_national_id', approvable: true })]);
    const strict = only([]);
    expect(evaluateReply(ask, 'en', strict, noSensitive)).toEqual([expect.objectContaining({ code: 'asks_national_id', approvable: false })]);
    const guard = new OutboundGuard({ policy: strict, detectSensitive: noSensitive });
    expect(() => guard.approve({ text: ask, conversationId: 1, agentUsername: 'a1', leadUsername: 'l1', leadRole: 'lead', lang: 'en' })).toThrow(expect.objectContaining({ code: 'guard_not_approvable' }));
  });

  it('a code, password, PIN or CVV can never be made approvable: the signed policy is refused, in a sentence', () => {
    for (const kind of ['otp', 'password', 'pin', 'card', 'cvv']) {
      const r = loadSigned({ approvableRequests: ['national_id', kind] });
      expect(r.kind).toBe('rejected');
      if (r.kind === 'rejected') expect(r.reason).toMatch(/guard\.approvableRequests\.1: only "national_id" and "full_name" can be approvable: a reply asking for a one-time code, password, PIN, card number or CVV is never approved/);
    }
    // nothing invalid gets signed in the first place
    expect(() => signPolicyDocument({ ...policyBody([SITE]), guard: { approvableRequests: ['cvv'] } }, makeSigner().privateKey)).toThrow(/Nothing was signed/);
    // and a block for a code is never approvable, whatever the policy lists
    const g = guardPolicyFrom(accepted(loadSigned({ approvableRequests: ['national_id', 'full_name'] })));
    expect(evaluateReply('send me the code we texted you', 'en', g, noSensitive)).toEqual([expect.objectContaining({ code: 'asks_otp', approvable: false })]);
  });

  it('refuses bad values with the setting\'s name and what to write instead', () => {
    expect(refusal({ approvableRequests: 'national_id' })).toMatch(/approvableRequests: .*array/i);
    expect(refusal({ approvableRequests: ['full_name', 'full_name'] })).toMatch(/approvableRequests: lists a request twice/);
    expect(refusal({ aprovableRequests: [] })).toMatch(/aprovableRequests/);
    expect(refusal({ flood: { senderPerMinute: 0 } })).toMatch(/guard\.flood\.senderPerMinute: must be a positive number/);
    expect(refusal({ flood: { surgeFactor: 2, surgeExitFactor: 3 } })).toMatch(/surgeExitFactor must be smaller than surgeFactor/);
    expect(refusal({ earlyWarning: { webhook: { url: 'http://soc.acme.example/hook' } } })).toMatch(/webhook must be an https:\/\/ address/);
    expect(refusal({ earlyWarning: { cooldownMs: 5 } })).toMatch(/cooldownMs: must be at least 1000 ms/);
    expect(refusal({ officialSupportNumbers: ['call us'] })).toMatch(/officialSupportNumbers\.0: must be a phone number/);
    expect(refusal({ companyDomains: ['not a domain'] })).toMatch(/companyDomains\.0: must be a DNS name/);
    expect(refusal({ serviceNeedsOnlyPhoneAndActivationCode: 'yes' })).toMatch(/serviceNeedsOnlyPhoneAndActivationCode/);
  });
});

describe('diwan guard --guard-policy: the same settings, the same refusals', () => {
  function run(settings: unknown, text: string) {
    const dir = tmpDir();
    const file = path.join(dir, 'guard.json');
    fs.writeFileSync(file, JSON.stringify(settings));
    const out: string[] = [];
    const err: string[] = [];
    const sink = (arr: string[]) => new Writable({ write: (c, _e, cb) => (arr.push(String(c)), cb()) });
    const io = { stdin: Readable.from([JSON.stringify({ id: 1, text }) + '\n']), stdout: sink(out), stderr: sink(err), env: {} };
    return runCli(['guard', 'reply', '--jsonl', '--guard-policy', file], io).then((code) => ({ code, out: out.join(''), err: err.join('') }));
  }

  it('holds a national ID request for a lead under the settings from the file, and refuses it when nothing is approvable', async () => {
    const held = await run({ serviceNeedsOnlyPhoneAndActivationCode: true }, 'Please send me your national ID number.');
    expect(held.code).toBe(0);
    expect(JSON.parse(held.out)).toEqual({ id: 1, verdict: 'block', codes: ['asks_national_id'], held: true });
    const refused = await run({ approvableRequests: [] }, 'Please send me your national ID number.');
    expect(JSON.parse(refused.out)).toEqual({ id: 1, verdict: 'block', codes: ['asks_national_id'] });
  });

  it('refuses an approvable code in a sentence and judges nothing', async () => {
    const r = await run({ approvableRequests: ['otp'] }, 'hi');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/The guard settings in .*guard\.json are not valid \(approvableRequests\.0: only "national_id" and "full_name" can be approvable/);
  });
});
