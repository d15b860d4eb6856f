import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  loadPolicy,
  ISSUED_AT_TOLERANCE_MS,
  machineLocations,
  MAX_POLICY_BYTES,
  MAX_POLICY_DEPTH,
  memoryVersionStore,
  readPolicyFile,
  PolicySchema,
  signPolicyDocument,
  signWithDomain,
  type PolicyResult,
} from '../../main/core/policy';
import { jsonNestingDepth as jsonDepthOf } from '../../main/core/policy/limits';
import { systemClock } from '../../main/core/shared/ports';
import { DAY, makeSigner, managedLocation, policyBody, writeSignedPolicy, type Signer } from '../helpers/network';

const SITE = {
  id: 'hq',
  ranges: ['10.20.0.0/16', '2001:db8:20::/48'],
  beacon: { url: 'https://beacon.hq.example:8443', pins: ['A'.repeat(43) + '='], publicKey: 'B'.repeat(43) + '=' },
};

function managed(signers: Signer[], signWith?: Signer, body: unknown = policyBody([SITE])) {
  const loc = managedLocation(signers);
  if (signWith) writeSignedPolicy(loc.policyFile, body, signWith);
  const versions = memoryVersionStore();
  const load = (clock = systemClock) => loadPolicy({ ...loc, versions, clock });
  return { loc, versions, load };
}

function rejected(r: PolicyResult): { code: string; reason: string } {
  if (r.kind !== 'rejected') throw new Error(`expected a refusal, got ${r.kind}`);
  return r;
}

