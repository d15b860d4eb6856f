import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { tmpDir } from '../helpers/tmp';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (arr: string[]) => new Writable({ write: (c, _e, cb) => (arr.push(String(c)), cb()) });
  return { io: { stdin: Readable.from([]), stdout: sink(out), stderr: sink(err), env: {} }, out: () => out.join(''), err: () => err.join('') };
}

async function diwan(...argv: string[]) {
  const t = io();
  const code = await runCli(argv, t.io);
  return { code, out: t.out(), err: t.err() };
}

async function setup() {
  const dir = tmpDir();
  const keys = path.join(dir, 'keys');
  const feed = path.join(dir, 'feed');
  fs.mkdirSync(feed);
  const exe = path.join(feed, 'Diwan-1.3.0-win-x64.exe');
  const yml = path.join(feed, 'latest.yml');
  fs.writeFileSync(exe, 'pretend installer '.repeat(500));
  fs.writeFileSync(yml, 'version: 1.3.0\n');
  expect((await diwan('release', 'keygen', '--out', keys)).code).toBe(0);
  return { dir, keys, feed, exe, yml, manifest: path.join(feed, 'diwan-release-1.3.0.json'), pub: path.join(keys, 'release.pub') };
}

describe('diwan release', () => {
  it('keygen writes a private key only its owner can read, and never overwrites one', async () => {
    const { keys } = await setup();
    if (process.platform !== 'win32') expect(fs.statSync(path.join(keys, 'release.key')).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(keys, 'release.pub'), 'utf8')).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
    const again = await diwan('release', 'keygen', '--out', keys);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/never written over/);
  });

  it('signs artifacts into diwan-release-<version>.json and verifies them', async () => {
    const s = await setup();
    const signed = await diwan('release', 'sign', '--key', path.join(s.keys, 'release.key'), '--version', '1.3.0', s.exe, s.yml);
    expect(signed.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(s.manifest, 'utf8'))).toMatchObject({ version: '1.3.0', artifacts: expect.any(Array) });
    const ok = await diwan('release', 'verify', '--manifest', s.manifest, '--pubkey', s.pub, '--running', '1.2.9');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Signature: good.*\n.*newer than 1\.2\.9\n {2}ok +Diwan-1\.3\.0-win-x64\.exe\n {2}ok +latest\.yml/);
  });

  it('verify refuses a tampered artifact, a wrong key and a downgrade', async () => {
    const s = await setup();
    await diwan('release', 'sign', '--key', path.join(s.keys, 'release.key'), '--version', '1.3.0', s.exe, s.yml);

    const other = path.join(s.dir, 'other');
    await diwan('release', 'keygen', '--out', other);
    const wrong = await diwan('release', 'verify', '--manifest', s.manifest, '--pubkey', path.join(other, 'release.pub'));
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/not one of this machine's trusted release keys/);

    const down = await diwan('release', 'verify', '--manifest', s.manifest, '--pubkey', s.pub, '--running', '2.0.0');
    expect(down.code).toBe(1);
    expect(down.err).toMatch(/downgrades are refused/);

    fs.appendFileSync(s.exe, 'x');
    const tampered = await diwan('release', 'verify', '--manifest', s.manifest, '--pubkey', s.pub);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatch(/REFUSED +Diwan-1\.3\.0-win-x64\.exe: .*size differs/);
    expect(tampered.out).toMatch(/ok +latest\.yml/);
  });

  it('explains what is missing', async () => {
    expect((await diwan('release', 'sign', '--version', '1.0.0', 'a.exe')).err).toMatch(/--key is required/);
    expect((await diwan('release')).code).toBe(2);
    const bad = await diwan('release', 'verify', '--manifest', '/nonexistent.json', '--pubkey', 'not-a-key');
    expect(bad.err).toMatch(/44-character base64 line/);
  });
});

describe('diwan config', () => {
  it('shows where IT configuration is read from on this machine', async () => {
    const r = await diwan('config', '--json');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    expect(c.sources.map((s: { tier: string }) => s.tier)).toContain('machine');
    expect(c.updateMode).toMatch(/^(auto|notify|off)$/);
  });
});
