import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { openCore } from '../../main/core/app';
import { newSessionSlot } from '../../main/core/auth';
import type { InboundMessage } from '../../main/core/shared/messages';
import { testKeychain } from '../helpers/keychain';
import { registerSensitive } from '../helpers/leak-registry';
import { revealOriginal } from '../helpers/store';
import { tmpDir } from '../helpers/tmp';

const ADMIN_PASSWORD = 'correct horse battery staple';

/** Values the detectors must find: Saudi mobiles, e-mails, Luhn-valid cards and mod-97-valid Saudi IBANs. */
function sensitiveValues(n: number): string[] {
  const digits = (k: number) => Array.from({ length: k }, () => crypto.randomInt(0, 10).toString()).join('');
  const values: string[] = [];
  for (let i = 0; i < n; i++) {
    const mobile = `05${'0345689'[crypto.randomInt(0, 7)]}${digits(7)}`;
    values.push(mobile, `${crypto.randomBytes(5).toString('hex')}@example.com`, withLuhn(`4${digits(14)}`), saudiIban(digits(20)));
  }
  return values;
}

function withLuhn(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + ((10 - (sum % 10)) % 10);
}

function saudiIban(bban: string): string {
  const numeric = `${bban}${'S'.charCodeAt(0) - 55}${'A'.charCodeAt(0) - 55}00`;
  const check = 98 - Number(BigInt(numeric) % 97n);
  return `SA${String(check).padStart(2, '0')}${bban}`;
}

function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('no original value at rest', () => {
  it('leaves no sensitive value in the database, its WAL, its backups or the logs', async () => {
    const { keychain, service } = testKeychain();
    const dataDir = tmpDir();
    const backups = tmpDir();
    const logs: string[] = [];
    const values = sensitiveValues(150);
    registerSensitive('value', ...values);
    const core = await openCore({ embedded: 'store', dataDir, keychain, keychainService: service, log: (l) => logs.push(l) });
    await core.ready();
    await core.identity.createAdmin(newSessionSlot(), { username: 'it-admin', displayName: 'IT', password: ADMIN_PASSWORD });
    core.store.channels.create({ id: 'wa', kind: 'whatsapp', name: 'WhatsApp' });
    const messages: InboundMessage[] = [];
    for (let i = 0; i < values.length; i += 4) {
      const [phone, mail, card, iban] = values.slice(i, i + 4);
      messages.push({
        platformMessageId: `m${i}`,
        platformConversationId: `c${i % 40}`,
        contact: { platformUserId: `u${i % 40}`, displayName: `Client ${phone}` },
        direction: 'in',
        text: `رقمي ${phone} وبريدي ${mail}، بطاقتي ${card} والآيبان ${iban}`,
        sentAt: 1_700_000_000_000 + i,
        attachments: [{ kind: 'document', fileName: `statement-${card}.pdf` }],
      });
    }
    // Small batches are prepared inline; a large one on the preparation worker, once it is ready.
    for (let i = 0; i < 75; i += 25) core.store.sink.ingest('wa', messages.slice(i, i + 25), `cursor-${i}`);
    expect(await core.parallelIngest()).toBe(true);
    core.store.sink.ingest('wa', messages.slice(75), 'cursor-75');
    const conv = core.store.conversations.list().items[0]!;
    core.store.notes.add(conv.id, 'agent', `customer confirmed ${values[0]}`);
    core.store.outbox.enqueue({ conversationId: conv.id, text: `we sent it to ${values[1]}`, authorId: 'agent' });
    expect(core.store.search.search(values[0]!)).toEqual([]);
    expect(revealOriginal(core.store, core.store.conversations.messages(conv.id)[0]!.id, 0).value).toMatch(/^05/);
    expect(fs.existsSync(`${core.databaseFile}-wal`)).toBe(true);
    expect(leaks(values, allFiles(dataDir), '')).toEqual([]); // while open: the database, its WAL and shared memory
    core.close();

    const out: string[] = [];
    const sink = new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) });
    const cli = (args: string[], stdin = '') =>
      runCli(args, { stdin: Readable.from([stdin]), stdout: sink, stderr: sink, env: { DIWAN_KEYCHAIN_SERVICE: service } });
    // The CLI uses the OS keychain under the test's service name (the same GNOME Keyring the port reaches).
    // The privileged commands sign in as an administrator (password on stdin, then the backup passphrase).
    const admin = ['--admin', 'it-admin'];
    const pw = `${ADMIN_PASSWORD}\n`;
    expect(await cli(['db', 'backup', '--out', path.join(backups, 'k.backup'), '--data-dir', dataDir, ...admin], pw), out.join('')).toBe(0);
    expect(await cli(['db', 'backup', '--out', path.join(backups, 'p.backup'), '--passphrase-stdin', '--data-dir', dataDir, ...admin], `${pw}a long disaster passphrase\n`)).toBe(0);
    expect(await cli(['db', 'retention', '--data-dir', dataDir])).toBe(0);
    expect(await cli(['db', 'rotate-key', '--batch', '50', '--data-dir', dataDir, ...admin], pw)).toBe(0);
    expect(await cli(['db', 'erase', '--channel', 'wa', '--user', 'u4', '--yes', '--data-dir', dataDir, ...admin], pw)).toBe(0);

    const files = [...allFiles(dataDir), ...allFiles(backups)];
    expect(files.filter((f) => f.endsWith('.backup'))).toHaveLength(2);
    expect(leaks(values, files, logs.join('\n') + out.join(''))).toEqual([]);
  });
});

/** Every (value, file) pair where the value's bytes occur, in UTF-8 or UTF-16. */
function leaks(values: string[], files: string[], logText: string): string[] {
  const haystacks = [...files.map((f) => ({ name: path.basename(f), bytes: fs.readFileSync(f) })), { name: 'logs', bytes: Buffer.from(logText) }];
  const hits: string[] = [];
  for (const v of values) {
    for (const enc of [Buffer.from(v, 'utf8'), Buffer.from(v, 'utf16le')]) {
      for (const h of haystacks) if (h.bytes.includes(enc)) hits.push(`${v.slice(0, 3)}… in ${h.name}`);
    }
  }
  return hits;
}
