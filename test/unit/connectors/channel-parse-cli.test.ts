import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { corpus } from '../../fixtures/platforms/corpus';
import { tmpDir } from '../../helpers/tmp';

function io(stdin: string) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => new Writable({ write: (c, _e, cb) => (into.push(String(c)), cb()) });
  return { out, err, io: { stdin: Readable.from([stdin]), stdout: sink(out), stderr: sink(err), env: {} } };
}
const records = (out: string[]) => out.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('diwan channel parse', () => {
  it('prints what a WhatsApp webhook would store, masked, with receipts and notes, as JSON lines', async () => {
    const cases = corpus('whatsapp').cases;
    const input = cases.map((c) => JSON.stringify(c.payload)).join('\n');
    const t = io(input);
    expect(await runCli(['channel', 'parse', '--platform', 'whatsapp', '-'], t.io)).toBe(0);
    const got = records(t.out);
    const messages = got.filter((r) => r.type === 'message');
    expect(messages.map((m) => m.platformMessageId)).toEqual(cases.flatMap((c) => c.expect.map((e) => e.id)));
    expect(messages.every((m) => typeof m.text === 'string' && (m.text as string).trim() !== '')).toBe(true);
    // The shared contact's phone number and e-mail are masked, as the store would mask them.
    const card = messages.find((m) => m.platformMessageId === 'wamid.C1')!;
    expect(card.text).not.toMatch(/600 999 888|luis@example\.com/);
    expect(card.maskedFields).toEqual(expect.arrayContaining(['PHONE', 'EMAIL']));
    expect(got.filter((r) => r.type === 'receipt')).toHaveLength(2);
    expect(got.some((r) => r.type === 'note' && /131000/.test(String(r.note)))).toBe(true);
  });

  it('reads a Telegram getUpdates answer from a file', async () => {
    const file = path.join(tmpDir(), 'updates.json');
    fs.writeFileSync(file, JSON.stringify({ ok: true, result: corpus('telegram').cases.slice(0, 3).map((c) => c.update) }));
    const t = io('');
    expect(await runCli(['channel', 'parse', '--platform', 'telegram', file], t.io)).toBe(0);
    expect(records(t.out).map((r) => r.platformMessageId)).toEqual(['5550001:41', '5550001:42', '5550001:43']);
  });

  it('says what is wrong: an unknown platform, X without the account id, a line that is not JSON', async () => {
    let t = io('{}');
    expect(await runCli(['channel', 'parse', '--platform', 'myspace'], t.io)).toBe(1);
    expect(t.err.join('')).toMatch(/--platform must be one of telegram, whatsapp, messenger, instagram, x/);
    t = io('{"data":[]}');
    expect(await runCli(['channel', 'parse', '--platform', 'x'], t.io)).toBe(1);
    expect(t.err.join('')).toMatch(/--account ID/);
    t = io('{"object":"page","entry":[]}\nnot json\n');
    expect(await runCli(['channel', 'parse', '--platform', 'messenger', '--account', '700000000000001'], t.io)).toBe(1);
    expect(records(t.out)).toEqual([{ type: 'error', line: 2, error: 'This line is not JSON; it was skipped.' }]);
  });
});
