import { Writable, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { tmpDir } from '../helpers/tmp';

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (arr: string[]) => new Writable({ write: (c, _e, cb) => (arr.push(String(c)), cb()) });
  return {
    io: { stdin: Readable.from([]), stdout: sink(out), stderr: sink(err), env },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('diwan command line', () => {
  it('lists its commands', async () => {
    const t = io();
    expect(await runCli(['--help'], t.io)).toBe(0);
    expect(t.out()).toMatch(/status/);
  });

  it('prints the status screen as JSON for a data directory', async () => {
    const dir = tmpDir();
    const t = io({ DIWAN_KEYCHAIN_SERVICE: 'Diwan-test-cli' });
    await runCli(['status', '--json', '--data-dir', dir], t.io);
    const s = JSON.parse(t.out());
    expect(s).toMatchObject({ dataDir: dir, schemaVersion: expect.any(Number), keychain: { available: expect.any(Boolean) } });
  });

  it('says what to do about an unknown command', async () => {
    const t = io();
    expect(await runCli(['frobnicate'], t.io)).toBe(2);
    expect(t.err()).toMatch(/unknown command "frobnicate".*--help/);
  });

  it('prints a DiwanError as a sentence, not a stack', async () => {
    const dir = tmpDir();
    const fs = await import('node:fs');
    fs.writeFileSync(`${dir}/diwan.sqlite`, 'garbage garbage garbage garbage garbage');
    const t = io();
    expect(await runCli(['status', '--data-dir', dir], t.io)).toBe(1);
    expect(t.err()).toMatch(/^diwan status: The database at .* is damaged/);
    expect(t.err()).not.toMatch(/at .*\.ts:\d+/);
  });
});