describe('IT policy: signature, expiry, rollback', () => {
  it('accepts a policy signed by a trusted key and fills in the defaults later issues read', () => {
    const it1 = makeSigner();
    const r = managed([it1], it1).load();
    expect(r.kind).toBe('accepted');
    if (r.kind !== 'accepted') return;
    expect(r.signer).toBe('Test IT');
    expect(r.policy.masking.hints).toEqual({ PHONE: 2, CARD: 4 });
    expect(r.policy.requireTwoFactor).toBe(true);
    expect(r.policy.reveal).toEqual({});
    expect(r.policy.allowedLinkDomains).toEqual([]);
  });

  it('signs the canonical JSON: key order and whitespace in the file do not matter', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x', { d: 2.5, c: 'é' }] })).toBe('{"a":[true,null,"x",{"c":"é","d":2.5}],"b":1}');
    const it1 = makeSigner();
    const { loc, load } = managed([it1], it1);
    const doc = JSON.parse(fs.readFileSync(loc.policyFile, 'utf8'));
    const reordered = { signatures: doc.signatures, policy: Object.fromEntries(Object.entries(doc.policy).reverse()), format: doc.format };
    fs.writeFileSync(loc.policyFile, JSON.stringify(reordered, null, 7));
    expect(load().kind).toBe('accepted');
  });

  it('reads the policy IT delivered through managed configuration instead of the file, and verifies it the same way', () => {
    const it1 = makeSigner();
    const { loc, versions } = managed([it1], it1);
    const bytes = fs.readFileSync(loc.policyFile);
    fs.rmSync(loc.policyFile);
    const load = (b: Buffer) => loadPolicy({ ...loc, managedPolicy: { bytes: b, source: 'HKLM\\SOFTWARE\\Policies\\Diwan' }, versions, clock: systemClock });
    expect(load(bytes).kind).toBe('accepted');
    const tampered = Buffer.from(bytes.toString('utf8').replace('"hq"', '"hx"'));
    expect(load(tampered).kind).toBe('rejected');
  });

  it('refuses a policy with no signature, saying to sign it', () => {
    const it1 = makeSigner();
    const { loc, load } = managed([it1]);
    fs.writeFileSync(loc.policyFile, JSON.stringify(policyBody([SITE])));
    expect(rejected(load())).toMatchObject({ code: 'policy_unsigned', reason: expect.stringContaining('diwan policy sign') });
    fs.writeFileSync(loc.policyFile, JSON.stringify({ format: 'diwan-policy/1', policy: policyBody([SITE]), signatures: [] }));
    expect(rejected(load()).code).toBe('policy_unsigned');
  });

  it.each([
    ['a widened range', (p: Record<string, unknown>) => ((p.sites as Array<{ ranges: string[] }>)[0]!.ranges = ['0.0.0.0/0'])],
    ['a later expiry', (p: Record<string, unknown>) => (p.expiresAt = new Date(Date.now() + 3650 * DAY).toISOString())],
    ['an added field', (p: Record<string, unknown>) => (p.requireTwoFactor = false)],
  ])('refuses a tampered policy (%s)', (_label, tamper) => {
    const it1 = makeSigner();
    const { loc, load } = managed([it1], it1);
    const doc = JSON.parse(fs.readFileSync(loc.policyFile, 'utf8'));
    tamper(doc.policy);
    fs.writeFileSync(loc.policyFile, JSON.stringify(doc));
    expect(rejected(load())).toMatchObject({ code: 'policy_bad_signature', reason: expect.stringMatching(/changed after signing/) });
  });

  it('refuses a policy signed by a key this computer does not trust', () => {
    const trusted = makeSigner();
    const stranger = makeSigner('Someone');
    expect(rejected(managed([trusted], stranger).load())).toMatchObject({ code: 'policy_untrusted_signer' });
  });

  it('refuses an expired policy and names the expiry', () => {
    const it1 = makeSigner();
    const past = Date.now() - 60 * DAY;
    const r = managed([it1], it1, policyBody([SITE], { expiresAt: new Date(past).toISOString() }, past)).load();
    expect(rejected(r)).toMatchObject({ code: 'policy_expired', reason: expect.stringContaining(new Date(past).toISOString()) });
    // the clock decides: the same policy read at a time before its expiry is accepted
    expect(managed([it1], it1, policyBody([SITE], { expiresAt: new Date(past).toISOString() }, past)).load({ now: () => past - 1000 }).kind).toBe(
      'accepted',
    );
  });

  it('refuses a rolled-back policy: a lower version than one already accepted', () => {
    const it1 = makeSigner();
    const { loc, load, versions } = managed([it1], it1, policyBody([SITE], { version: 7 }));
    expect(load().kind).toBe('accepted');
    expect(versions.get()).toBe(7);
    writeSignedPolicy(loc.policyFile, policyBody([SITE], { version: 6 }), it1);
    expect(rejected(load())).toMatchObject({ code: 'policy_rollback', reason: expect.stringMatching(/version 6, older than version 7/) });
    writeSignedPolicy(loc.policyFile, policyBody([SITE], { version: 8 }), it1);
    expect(load().kind).toBe('accepted');
    expect(versions.get()).toBe(8);
  });

  it('refuses a signed policy that does not validate, listing where', () => {
    const it1 = makeSigner();
    const { loc, load } = managed([it1]);
    const bad = { ...policyBody([SITE]), sites: [{ ...SITE, beacon: { ...SITE.beacon, url: 'http://beacon.hq.example' } }], requireTwoFacter: true };
    // sign the raw bytes a careless tool would produce, bypassing `diwan policy sign`'s own validation
    const good = JSON.parse(signPolicyDocument(policyBody([SITE]), it1.privateKey));
    good.policy = bad;
    good.signatures[0].signature = signWithDomain('diwan-policy/1', canonicalJson(bad), it1.privateKey);
    fs.writeFileSync(loc.policyFile, JSON.stringify(good));
    const r = rejected(load());
    expect(r.code).toBe('policy_invalid');
    expect(r.reason).toMatch(/sites\.0\.beacon\.url: must be an https:\/\/ URL/);
    expect(r.reason).toMatch(/requireTwoFacter/);
  });

  it('explains a missing policy, unreadable JSON and a file that is not a policy', () => {
    const it1 = makeSigner();
    const { loc, load } = managed([it1]);
    expect(rejected(load())).toMatchObject({ code: 'policy_missing', reason: expect.stringContaining(loc.policyFile) });
    fs.writeFileSync(loc.policyFile, '{"format": "diwan-policy/1", ');
    expect(rejected(load()).code).toBe('policy_malformed');
    fs.writeFileSync(loc.policyFile, '{"hello": "world"}');
    expect(rejected(load()).code).toBe('policy_malformed');
  });

  it('refuses a policy issued in the future, naming both times; a few minutes of clock drift pass', () => {
    const it1 = makeSigner();
    const now = Date.now();
    const future = new Date(now + DAY).toISOString();
    const r = rejected(managed([it1], it1, policyBody([SITE], { issuedAt: future })).load());
    expect(r.code).toBe('policy_not_yet_valid');
    expect(r.reason).toContain(future);
    expect(r.reason).toMatch(/clock is behind or the policy was signed with a wrong date/);
    const drift = new Date(now + ISSUED_AT_TOLERANCE_MS / 2).toISOString();
    expect(managed([it1], it1, policyBody([SITE], { issuedAt: drift })).load().kind).toBe('accepted');
  });

  it('refuses a deeply nested policy with a sentence, before parsing it, whatever the nesting is made of', () => {
    const it1 = makeSigner();
    const { loc, load } = managed([it1]);
    fc.assert(
      fc.property(fc.integer({ min: MAX_POLICY_DEPTH, max: 150_000 }), fc.constantFrom('[', '{"a":'), fc.boolean(), (depth, open, withStrings) => {
        const close = open === '[' ? ']' : '}';
        const inner = withStrings ? '"]]}}\\"{{["' : '1';
        const policy = open.repeat(depth) + inner + close.repeat(depth);
        fs.writeFileSync(loc.policyFile, `{"format":"diwan-policy/1","policy":{"x":${policy}},"signatures":[{"keyId":"k","signature":"s"}]}`);
        const r = rejected(load());
        expect(r.code).toBe('policy_too_deep');
        expect(r.reason).toMatch(/nests more than 32 levels/);
      }),
      { numRuns: 25 },
    );
    // brackets inside strings do not count
    expect(jsonDepthOf('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}')).toBe(1);
  });

  it('refuses a policy file larger than 1 MiB before reading it', () => {
    const it1 = makeSigner();
    const { loc, load } = managed([it1]);
    fs.writeFileSync(loc.policyFile, Buffer.alloc(MAX_POLICY_BYTES + 1, 0x20));
    expect(rejected(load())).toMatchObject({ code: 'policy_too_large', reason: expect.stringMatching(/larger than 1 MiB/) });
    expect(() => readPolicyFile(loc.policyFile)).toThrow(/larger than 1 MiB/);
  });

  it('validates what later issues read: masking hints, reveal rules, devices, link domains, relay', () => {
    const ok = PolicySchema.safeParse({
      ...policyBody([SITE]),
      masking: { hints: { PHONE: 2, CARD: 4, IBAN: 0 } },
      reveal: { PHONE: { roles: ['lead'], durationSeconds: 60, requiresApproval: true } },
      enrolledDevices: ['sha256:abcdefgh12345678'],
      requireTwoFactor: false,
      allowedLinkDomains: ['Acme.Example.'],
      relay: { url: 'https://relay.acme.example', pin: 'A'.repeat(43) + '=' },
    });
    expect(ok.success).toBe(true);
    if (ok.success) expect(ok.data.allowedLinkDomains).toEqual(['acme.example']);
    expect(PolicySchema.safeParse({ ...policyBody([SITE]), masking: { hints: { CARD: 9 } } }).success).toBe(false);
    expect(PolicySchema.safeParse({ ...policyBody([SITE]), relay: 'https://relay.acme.example' }).success).toBe(false);
    expect(PolicySchema.safeParse({ ...policyBody([SITE]), sites: [SITE, SITE] }).success).toBe(false);
    expect(PolicySchema.safeParse({ ...policyBody([SITE]), sites: [{ ...SITE, ranges: ['10.0.0.0/33'] }] }).success).toBe(false);
  });
});

