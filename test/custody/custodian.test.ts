import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originalContext, rawPublic, REQUEST_DOMAIN, sealTo, signStatement } from '../../main/core/custody';
import { privateKeyFromPem } from '../../main/core/policy';
import type { RunningCustodian } from '../../main/custodian';
import { CustodianLink } from '../../main/hub/custodian-link';
import { custodyFiles, startTestCustodian, type CustodyFiles } from '../hub/custody-fixture';
import { makeGrant, testDevice as device, type TestDevice as Device } from './grant-fixture';

/**
 * A compromised hub: it holds the grant-signing key and the sealed originals, and tries every way to get a value
 * opened that no enrolled device asked for (or no lead approved). The custodian refuses each and logs it.
 */
describe('the key custodian against a compromised hub', () => {
  let files: CustodyFiles;
  let custodian: RunningCustodian;
  let hub: CustodianLink;
  const clock = Date.now();
  const now = () => clock;
  const agent = device();
  const other = device();
  const lead = device();
  const unenrolled = device();
  let revealSeq = 0;

  const logLines = () =>
    fs
      .readFileSync(path.join(files.dir, 'custodian.log'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { event: string; code?: string; revealId?: number });

  /** A field the hub sealed at ingest, and a grant for it as an honest hub would build it. */
  function grantFor(o: { value: string; type: string; asker?: Device; signer?: Device; approver?: Device | null; approverName?: string; expiresIn?: number }) {
    const key = hub.sealingKey();
    const messageId = 1000 + ++revealSeq;
    const sealed = sealTo(key.publicKey, key.epoch, originalContext('acme', messageId, { field: 0, type: o.type }), o.value);
    return makeGrant({ ...o, revealId: revealSeq, messageId, sealed, asker: o.asker ?? agent, now: now() });
  }

  beforeAll(async () => {
    files = await custodyFiles({ perDevice: 5 });
    files.enrol([agent.fingerprint, other.fingerprint, lead.fingerprint], ['layla']);
    custodian = await startTestCustodian(files, { now });
    hub = new CustodianLink({ url: custodian.url, pin: custodian.pin, team: 'acme', grantKey: privateKeyFromPem(files.grantKeyPem, 'grant key'), now });
    await hub.start();
  });

  afterAll(async () => {
    await hub?.close();
    await custodian?.close();
  });

  it('opens a valid grant for the requesting device only: the hub relays a ciphertext it cannot open', async () => {
    const { grant, open } = grantFor({ value: '۰۹۱۲ ۳۴۵ ۶۷۸۹', type: 'PHONE' });
    const answer = await hub.open(grant);
    expect(answer.sealed).not.toContain('۰۹۱۲');
    expect(open(answer.sealed)).toBe('۰۹۱۲ ۳۴۵ ۶۷۸۹');
    expect(logLines().at(-1)).toMatchObject({ event: 'reveal.opened', revealId: grant.revealId });
  });

  it('refuses a grant not signed by the hub key IT configured (forged)', async () => {
    const forger = new CustodianLink({ url: custodian.url, pin: custodian.pin, team: 'acme', grantKey: crypto.generateKeyPairSync('ed25519').privateKey, now });
    await forger.start();
    await expect(forger.open(grantFor({ value: '0912 345 6789', type: 'PHONE' }).grant)).rejects.toMatchObject({ code: 'grant_forged' });
    await forger.close();
    expect(logLines().at(-1)).toMatchObject({ event: 'reveal.refused', code: 'grant_forged' });
  });

  it('refuses a grant used twice, and a device request re-wrapped in a new grant (replayed)', async () => {
    const { grant } = grantFor({ value: '0912 345 6789', type: 'PHONE' });
    await hub.open(grant);
    await expect(hub.open(grant)).rejects.toMatchObject({ code: 'grant_replayed' });
    await expect(hub.open({ ...grant, grantId: crypto.randomBytes(18).toString('base64url') })).rejects.toMatchObject({ code: 'grant_replayed' });
    expect(logLines().slice(-2).map((l) => l.code)).toEqual(['grant_replayed', 'grant_replayed']);
  });

  it('refuses an expired grant, and a device request from long ago', async () => {
    await expect(hub.open(grantFor({ value: '0912 345 6789', type: 'PHONE', expiresIn: -1 }).grant)).rejects.toMatchObject({ code: 'grant_expired' });
    const { grant } = grantFor({ value: '0912 345 6789', type: 'PHONE' });
    const old = { ...grant, request: { ...grant.request, body: { ...grant.request.body, at: now() - 3_600_000 } } };
    old.request.signature = signStatement(REQUEST_DOMAIN, old.request.body, agent.key);
    await expect(hub.open(old)).rejects.toMatchObject({ code: 'request_stale' });
  });

  it('refuses a grant for another device than the one that signed the request, and a recipient key the hub swapped in', async () => {
    // The hub names the agent's device but the request was signed by another enrolled device.
    await expect(hub.open(grantFor({ value: '0912 345 6789', type: 'PHONE', signer: other }).grant)).rejects.toMatchObject({ code: 'request_forged' });
    // The hub claims another device asked.
    const { grant } = grantFor({ value: '0912 345 6789', type: 'PHONE' });
    await expect(hub.open({ ...grant, device: other.fingerprint, devicePublicKey: other.publicKeyPem })).rejects.toMatchObject({ code: 'grant_other_device' });
    // The hub replaces the one-time key with its own.
    const swapped = grantFor({ value: '0912 345 6789', type: 'PHONE' }).grant;
    swapped.request.body.recipient = rawPublic(crypto.generateKeyPairSync('x25519').publicKey);
    await expect(hub.open(swapped)).rejects.toMatchObject({ code: 'request_forged' });
    expect(logLines().slice(-3).map((l) => l.code)).toEqual(['request_forged', 'grant_other_device', 'request_forged']);
  });

  it('refuses a device IT has not enrolled in the signed policy', async () => {
    await expect(hub.open(grantFor({ value: '0912 345 6789', type: 'PHONE', asker: unenrolled }).grant)).rejects.toMatchObject({ code: 'device_unenrolled' });
    expect(logLines().at(-1)).toMatchObject({ event: 'reveal.refused', code: 'device_unenrolled' });
  });

  it('refuses an approval type without the lead device countersignature, or countersigned by the requester or a non-lead', async () => {
    await expect(hub.open(grantFor({ value: '4111 1111 1111 1111', type: 'CARD' }).grant)).rejects.toMatchObject({ code: 'approval_missing' });
    await expect(hub.open(grantFor({ value: '4111 1111 1111 1111', type: 'CARD', approver: agent }).grant)).rejects.toMatchObject({ code: 'approval_invalid' });
    await expect(hub.open(grantFor({ value: '4111 1111 1111 1111', type: 'CARD', approver: other, approverName: 'badr' }).grant)).rejects.toMatchObject({ code: 'approval_invalid' });
    await expect(hub.open(grantFor({ value: '4111 1111 1111 1111', type: 'CARD', approver: unenrolled }).grant)).rejects.toMatchObject({ code: 'approval_invalid' });
    // A tampered type (CARD said to be PHONE to skip approval) does not open: the type is in the sealed value's associated data.
    const lied = grantFor({ value: '4111 1111 1111 1111', type: 'CARD' }).grant;
    await expect(hub.open({ ...lied, type: 'PHONE' })).rejects.toMatchObject({ code: 'sealed_mismatch' });
    const ok = grantFor({ value: '4111 1111 1111 1111', type: 'CARD', approver: lead });
    expect(ok.open((await hub.open(ok.grant)).sealed)).toBe('4111 1111 1111 1111');
    expect(logLines().slice(-6).map((l) => l.code ?? l.event)).toEqual(['approval_missing', 'approval_invalid', 'approval_invalid', 'approval_invalid', 'sealed_mismatch', 'reveal.opened']);
  });

  it('limits each device to the reveals per hour IT set', async () => {
    // This device has opened 3 so far (a PHONE, the replayed grant's first use, the approved CARD).
    const opened = logLines().filter((l) => l.event === 'reveal.opened').length;
    for (let i = opened; i < 5; i++) await hub.open(grantFor({ value: '0912 345 6789', type: 'PHONE' }).grant);
    await expect(hub.open(grantFor({ value: '0912 345 6789', type: 'PHONE' }).grant)).rejects.toMatchObject({ code: 'rate_limited' });
    // Another device is not affected.
    await hub.open(grantFor({ value: '0912 345 6789', type: 'PHONE', asker: other }).grant);
  });

  it('keeps its own log as an unbroken hash chain with every refusal in it', async () => {
    const { verifyCustodianLog } = await import('../../main/custodian');
    const r = verifyCustodianLog(path.join(files.dir, 'custodian.log'));
    expect(r.broken).toBeNull();
    expect(logLines().filter((l) => l.event === 'reveal.refused').length).toBeGreaterThanOrEqual(12);
    // Nothing in the log is a value.
    const text = fs.readFileSync(path.join(files.dir, 'custodian.log'), 'utf8');
    for (const v of ['4111 1111 1111 1111', '4111111111111111', '0912 345 6789', '09123456789', '۰۹۱۲ ۳۴۵ ۶۷۸۹']) expect(text).not.toContain(v);
    // An edited line is found.
    const file = path.join(files.dir, 'custodian.log');
    const copy = path.join(files.dir, 'edited.log');
    fs.writeFileSync(copy, fs.readFileSync(file, 'utf8').replace('"code":"grant_forged"', '"code":"grant_expired"'));
    expect(verifyCustodianLog(copy).broken).toMatchObject({ why: expect.stringMatching(/changed/) });
  });
});
