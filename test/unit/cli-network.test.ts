import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { NetworkGate } from '../../main/core/network';
import { loadPolicy, memoryVersionStore } from '../../main/core/policy';
import { interfaces, managedLocation } from '../helpers/network';
import { tmpDir } from '../helpers/tmp';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (arr: string[]) => new Writable({ write: (c, _e, cb) => (arr.push(String(c)), cb()) });
  return { io: { stdin: Readable.from([]), stdout: sink(out), stderr: sink(err), env: {} }, out: () => out.join(''), err: () => err.join('') };
}

async function cli(...argv: string[]) {
  const t = io();
  const code = await runCli(argv, t.io);
  return { code, out: t.out(), err: t.err() };
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** IT's whole flow: a signing key, a beacon identity, a policy naming it, signed, verified, checked. */
async function itFlow(dir: string, beaconUrl: string, ranges: string[]) {
  const keygen = await cli('policy', 'keygen', '--out', path.join(dir, 'it.pem'), '--name', 'Acme IT');
  expect(keygen.code).toBe(0);
  expect(fs.statSync(path.join(dir, 'it.pem')).mode & 0o777).toBe(0o600);
  const signers = keygen.out.slice(keygen.out.indexOf('{'));
  fs.writeFileSync(path.join(dir, 'signers.json'), signers);
  const ident = await cli('beacon', '--key-dir', path.join(dir, 'beacon'), '--site', 'hq', '--names', '127.0.0.1', '--print');
  expect(ident.code).toBe(0);
  const pin = /Pin:\s+(\S+)/.exec(ident.out)![1]!;
  const publicKey = /Public key:\s+(\S+)/.exec(ident.out)![1]!;
  const example = JSON.parse((await cli('policy', 'example')).out);
  example.sites[0] = { id: 'hq', ranges, beacon: { url: beaconUrl, pins: [pin], publicKey } };
  fs.writeFileSync(path.join(dir, 'policy.json'), JSON.stringify(example));
  const signed = await cli('policy', 'sign', '--key', path.join(dir, 'it.pem'), '--in', path.join(dir, 'policy.json'), '--out', path.join(dir, 'signed.json'));
  expect(signed.code, signed.err).toBe(0);
  return { signers: JSON.parse(signers) as { signers: Array<{ name: string; publicKey: string }> }, pin, publicKey };
}

describe('diwan policy, beacon and netcheck', () => {
  it('keygen, sign and verify; verify refuses a tampered file and an unknown signer', async () => {
    const dir = tmpDir();
    await itFlow(dir, 'https://127.0.0.1:8443', ['10.20.0.0/16']);
    const signed = path.join(dir, 'signed.json');
    const ok = await cli('policy', 'verify', '--policy', signed, '--signers', path.join(dir, 'signers.json'));
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^Valid: policy version 1, signed by Acme IT/);

    const again = await cli('policy', 'keygen', '--out', path.join(dir, 'it.pem'));
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/never overwrites a key/);

    const doc = JSON.parse(fs.readFileSync(signed, 'utf8'));
    doc.policy.sites[0].ranges = ['0.0.0.0/0'];
    fs.writeFileSync(path.join(dir, 'tampered.json'), JSON.stringify(doc));
    const tampered = await cli('policy', 'verify', '--policy', path.join(dir, 'tampered.json'), '--signers', path.join(dir, 'signers.json'));
    expect(tampered.code).toBe(1);
    expect(tampered.err).toMatch(/Refused \(policy_bad_signature\)/);

    const other = await cli('policy', 'keygen', '--out', path.join(dir, 'other.pem'), '--name', 'Other');
    fs.writeFileSync(path.join(dir, 'other.json'), other.out.slice(other.out.indexOf('{')));
    const stranger = await cli('policy', 'verify', '--policy', signed, '--signers', path.join(dir, 'other.json'), '--json');
    expect(stranger.code).toBe(1);
    expect(JSON.parse(stranger.out)).toMatchObject({ kind: 'rejected', code: 'policy_untrusted_signer' });
  });

  it('will not sign an invalid policy, and says where it is wrong', async () => {
    const dir = tmpDir();
    await cli('policy', 'keygen', '--out', path.join(dir, 'it.pem'));
    fs.writeFileSync(path.join(dir, 'example.json'), (await cli('policy', 'example')).out);
    const r = await cli('policy', 'sign', '--key', path.join(dir, 'it.pem'), '--in', path.join(dir, 'example.json'), '--out', path.join(dir, 's.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/sites\.0\.beacon\.pins\.0: must be a base64 SHA-256 pin.*Nothing was signed/);
    expect(fs.existsSync(path.join(dir, 's.json'))).toBe(false);
  });

  it('netcheck prints the verdict and the reason of every check', async () => {
    const dir = tmpDir();
    // 198.51.100.0/24 is a documentation range no real interface has
    await itFlow(dir, 'https://127.0.0.1:8443', ['198.51.100.0/24']);
    const args = ['netcheck', '--policy', path.join(dir, 'signed.json'), '--signers', path.join(dir, 'signers.json')];
    const text = await cli(...args);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/^Verdict: off-network/);
    expect(text.out).toMatch(/ok {4}policy +policy_ok/);
    expect(text.out).toMatch(/FAIL {2}hq:address +address_not_in_range/);
    expect(text.out).toMatch(/FAIL {2}hq:beacon +beacon_skipped/);
    const json = JSON.parse((await cli(...args, '--json')).out);
    expect(json).toMatchObject({ state: 'off-network', checks: [{ name: 'policy', ok: true }, { name: 'hq:address', ok: false }, { name: 'hq:beacon', ok: false }] });
    const unsigned = await cli('netcheck', '--policy', path.join(dir, 'policy.json'), '--signers', path.join(dir, 'signers.json'));
    expect(unsigned.out).toMatch(/FAIL {2}policy +policy_unsigned/);
    // a policy file of any size is refused before it is read, with the sentence the app gives
    fs.writeFileSync(path.join(dir, 'huge.json'), Buffer.alloc(2 * 1024 * 1024, 0x20));
    const huge = await cli('netcheck', '--policy', path.join(dir, 'huge.json'), '--signers', path.join(dir, 'signers.json'));
    expect(huge.code).toBe(1);
    expect(huge.out + huge.err).toMatch(/larger than 1 MiB/);
  });

  it('diwan beacon serves what it printed: a gate trusting that pin and key finds the office', async () => {
    const dir = tmpDir();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'main/cli/main.ts', 'beacon', '--key-dir', path.join(dir, 'beacon'), '--site', 'hq', '--port', '0', '--host', '127.0.0.1', '--names', '127.0.0.1'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(child);
    // Waits for the line or the child's end, not a fixed time: a loaded machine starts the CLI slowly, never wrongly.
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (c) => {
        out += String(c);
        const m = /Listening:[ \t]+(https:\/\/127\.0\.0\.1:\d+\S*)\r?\n/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`diwan beacon exited (${code}) before it said where it listens: ${out}`)));
    });
    const { signers } = await itFlow(dir, url, ['10.20.0.0/16']);
    const loc = managedLocation([]);
    fs.copyFileSync(path.join(dir, 'signed.json'), loc.policyFile);
    const gate = new NetworkGate({
      loadPolicy: () => loadPolicy({ ...loc, buildSigners: signers.signers, versions: memoryVersionStore(), clock: { now: () => Date.now() } }),
      interfaces: () => interfaces({ eth0: ['10.20.1.5'] }),
      dnsSuffixes: async () => [],
      clock: { now: () => Date.now() },
    });
    expect(await gate.evaluate()).toMatchObject({ state: 'office', siteId: 'hq' });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 90_000);
});