describe('trusted signers and development mode', () => {
  it('is unmanaged when no signer key is configured anywhere and no policy is installed', () => {
    const r = managed([]).load();
    expect(r).toMatchObject({ kind: 'unmanaged', reason: expect.stringMatching(/development/) });
  });

  it('fails closed when a policy is installed but no signer key is configured', () => {
    const it1 = makeSigner();
    const { loc, load } = managed([]);
    writeSignedPolicy(loc.policyFile, policyBody([SITE]), it1);
    expect(rejected(load())).toMatchObject({ code: 'signers_missing' });
  });

  it('with a build-configured key, a missing policy is refused, never unmanaged', () => {
    const it1 = makeSigner();
    const loc = managedLocation([]);
    const r = loadPolicy({ ...loc, buildSigners: [{ name: 'build', publicKey: it1.publicKey }], versions: memoryVersionStore(), clock: systemClock });
    expect(rejected(r).code).toBe('policy_missing');
    writeSignedPolicy(loc.policyFile, policyBody([SITE]), it1);
    expect(loadPolicy({ ...loc, buildSigners: [{ name: 'build', publicKey: it1.publicKey }], versions: memoryVersionStore(), clock: systemClock })).toMatchObject({
      kind: 'accepted',
      signer: 'build',
    });
  });

  it.each([
    ['a group-writable signer folder', (l: ReturnType<typeof managedLocation>) => fs.chmodSync(l.signersDir, 0o775)],
    ['a world-writable signer file', (l: ReturnType<typeof managedLocation>) => fs.chmodSync(path.join(l.signersDir, 'it.json'), 0o666)],
    ['a group-writable parent folder', (l: ReturnType<typeof managedLocation>) => fs.chmodSync(l.root, 0o770)],
  ])('refuses signer keys in %s, even where it would otherwise be unmanaged', (_label, loosen) => {
    const it1 = makeSigner();
    const { loc, load } = managed([it1], it1);
    loosen(loc);
    expect(rejected(load())).toMatchObject({ code: 'signers_insecure', reason: expect.stringMatching(/not writable by group or others/) });
  });

  it('refuses signer keys owned by a user who is not an administrator', () => {
    const it1 = makeSigner();
    const loc = managedLocation([it1]);
    writeSignedPolicy(loc.policyFile, policyBody([SITE]), it1);
    // as root, hand the file to an ordinary user; as an ordinary user, stop counting ourselves as an administrator
    const asRoot = process.getuid!() === 0;
    if (asRoot) fs.chownSync(path.join(loc.signersDir, 'it.json'), 12345, 12345);
    const r = loadPolicy({ ...loc, trustedOwners: asRoot ? [0] : [], versions: memoryVersionStore(), clock: systemClock });
    expect(rejected(r)).toMatchObject({ code: 'signers_insecure', reason: expect.stringMatching(/not an administrator/) });
  });

  it('refuses a signer file that is not valid', () => {
    const loc = managedLocation([]);
    fs.writeFileSync(path.join(loc.signersDir, 'bad.json'), JSON.stringify({ signers: [{ name: 'x', publicKey: 'short' }] }), { mode: 0o644 });
    const r = loadPolicy({ ...loc, versions: memoryVersionStore(), clock: systemClock });
    expect(rejected(r)).toMatchObject({ code: 'signers_malformed', reason: expect.stringMatching(/signers\.0\.publicKey/) });
  });

  it('uses the machine-wide folder of each platform, never one the environment names', () => {
    expect(machineLocations('linux')).toEqual({ policyFile: '/etc/diwan/policy.json', signersDir: '/etc/diwan/policy-signers' });
    expect(machineLocations('darwin').signersDir).toBe('/Library/Application Support/Diwan/policy-signers');
    // a user who sets %ProgramData% to a folder of their own must not get Diwan to trust their signer keys
    const before = process.env.ProgramData;
    process.env.ProgramData = 'D:\\Mine';
    try {
      expect(machineLocations('win32')).toEqual({ policyFile: 'C:\\ProgramData\\Diwan\\policy.json', signersDir: 'C:\\ProgramData\\Diwan\\policy-signers' });
    } finally {
      if (before === undefined) delete process.env.ProgramData;
      else process.env.ProgramData = before;
    }
  });

});
