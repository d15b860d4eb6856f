import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../main/core/app';
import { AuditTrail, exportAudit, GENESIS_HASH, verifyAuditExport } from '../../main/core/audit';
import { loadOrCreateDeviceIdentity } from '../../main/core/auth';
import { runCli } from '../../main/cli/run';
import { generateEd25519 } from '../../main/core/policy';
import { interfaces, makeSigner, managedLocation, policyBody, siteFor, startTestBeacon, writeSignedPolicy } from '../helpers/network';
import { addPeople, PEOPLE } from '../helpers/console';
import { testKeychain } from '../helpers/keychain';
import { TestClock } from '../helpers/identity';
import { tmpDir } from '../helpers/tmp';

const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
});

async function open(env: { dataDir: string; keychain: ReturnType<typeof testKeychain> }) {
  const core = await openCore({ embedded: 'store', dataDir: env.dataDir, keychain: env.keychain.keychain, keychainService: env.keychain.service, clock: new TestClock() });
  cores.push(core);
  return core;
}

async function trailWith(n: number) {
  const env = { dataDir: tmpDir(), keychain: testKeychain() };
  const core = await open(env);
  await core.ready();
  for (let i = 1; i <= n; i++) core.audit({ action: 'conversation.opened', actor: `user${i}`, target: `conversation:${i}`, details: { i } });
  await core.auditTrail.flush();
  return { env, core };
}

/** What someone with the database file can do: the triggers only stop the app, not a person with sqlite3. */
function tamper(core: Core, sql: string) {
  core.db.exec('DROP TRIGGER IF EXISTS audit_entries_no_update; DROP TRIGGER IF EXISTS audit_entries_no_delete;');
  core.db.exec(sql);
}

function kinds(report: { problems: Array<{ kind: string; seq: number | null }> }) {
  return report.problems.map((p) => `${p.kind}@${p.seq}`);
}

