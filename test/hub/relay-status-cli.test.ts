import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../main/core/auth';
import { runCli } from '../../main/cli/run';
import { HubStore, sqliteExecutor } from '../../main/hub/store';
import { embeddedHubConfigFile, hubFiles, type HubFiles } from './harness';

const DAY = 86_400_000;

async function cli(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const sink = new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) });
  const code = await runCli(args, { stdin: Readable.from([]), stdout: sink, stderr: sink, env });
  return { code, out: out.join('') };
}

/** IT reads a relayed channel's queue in `diwan hub status`, and revoking a desk erases what waits for it. */
describe('diwan hub status | device revoke for a relayed channel', () => {
  let files: HubFiles;
  let config: string;
  const run = (args: string[]) => cli(['hub', ...args, '--config', config], { CREDENTIALS_DIRECTORY: files.credentials, USER: 'ops' });
  const keyFile = (name: string) => {
    const file = path.join(files.dir, `${name}.pem`);
    fs.writeFileSync(file, crypto.generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString());
    return file;
  };

  beforeAll(async () => {
    files = await hubFiles();
    config = embeddedHubConfigFile(files, 'relay.json', { relay: { maxWaitingPerDesk: 10, warnAfterHours: 24, maxAgeDays: 14 } });
    expect((await run(['migrate'])).code).toBe(0);
  });

  it('prints each desk’s backlog, oldest event and last collection, the problem in words, and erases a revoked desk’s queue', async () => {
    const front = keyFile('front');
    const fp = fingerprintOf(fs.readFileSync(front, 'utf8'));
    expect(await run(['device', 'enrol', '--public-key', front, '--label', 'Front desk'])).toMatchObject({ code: 0 });
    const settings = JSON.stringify({ phoneNumberId: '123', relayTo: [fp] });
    expect(await run(['channel', 'add', '--id', 'wa', '--kind', 'whatsapp', '--name', 'WhatsApp', '--settings', settings])).toMatchObject({ code: 0 });

    // Twelve events waiting for two days, queued straight into the hub's table (sealed bytes are not read here).
    const store = new HubStore(sqliteExecutor(path.join(files.dir, 'hub.sqlite')), Date.now);
    const then = Date.now() - 2 * DAY;
    for (let i = 0; i < 12; i++) await store.q.run('INSERT INTO relay_events (channel_id, device, dedup, sealed, created_at) VALUES (?, ?, ?, ?, ?)', ['wa', fp, `m:${i}`, Buffer.from('x'), then]);
    await store.q.run('INSERT INTO relay_channels (channel_id, last_webhook_at) VALUES (?, ?)', ['wa', then]);
    await store.close();

    const status = await run(['status']);
    expect(status.code).toBe(0);
    expect(status.out).toContain('channel wa (whatsapp): enabled, relayed to 1 desk');
    expect(status.out).toMatch(/relay wa: last webhook \S+ \(2 days ago\)/);
    expect(status.out).toMatch(new RegExp(`relay wa for desk "Front desk" ${fp}: 12 waiting, oldest \\S+ \\(2 days ago\\), last collected never`));
    expect(status.out).toContain(
      `relay problem: Desk "Front desk" (device ${fp.slice(0, 12)}…) has not collected 12 events of channel "wa" for 2 days (it has never asked for them). Start Diwan on that desk, or remove it from the channel's relayTo; events older than 14 days are erased unread.`,
    );

    expect(await run(['device', 'revoke', 'nothex'])).toMatchObject({ code: 1, out: expect.stringMatching(/64 hexadecimal digits/) });
    expect(await run(['device', 'revoke', 'f'.repeat(64)])).toMatchObject({ code: 1, out: expect.stringMatching(/is enrolled at this hub; nothing was changed/) });
    expect(await run(['device', 'revoke', fp])).toMatchObject({ code: 0, out: expect.stringMatching(/Revoked "Front desk" .*the 12 relayed events waiting for it were erased\. Remove it from any channel's relayTo/) });
    const after = await run(['status']);
    expect(after.out).toMatch(new RegExp(`relay wa for a revoked device ${fp}: 0 waiting, last collected never`));
    expect(after.out).toMatch(/relay problem: Device \w+… in the relayTo of channel "wa" is revoked: nothing is queued for it/);
  });
});
