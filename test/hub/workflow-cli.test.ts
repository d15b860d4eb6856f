import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { embeddedHubConfigFile, hubFiles, type HubFiles } from './harness';

/** IT sets the team workflow from the hub host: rules, the calendar and consent notices, checked and audited. */
describe('diwan hub workflow (embedded SQLite hub)', () => {
  let files: HubFiles;
  let configFile: string;
  const run = async (args: string[], stdin = '') => {
    const out: string[] = [];
    const sink = new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) });
    const io = { stdin: Readable.from(stdin ? [stdin] : []), stdout: sink, stderr: sink, env: { CREDENTIALS_DIRECTORY: files.credentials, USER: 'ops' } };
    const code = await runCli(['hub', ...args, '--config', configFile], io);
    return { code, out: out.join('') };
  };
  const file = (name: string, value: unknown) => {
    const p = path.join(files.dir, name);
    fs.writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value));
    return p;
  };

  beforeAll(async () => {
    files = await hubFiles();
    configFile = embeddedHubConfigFile(files, 'solo.json');
    expect((await run(['migrate'])).code).toBe(0);
    expect((await run(['channel', 'add', '--id', 'support', '--kind', 'telegram', '--name', 'Support'])).code).toBe(0);
  });

  it('saves a rule, a calendar and a consent notice, shows them, and refuses bad ones with the reason', async () => {
    const rule = { mode: 'least-open', capacity: 4, returnAfterMinutes: 10, assigneeOnlyReply: true, firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: null };
    expect(await run(['workflow', 'rule', 'support', '--file', file('rule.json', rule)])).toMatchObject({ code: 0, out: expect.stringMatching(/least-open, capacity 4/) });
    const cal = { timeZone: 'Asia/Tehran', weekend: ['thu', 'fri'], hours: ['08:00-16:00'], holidays: ['2027-03-21'] };
    expect(await run(['workflow', 'calendar', '--file', file('cal.json', cal)])).toMatchObject({ code: 0, out: expect.stringMatching(/Asia\/Tehran, weekend thu\+fri, 1 holidays/) });
    const notice = 'We never ask for your password or a one-time code in a message. Chats are kept for 12 months.';
    expect(await run(['workflow', 'consent', 'support'], notice)).toMatchObject({ code: 0, out: expect.stringMatching(/version 1/) });

    const shown = await run(['workflow', 'show']);
    expect(shown.out).toMatch(/support\tleast-open\tcapacity 4\treturn after 10 min\tassignee only\tfirst 30 min, next 60 min/);
    expect(shown.out).toMatch(/"timeZone":"Asia\/Tehran"/);

    const bad = await run(['workflow', 'calendar', '--file', file('bad.json', { ...cal, hours: ['08:00-13:00', '12:00-16:00'] })]);
    expect(bad.code).not.toBe(0);
    expect(bad.out).toMatch(/overlap/);
    const badRule = await run(['workflow', 'rule', 'support', '--file', file('bad-rule.json', { ...rule, mode: 'lottery' })]);
    expect(badRule.code).not.toBe(0);
    expect(badRule.out).toMatch(/not a valid rule: mode/);
    expect((await run(['workflow', 'rule', 'nope', '--file', file('rule.json', rule)])).out).toMatch(/no channel "nope"/);
    expect((await run(['workflow', 'consent', 'support'], 'too short')).out).toMatch(/20 to 2,000 characters/);
    // The calendar that stays is the good one.
    expect((await run(['workflow', 'show'])).out).toMatch(/"hours":\["08:00-16:00"\]/);
  });
});