describe('audit trail: append-only hash chain', () => {
  it('chains each entry to the previous one under a keychain key; the app cannot update or delete', async () => {
    const { core } = await trailWith(5);
    const entries = core.auditTrail.list();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
    expect(entries[0]).toMatchObject({ actor: 'user1', device: core.identity.deviceIdentity.fingerprint, details: { i: 1 } });
    expect(() => core.db.exec("UPDATE audit_entries SET actor = 'x' WHERE seq = 2")).toThrow(/append-only/);
    expect(() => core.db.exec('DELETE FROM audit_entries WHERE seq = 5')).toThrow(/append-only/);
    expect(await core.auditTrail.verify()).toMatchObject({ ok: true, entries: 5, lastSeq: 5, headChecked: true, problems: [] });
    const keyAccounts = await core.vault.accounts('audit');
    // The key, the head, and which database owns this file's path.
    expect(keyAccounts).toHaveLength(3);
  });

  it('finds an edited entry and says which', async () => {
    const { core } = await trailWith(6);
    tamper(core, `UPDATE audit_entries SET details = '{"i":99}' WHERE seq = 3`);
    expect(kinds(await core.auditTrail.verify())).toEqual(['edited@3']);
  });

  it('finds an entry edited along with a recomputed plain hash (no key, no valid MAC)', async () => {
    const { core } = await trailWith(4);
    tamper(core, `UPDATE audit_entries SET actor = 'someone-else', hash = lower(hex(randomblob(32))) WHERE seq = 2`);
    const report = await core.auditTrail.verify();
    expect(kinds(report)).toContain('edited@2');
    expect(report.ok).toBe(false);
  });

  it('finds a deleted entry and says which', async () => {
    const { core } = await trailWith(6);
    tamper(core, 'DELETE FROM audit_entries WHERE seq IN (3, 4)');
    const report = await core.auditTrail.verify();
    expect(kinds(report)).toEqual(['deleted@3']);
    expect(report.problems[0]!.message).toMatch(/Entries 3–4 were deleted/);
  });

  it('finds swapped (reordered) entries and says which', async () => {
    const { core } = await trailWith(6);
    tamper(core, 'UPDATE audit_entries SET seq = -1 WHERE seq = 3; UPDATE audit_entries SET seq = 3 WHERE seq = 4; UPDATE audit_entries SET seq = 4 WHERE seq = -1;');
    expect(kinds(await core.auditTrail.verify())).toEqual(['reordered@3', 'reordered@4']);
  });

  it('finds a deletion hidden by renumbering the rest', async () => {
    const { core } = await trailWith(6);
    tamper(core, 'DELETE FROM audit_entries WHERE seq = 2; UPDATE audit_entries SET seq = seq - 1 WHERE seq > 2;');
    const report = await core.auditTrail.verify();
    expect(kinds(report)).toContain('deleted@2');
    expect(report.ok).toBe(false);
  });

  it('finds the newest entries cut off, through the keychain head, and refuses to continue until IT acknowledges', async () => {
    const { env, core } = await trailWith(8);
    tamper(core, 'DELETE FROM audit_entries WHERE seq > 6');
    const report = await core.auditTrail.verify();
    expect(kinds(report)).toEqual(['truncated@7']);
    expect(report.problems[0]!.message).toMatch(/Entries 7–8 were cut off/);

    core.close();
    const reopened = await open(env);
    await expect(reopened.ready()).rejects.toMatchObject({ code: 'audit_tampered' });
    const device = await loadOrCreateDeviceIdentity(reopened.vault);
    const ack = await reopened.auditTrail.acknowledge('it-admin', device.fingerprint);
    expect(ack).toEqual({ previousHead: expect.objectContaining({ seq: 8 }), lastSeq: 7 });
    await expect(reopened.ready()).resolves.toBeUndefined();
    expect(reopened.auditTrail.list({ afterSeq: 6 })).toEqual([
      expect.objectContaining({ seq: 7, action: 'audit.acknowledged', details: { previousHeadSeq: 8, foundLastSeq: 6 } }),
    ]);
  });

  it('finds a cut-off end through the checkpoints when the keychain head is gone too', async () => {
    const { core } = await trailWith(5);
    core.auditTrail.checkpointNow();
    await core.vault.delete(core.auditTrail.headAccount);
    tamper(core, 'DELETE FROM audit_entries WHERE seq = 5');
    const report = await core.auditTrail.verify();
    expect(report.headChecked).toBe(false);
    expect(kinds(report)).toEqual(['truncated@5']);
  });

  it('writes a checkpoint every 100 entries and on close; an edited checkpoint is found', async () => {
    const { env, core } = await trailWith(205);
    expect(core.db.prepare('SELECT seq FROM audit_checkpoints ORDER BY seq').all()).toEqual([{ seq: 100 }, { seq: 200 }]);
    core.close();
    const again = await open(env);
    expect(again.db.prepare('SELECT seq FROM audit_checkpoints ORDER BY seq').all()).toEqual([{ seq: 100 }, { seq: 200 }, { seq: 205 }]);
    tamper(again, 'UPDATE audit_checkpoints SET at = at + 1 WHERE seq = 100');
    expect(kinds(await again.auditTrail.verify())).toEqual(['checkpoint_edited@100']);
  });

  it('finds deleted checkpoints: every one, or one, and with the end cut off and the keychain head gone too', async () => {
    const { env, core } = await trailWith(250);
    tamper(core, 'DELETE FROM audit_checkpoints');
    expect(kinds(await core.auditTrail.verify())).toEqual(['checkpoint_deleted@100', 'checkpoint_deleted@200']);
    core.close();
    const again = await open(env);
    await again.ready();
    tamper(again, 'DELETE FROM audit_checkpoints WHERE seq = 200');
    expect(kinds(await again.auditTrail.verify())).toContain('checkpoint_deleted@200');
    // the attack checkpoints exist to catch: cut the newest entries, the checkpoints that promised them, and the head
    await again.vault.delete(again.auditTrail.headAccount);
    tamper(again, 'DELETE FROM audit_entries WHERE seq > 150');
    tamper(again, 'DELETE FROM audit_checkpoints WHERE seq > 100');
    tamper(again, 'DELETE FROM audit_checkpoints WHERE seq = 100');
    const report = await again.auditTrail.verify();
    expect(report.ok).toBe(false);
    expect(kinds(report)).toEqual(['checkpoint_deleted@100']);
  });

  it('keeps events recorded before the keychain answered, in order', async () => {
    const env = { dataDir: tmpDir(), keychain: testKeychain() };
    const core = await open(env);
    core.audit({ action: 'auth.sign_in' });
    core.audit({ action: 'auth.sign_out' });
    expect(core.auditTrail.list()).toEqual([]);
    await core.ready();
    expect(core.auditTrail.list().map((e) => e.action)).toEqual(['auth.sign_in', 'auth.sign_out']);
  });

  it('refuses to extend a trail whose key is gone from the keychain', async () => {
    const { env, core } = await trailWith(2);
    await core.vault.delete(core.auditTrail.keyAccount);
    core.close();
    await expect((await open(env)).ready()).rejects.toMatchObject({ code: 'audit_key_missing' });
  });

  it('redacts details keyed like secrets and bounds long text (a safety net for callers)', async () => {
    const { core } = await trailWith(0);
    core.audit({ action: 'settings.changed', details: { password: 'hunter2-secret', apiToken: 'tok-123', note: 'n'.repeat(2000) } });
    const [e] = core.auditTrail.list();
    expect(e!.details).toMatchObject({ password: '[redacted]', apiToken: '[redacted]' });
    expect(String(e!.details.note).length).toBeLessThan(600);
    expect(JSON.stringify(core.db.prepare('SELECT * FROM audit_entries').all())).not.toMatch(/hunter2|tok-123/);
  });
});

