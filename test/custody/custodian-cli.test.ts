import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { custodyFiles } from '../hub/custody-fixture';

function cli(credentials: string) {
  const out: string[] = [];
  const sink = new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) });
  const run = (args: string[]) => runCli(args, { stdin: Readable.from([]), stdout: sink, stderr: sink, env: { CREDENTIALS_DIRECTORY: credentials } });
  return { run, text: () => out.splice(0).join('') };
}

/** IT's commands on the custodian host: status, shredding a past epoch (never the current one), checking the log. */
describe('diwan custodian from the command line', () => {
  it('reports epochs and the log, refuses to destroy the current or an unknown epoch, and finds a forged log line', async () => {
    const files = await custodyFiles({ epoch: { days: 1 } });
    const { run, text } = cli(files.credentials);
    const config = ['--config', files.configFile];
    expect(await run(['custodian', 'status', ...config])).toBe(0);
    const status = text();
    const current = Number(/current epoch: (\d+)/.exec(status)![1]);
    // Status only reads: the custodian makes an epoch's key when a hub first asks for it.
    expect(status).toMatch(/epochs held: none\nepochs destroyed: none\nlog: intact, 0 entries/);
    expect(await run(['custodian', 'shred', '--epoch', String(current), ...config])).toBe(1);
    expect(text()).toMatch(/only a past epoch can be destroyed/);
    expect(await run(['custodian', 'shred', '--epoch', String(current - 1), ...config])).toBe(1);
    expect(text()).toMatch(/holds no key for epoch/);
    expect(await run(['custodian', 'log', 'verify', ...config])).toBe(0);
    expect(text()).toMatch(/intact, 0 entries/);
    fs.writeFileSync(path.join(files.dir, 'custodian.log'), '{"n":1,"at":0,"event":"reveal.opened","prev":"x","self":"y"}\n');
    expect(await run(['custodian', 'log', 'verify', ...config])).toBe(1);
    expect(text()).toMatch(/BROKEN at line 1/);
  });

  it('refuses to start without its key-encryption key, saying which secret is missing', async () => {
    const files = await custodyFiles();
    fs.rmSync(path.join(files.credentials, 'key-encryption-key'));
    const { run, text } = cli(files.credentials);
    expect(await run(['custodian', 'status', '--config', files.configFile])).toBe(1);
    expect(text()).toMatch(/needs the secret `key-encryption-key`/);
  });
});
