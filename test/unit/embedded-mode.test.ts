import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { embeddedModeFromEnv, embeddedModeOf, NEW_FOLDER_MODE, settleEmbeddedMode, type EmbeddedMode } from '../../main/core/app';
import { integrityCheckAtOpen, openDatabase, singleSeatHoldsData } from '../../main/core/store';
import { testKeychain } from '../helpers/keychain';
import { tmpDir } from '../helpers/tmp';

const MODE_FILE = 'embedded-mode.json';
const modeFile = (dir: string) => path.join(dir, MODE_FILE);
const written = (dir: string): unknown => (fs.existsSync(modeFile(dir)) ? JSON.parse(fs.readFileSync(modeFile(dir), 'utf8')) : null);

/** A single-seat database with Diwan's schema; `withChannel` adds what a console's first start adds (the demo channel). */
function singleSeatDatabase(dir: string, withChannel: boolean): string {
  const file = path.join(dir, 'diwan.sqlite');
  const db = openDatabase(file);
  if (withChannel) db.prepare("INSERT INTO channels (id, kind, name, created_at) VALUES ('demo', 'demo', 'Demo', 1)").run();
  db.close();
  return file;
}

describe('the data folder’s mode with no hub in the policy (one rule: embeddedModeOf)', () => {
  it('is the hub for a new folder, missing or empty, and writes that down only when settled', () => {
    expect(NEW_FOLDER_MODE).toBe('hub');
    const missing = path.join(tmpDir(), 'not-yet');
    expect(embeddedModeOf(missing)).toBe('hub');
    expect(fs.existsSync(missing)).toBe(false);
    expect(settleEmbeddedMode(missing)).toBe('hub');
    expect(written(missing)).toEqual({ embedded: 'hub' });
    expect((fs.statSync(modeFile(missing)).mode & 0o777).toString(8)).toBe('600');

    const empty = tmpDir();
    expect(embeddedModeOf(empty)).toBe('hub');
    expect(written(empty)).toBeNull();
  });

  it('keeps single-seat for a folder whose diwan.sqlite holds data and no mode file, and writes that down so it never flips', () => {
    const dir = tmpDir();
    singleSeatDatabase(dir, true);
    expect(embeddedModeOf(dir)).toBe('store');
    expect(written(dir)).toBeNull();
    expect(settleEmbeddedMode(dir)).toBe('store');
    expect(written(dir)).toEqual({ embedded: 'store' });
    // Emptied later (or moved aside), the folder keeps the mode it was given.
    fs.rmSync(path.join(dir, 'diwan.sqlite'));
    expect(embeddedModeOf(dir)).toBe('store');
  });

  it('keeps single-seat when diwan.sqlite cannot be read: a folder it cannot judge is never set aside', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'diwan.sqlite'), 'this is not a database, but it is somebody’s file');
    expect(embeddedModeOf(dir)).toBe('store');
  });

  it('takes the hub for a folder where only the empty schema was made (`diwan status` before the first start)', () => {
    const dir = tmpDir();
    const file = singleSeatDatabase(dir, false);
    expect(singleSeatHoldsData(file)).toBe(false);
    expect(embeddedModeOf(dir)).toBe('hub');
  });

  it('looks without writing: the database keeps its clean-close mark, so the next open is not a full check', () => {
    const dir = tmpDir();
    const file = singleSeatDatabase(dir, true);
    expect(singleSeatHoldsData(file)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const db = openDatabase(file);
    try {
      expect(integrityCheckAtOpen(db)).toBe('header-and-schema');
    } finally {
      db.close();
    }
  });

  it('takes the hub for a folder holding the embedded hub’s database and no mode file', () => {
    const dir = tmpDir();
    singleSeatDatabase(dir, true);
    fs.mkdirSync(path.join(dir, 'hub'));
    fs.writeFileSync(path.join(dir, 'hub', 'hub.sqlite'), '');
    expect(embeddedModeOf(dir)).toBe('hub');
  });

  it('keeps the written mode whatever the folder holds', () => {
    const store = tmpDir();
    fs.writeFileSync(modeFile(store), '{"embedded":"store"}\n');
    expect(embeddedModeOf(store)).toBe('store');
    const hub = tmpDir();
    singleSeatDatabase(hub, true);
    fs.writeFileSync(modeFile(hub), '{"embedded":"hub"}\n');
    expect(embeddedModeOf(hub)).toBe('hub');
  });

  it('lets DIWAN_EMBEDDED override either way; settling writes it, reading does not', () => {
    const fresh = tmpDir();
    expect(embeddedModeOf(fresh, embeddedModeFromEnv('store'))).toBe('store');
    expect(written(fresh)).toBeNull();
    expect(settleEmbeddedMode(fresh, 'store')).toBe('store');
    expect(written(fresh)).toEqual({ embedded: 'store' });
    expect(embeddedModeOf(fresh)).toBe('store');

    const older = tmpDir();
    singleSeatDatabase(older, true);
    fs.writeFileSync(modeFile(older), '{"embedded":"store"}\n');
    expect(embeddedModeOf(older, embeddedModeFromEnv('hub'))).toBe('hub');
    expect(settleEmbeddedMode(older, 'hub')).toBe('hub');
    expect(written(older)).toEqual({ embedded: 'hub' });

    expect(embeddedModeFromEnv(undefined)).toBeUndefined();
    expect(embeddedModeFromEnv('')).toBeUndefined();
    expect(() => embeddedModeFromEnv('cloud')).toThrow(/DIWAN_EMBEDDED is "cloud"; set it to hub or store, or leave it unset/);
    expect(() => embeddedModeOf(fresh, 'cloud' as EmbeddedMode)).toThrow(/"cloud" is not a mode; choose hub or store/);
  });

  it('refuses an unreadable mode file with a sentence, even when a mode is asked for, and writes nothing', () => {
    const dir = tmpDir();
    fs.mkdirSync(modeFile(dir));
    for (const ask of [undefined, 'hub', 'store'] as const) {
      expect(() => settleEmbeddedMode(dir, ask)).toThrow(expect.objectContaining({ code: 'embedded_mode_unreadable', message: expect.stringMatching(/^Diwan cannot read .*embedded-mode\.json \(EISDIR\)\.$/) }));
    }
    expect(fs.statSync(modeFile(dir)).isDirectory()).toBe(true);
    expect(fs.existsSync(`${modeFile(dir)}.tmp`)).toBe(false);
  });

  it('reads any mode file as exactly the mode it names, or refuses it naming the fix; it never guesses and never rewrites it', () => {
    const contents = fc.oneof(
      fc.string(),
      fc.json(),
      fc.constantFrom('hub', 'store', 'Hub', ' store', 'hub\u200f', 'store\u0660').map((m) => JSON.stringify({ embedded: m })),
      fc.record({ embedded: fc.oneof(fc.constantFrom<unknown>('hub', 'store', null, 1, ['hub']), fc.string()) }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
    );
    fc.assert(
      fc.property(contents, fc.constantFrom<EmbeddedMode | undefined>(undefined, 'hub', 'store'), (text, ask) => {
        const dir = tmpDir();
        fs.writeFileSync(modeFile(dir), text);
        let named: unknown;
        try {
          named = (JSON.parse(text) as { embedded?: unknown } | null)?.embedded;
        } catch {
          named = undefined;
        }
        const valid = named === 'hub' || named === 'store';
        if (valid) expect(embeddedModeOf(dir, ask)).toBe(ask ?? named);
        else expect(() => embeddedModeOf(dir, ask)).toThrow(/should say \{"embedded": "hub"\} or \{"embedded": "store"\}; fix or delete it/);
        expect(fs.readFileSync(modeFile(dir), 'utf8')).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the command line reports the mode the console would choose and writes nothing', () => {
  async function status(dataDir: string, env: Record<string, string>): Promise<{ code: number; out: string }> {
    const out: string[] = [];
    const sink = new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) });
    const code = await runCli(['status', '--json', '--data-dir', dataDir], { stdin: Readable.from([]), stdout: sink, stderr: sink, env });
    return { code, out: out.join('') };
  }

  it('says hub for a new folder, store for a single-seat one, and a new folder is still new for the console afterwards', async () => {
    const { service } = testKeychain();
    const fresh = tmpDir();
    const first = await status(fresh, { DIWAN_KEYCHAIN_SERVICE: service });
    expect(JSON.parse(first.out)).toMatchObject({ embedded: 'hub' });
    expect(written(fresh)).toBeNull();
    expect(embeddedModeOf(fresh)).toBe('hub');

    const older = tmpDir();
    singleSeatDatabase(older, true);
    expect(JSON.parse((await status(older, { DIWAN_KEYCHAIN_SERVICE: service })).out)).toMatchObject({ embedded: 'store' });
    expect(written(older)).toBeNull();

    // Asked for, the mode is written ahead of the first start (IT's way to choose), as before.
    expect(JSON.parse((await status(fresh, { DIWAN_KEYCHAIN_SERVICE: service, DIWAN_EMBEDDED: 'store' })).out)).toMatchObject({ embedded: 'store' });
    expect(written(fresh)).toEqual({ embedded: 'store' });
  }, 60_000);
});