describe('signed export for the SIEM', () => {
  it('signs JSONL with the device key; any change to the file is found', async () => {
    const { core } = await trailWith(4);
    const device = core.identity.deviceIdentity;
    const { text, entries } = exportAudit(core.auditTrail, device, { now: core.clock.now() });
    expect(entries).toBe(4);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: 'entry', seq: 1, actor: 'user1', details: { i: 1 } });
    expect(JSON.parse(lines[4]!)).toMatchObject({ type: 'signature', alg: 'Ed25519', entries: 4, device: device.fingerprint });
    expect(verifyAuditExport(text, { expectedDevice: device.fingerprint })).toMatchObject({ ok: true, entries: 4, firstSeq: 1, lastSeq: 4 });

    const edited = text.replace('"actor":"user2"', '"actor":"userX"');
    expect(verifyAuditExport(edited).problems).toEqual([expect.stringMatching(/signature does not match/)]);
    const dropped = [...lines.slice(0, 3), lines[4]].join('\n') + '\n';
    expect(verifyAuditExport(dropped).ok).toBe(false);
    expect(verifyAuditExport(lines.slice(0, 4).join('\n') + '\n').ok).toBe(false);
    expect(verifyAuditExport(text, { expectedDevice: 'ab'.repeat(32) }).problems).toEqual([expect.stringMatching(/different device/)]);
    expect(exportAudit(core.auditTrail, device, { sinceSeq: 2, now: 0 })).toMatchObject({ entries: 2, firstSeq: 3, lastSeq: 4 });
  });

  it('`diwan audit verify`, `export` and `verify-export` from the command line', async () => {
    const { env, core } = await trailWith(3);
    core.close();
    const cli = async (...args: string[]) => {
      const out: string[] = [];
      const sink = new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) });
      const code = await runCli(args, { stdin: Readable.from([]), stdout: sink, stderr: sink, env: { DIWAN_KEYCHAIN_SERVICE: env.keychain.service } });
      return { code, out: out.join('') };
    };
    expect(await cli('audit', 'verify', '--data-dir', env.dataDir)).toMatchObject({ code: 0, out: expect.stringMatching(/intact/) });
    const file = path.join(tmpDir(), 'audit.jsonl');
    expect(await cli('audit', 'export', '--out', file, '--data-dir', env.dataDir)).toMatchObject({ code: 0, out: expect.stringMatching(/Wrote 4 entries/) });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const device = await cli('device', 'id', '--json');
    const { fingerprint } = JSON.parse(device.out) as { fingerprint: string };
    expect(await cli('audit', 'verify-export', file, '--device', fingerprint)).toMatchObject({ code: 0, out: expect.stringMatching(/intact: 4 entries/) });
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"user2"', '"user9"'));
    expect(await cli('audit', 'verify-export', file)).toMatchObject({ code: 1, out: expect.stringMatching(/signature does not match/) });

    const tampered = await open(env);
    tamper(tampered, 'DELETE FROM audit_entries WHERE seq = 2');
    tampered.close();
    const bad = await cli('audit', 'verify', '--data-dir', env.dataDir);
    expect(bad).toMatchObject({ code: 1, out: expect.stringMatching(/tampered with[\s\S]*Entry 2 was deleted/) });
    expect(await cli('audit', 'acknowledge', '--data-dir', env.dataDir)).toMatchObject({ code: 2 });
    // `--yes` is no longer enough: IT's acknowledgement signed with a policy key this computer trusts is needed.
    expect(await cli('audit', 'acknowledge', '--yes', '--data-dir', env.dataDir)).toMatchObject({ code: 2, out: expect.stringMatching(/signed with a policy signing key/) });
    const stranger = generateEd25519();
    const keyFile = path.join(tmpDir(), 'stranger.pem');
    fs.writeFileSync(keyFile, stranger.privateKeyPem, { mode: 0o600 });
    const dbId = /database ([0-9a-f]+)\)/.exec(bad.out)![1]!;
    const ackFile = path.join(tmpDir(), 'ack.json');
    const lastSeq = /newest at position (\d+)/.exec(bad.out)![1]!;
    expect(await cli('audit', 'ack-sign', '--key', keyFile, '--database-id', dbId, '--last-seq', lastSeq, '--reason', 'accepting it myself', '--out', ackFile)).toMatchObject({ code: 0 });
    expect(await cli('audit', 'acknowledge', '--ack', ackFile, '--admin', 'user1', '--data-dir', env.dataDir)).toMatchObject({
      code: 1,
      out: expect.stringMatching(/not signed by a policy signing key this computer trusts/),
    });
    expect(await cli('audit', 'verify', '--data-dir', env.dataDir)).toMatchObject({ code: 1 });
  });

  it('`diwan audit acknowledge` accepts a cut-off trail with IT\'s signed acknowledgement and an administrator\'s sign-in, end to end', async () => {
    const { env, core } = await trailWith(3);
    await addPeople(core);
    await core.auditTrail.flush();
    const newest = core.auditTrail.list().at(-1)!.seq;
    tamper(core, `DELETE FROM audit_entries WHERE seq > ${newest - 2}`);
    core.close();
    cores.splice(cores.indexOf(core), 1);

    // A managed machine, as IT sets it up: its signer folder holds IT's policy key, a signed policy is in force, and
    // this machine is inside the office network (its beacon answers, its address is in the office range).
    const itSigner = makeSigner('IT security');
    const beacon = await startTestBeacon('hq');
    const machine = managedLocation([itSigner]);
    writeSignedPolicy(machine.policyFile, policyBody([siteFor('hq', beacon, ['10.20.0.0/16'])]), itSigner);
    let ifaces = interfaces({ eth0: ['10.20.1.5'] });
    const network = { ...machine, interfaces: () => ifaces, dnsSuffixes: async () => [] };
    const itKey = path.join(tmpDir(), 'it-key.pem');
    fs.writeFileSync(itKey, itSigner.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
    const cli = async (args: string[], stdin: string[] = []) => {
      const out: string[] = [];
      const sink = new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) });
      const code = await runCli(args, { stdin: Readable.from(stdin), stdout: sink, stderr: sink, env: { DIWAN_KEYCHAIN_SERVICE: env.keychain.service }, network });
      return { code, out: out.join('') };
    };

    const bad = await cli(['audit', 'verify', '--data-dir', env.dataDir]);
    expect(bad).toMatchObject({ code: 1, out: expect.stringMatching(/cut off/) });
    const dbId = /database ([0-9a-f]+)\)/.exec(bad.out)![1]!;
    const lastSeq = /newest at position (\d+)/.exec(bad.out)![1]!;
    const ackFile = path.join(tmpDir(), 'ack.json');
    expect(await cli(['audit', 'ack-sign', '--key', itKey, '--database-id', dbId, '--last-seq', lastSeq, '--reason', 'INC-4711: evidence kept', '--out', ackFile])).toMatchObject({ code: 0 });

    // The right acknowledgement still needs an administrator's password.
    const wrong = await cli(['audit', 'acknowledge', '--ack', ackFile, '--admin', PEOPLE.admin.username, '--data-dir', env.dataDir], ['not the password\n']);
    expect(wrong).toMatchObject({ code: 1, out: expect.stringMatching(/sign-in as "dana" failed/) });
    const ok = await cli(['audit', 'acknowledge', '--ack', ackFile, '--admin', PEOPLE.admin.username, '--data-dir', env.dataDir], [`${PEOPLE.admin.password}\n`]);
    expect(ok).toMatchObject({ code: 0, out: expect.stringMatching(/Acknowledged \(INC-4711: evidence kept\): the trail was expected to reach entry \d+ and ends at \d+/) });

    expect(await cli(['audit', 'verify', '--data-dir', env.dataDir])).toMatchObject({ code: 0, out: expect.stringMatching(/intact/) });
    const after = await open(env);
    await after.ready();
    // The sign-in attempts made while the trail refused entries were kept and written first, then the acknowledgement.
    const resumed = after.auditTrail.list({ afterSeq: Number(lastSeq) });
    const ackAt = resumed.findIndex((e) => e.action === 'audit.acknowledged');
    expect(resumed[ackAt]).toMatchObject({ actor: `cli:${PEOPLE.admin.username}` });
    expect(resumed.slice(0, ackAt).some((e) => e.actor === PEOPLE.admin.username)).toBe(true);
    expect(resumed.slice(ackAt + 1).map((e) => e.action)).toEqual(['audit.verified']);
    // The acknowledgement named the trail as it ended then: used again it is refused.
    after.close();
    cores.splice(cores.indexOf(after), 1);
    expect(await cli(['audit', 'acknowledge', '--ack', ackFile, '--admin', PEOPLE.admin.username, '--data-dir', env.dataDir], [`${PEOPLE.admin.password}\n`])).toMatchObject({ code: 1 });

    // Off the office network, while IT's policy is in force, a privileged command is refused before the sign-in, on the record.
    ifaces = interfaces({ wlan0: ['192.168.1.20'] });
    const off = await cli(['db', 'rotate-key', '--admin', PEOPLE.admin.username, '--data-dir', env.dataDir], [`${PEOPLE.admin.password}\n`]);
    expect(off).toMatchObject({ code: 1, out: expect.stringMatching(/runs only inside the office network/) });
    const trail = await open(env);
    await trail.ready();
    expect(trail.auditTrail.list().at(-1)).toMatchObject({ action: 'cli.refused', actor: PEOPLE.admin.username, details: { command: 'db rotate-key', reason: 'off_network' } });
  });

  it('a database deleted, or replaced by another, while the keychain still names its trail is reported as tampering', async () => {
    const { env, core } = await trailWith(4);
    core.close();
    cores.splice(cores.indexOf(core), 1);
    for (const f of fs.readdirSync(env.dataDir)) if (f.startsWith('diwan.sqlite')) fs.rmSync(path.join(env.dataDir, f));
    const fresh = await open(env);
    await expect(fresh.ready()).rejects.toMatchObject({ code: 'audit_tampered', message: expect.stringMatching(/had 4 entries, this one .* has 0\. It was deleted or replaced/) });
    expect(await fresh.auditTrail.verify()).toMatchObject({ ok: false, problems: [expect.objectContaining({ kind: 'database_replaced' })] });
  });

  it('an older copy restored over the database is reported as tampering (the keychain head is ahead)', async () => {
    const { env, core } = await trailWith(3);
    core.close();
    cores.splice(cores.indexOf(core), 1);
    const file = path.join(env.dataDir, 'diwan.sqlite');
    const older = path.join(tmpDir(), 'older.sqlite');
    fs.copyFileSync(file, older);
    const later = await open(env);
    await later.ready();
    for (let i = 0; i < 3; i++) later.audit({ action: 'conversation.opened', actor: 'user9', details: { i } });
    await later.auditTrail.flush();
    later.close();
    cores.splice(cores.indexOf(later), 1);
    for (const f of fs.readdirSync(env.dataDir)) if (f.startsWith('diwan.sqlite')) fs.rmSync(path.join(env.dataDir, f));
    fs.copyFileSync(older, file);
    const restored = await open(env);
    await expect(restored.ready()).rejects.toMatchObject({ code: 'audit_tampered' });
    expect((await restored.auditTrail.verify()).ok).toBe(false);
  });

  it('AuditTrail on its own: the verifier reports nothing for an empty trail', async () => {
    const { core } = await trailWith(0);
    const trail = new AuditTrail({ db: core.db, vault: core.vault, clock: core.clock, databaseId: 'other-db' });
    expect(await trail.verify()).toMatchObject({ ok: true, entries: 0, problems: [] });
  });
});
