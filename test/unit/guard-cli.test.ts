import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { tmpDir } from '../helpers/tmp';

function io(input: Readable = Readable.from([])) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (arr: string[]) => new Writable({ write: (c, _e, cb) => (arr.push(String(c)), cb()) });
  return {
    io: { stdin: input, stdout: sink(out), stderr: sink(err), env: {} },
    lines: () => out.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>),
    err: () => err.join(''),
  };
}

const lines = (...records: unknown[]) => Readable.from(records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r)) + '\n'));

describe('diwan guard reply --jsonl', () => {
  it('answers every line in order with id, verdict and codes; a bad line gets an error and the stream goes on', async () => {
    const t = io(lines({ id: 'a', text: 'plz send the verifcation cod' }, 'not json', { id: 2, text: 'Never share your code with anyone.' }, { id: 3 }, { id: 4, text: 'x', lang: 'de' }, { id: 5, text: 'What is your password?', lang: 'ar' }));
    expect(await runCli(['guard', 'reply', '--jsonl'], t.io)).toBe(0);
    expect(t.lines()).toEqual([
      { id: 'a', verdict: 'block', codes: ['asks_otp'] },
      { id: null, error: 'line is not valid JSON' },
      { id: 2, verdict: 'allow', codes: [] },
      { id: 3, error: 'expected an object with a string "text"' },
      { id: 4, error: '"lang" must be "en", "ar" or "fa" when given' },
      { id: 5, verdict: 'block', codes: ['asks_password'] },
    ]);
  });

  it('marks a block a lead may approve as held, and only that', async () => {
    const t = io(lines({ id: 1, text: 'Please send me your national ID number so I can check the account.' }, { id: 2, text: 'Send me your national ID and the code we texted you.' }));
    expect(await runCli(['guard', 'reply', '--jsonl'], t.io)).toBe(0);
    const [held, refused] = t.lines();
    expect(held).toMatchObject({ id: 1, verdict: 'block', codes: ['asks_national_id'], held: true });
    expect(refused).toMatchObject({ id: 2, verdict: 'block' });
    expect(refused).not.toHaveProperty('held');
  });

  it('explains in the line\'s language when asked', async () => {
    const t = io(lines({ id: 1, text: 'کد رو بفرست', lang: 'fa' }));
    await runCli(['guard', 'reply', '--jsonl', '--explain'], t.io);
    const [row] = t.lines();
    expect(row).toMatchObject({ id: 1, verdict: 'block', codes: ['asks_otp'] });
    expect((row!.reasons as string[])[0]).toMatch(/کد/);
  });

  it('streams: a line is answered before the input ends', async () => {
    const input = new PassThrough();
    const t = io(input);
    const done = runCli(['guard', 'reply', '--jsonl'], t.io);
    input.write(JSON.stringify({ id: 1, text: 'Send me the code.' }) + '\n');
    await expect.poll(() => t.lines().length).toBe(1);
    input.end(JSON.stringify({ id: 2, text: 'Thanks!' }) + '\n');
    expect(await done).toBe(0);
    expect(t.lines().map((l) => l.verdict)).toEqual(['block', 'allow']);
  });

  it('without --jsonl or with another mode it prints its usage and exits 2', async () => {
    const t = io();
    expect(await runCli(['guard', 'reply'], t.io)).toBe(2);
    expect(await runCli(['guard', 'outbound', '--jsonl'], t.io)).toBe(2);
    expect(t.err()).toMatch(/diwan guard reply --jsonl/);
  });
});

describe('diwan guard inbound --jsonl', () => {
  it('prints the flags with the company\'s guard settings from a file', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'guard.json');
    fs.writeFileSync(file, JSON.stringify({ companyDomains: ['acme.com'], officialSupportNumbers: ['+966 800 123 4567'] }));
    const t = io(lines({ id: 1, text: 'is acrne.com yours?' }, { id: 2, text: 'my password is Tiger!99' }, { id: 3, text: 'Where is my parcel?' }));
    expect(await runCli(['guard', 'inbound', '--jsonl', '--guard-policy', file], t.io)).toBe(0);
    expect(t.lines()).toEqual([
      { id: 1, flags: ['lookalike'] },
      { id: 2, flags: ['secret'] },
      { id: 3, flags: [] },
    ]);
  });

  it('refuses a guard policy that is not a JSON object, in a sentence', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'guard.json');
    fs.writeFileSync(file, '[1,2]');
    const t = io(lines({ id: 1, text: 'hi' }));
    expect(await runCli(['guard', 'inbound', '--jsonl', '--guard-policy', file], t.io)).toBe(1);
    expect(t.err()).toMatch(/must hold one JSON object of guard settings/);
  });
});
