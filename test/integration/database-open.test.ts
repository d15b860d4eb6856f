import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkIntegrityInBackground, cleanCloseMarker, lastIntegrityCheck, scheduleIntegrityCheck, integrityCheckAtOpen, LATEST_SCHEMA_VERSION, openDatabase, schemaVersion } from '../../main/core/store';
import { tmpDir } from '../helpers/tmp';

function sha(file: string) {
  return fs.readFileSync(file).toString('base64');
}

describe('opening the database', () => {
  it('creates a WAL database with foreign keys and every migration applied', () => {
    const file = path.join(tmpDir(), 'nested', 'diwan.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
    const again = openDatabase(file);
    expect(schemaVersion(again)).toBe(LATEST_SCHEMA_VERSION);
    again.close();
  });

  it('applies migrations in one transaction: a failing one leaves the database as it was', () => {
    const file = path.join(tmpDir(), 'diwan.sqlite');
    openDatabase(file, { migrations: [{ version: 1, name: 'a', sql: 'CREATE TABLE a (x INTEGER);' }] }).close();
    expect(() =>
      openDatabase(file, {
        migrations: [
          { version: 1, name: 'a', sql: 'CREATE TABLE a (x INTEGER);' },
          { version: 2, name: 'b', sql: 'CREATE TABLE b (y INTEGER);' },
          { version: 3, name: 'broken', sql: 'CREATE TABLE oops (' },
        ],
      }),
    ).toThrow();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect(raw.prepare("SELECT count(*) n FROM sqlite_master WHERE name='b'").get()).toEqual({ n: 0 });
    raw.close();
  });

  it('refuses a database from a newer Diwan and leaves it untouched', () => {
    const file = path.join(tmpDir(), 'diwan.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(/newer version of Diwan/);
    try {
      openDatabase(file);
    } catch (e) {
      expect((e as { code: string }).code).toBe('db_newer');
    }
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(file + '-wal')).toBe(false);
  });

  it.each([
    ['garbage', Buffer.from('this is not a database at all, just some text that is long enough')],
    ['a truncated header', Buffer.from('SQLite for')],
  ])('refuses %s with restore advice and never overwrites it', (_label, bytes) => {
    const file = path.join(tmpDir(), 'diwan.sqlite');
    fs.writeFileSync(file, bytes);
    expect(() => openDatabase(file)).toThrow(/damaged.*diwan db restore/s);
    expect(fs.readFileSync(file)).toEqual(bytes);
  });

  it('refuses a database whose pages are damaged', () => {
    const file = path.join(tmpDir(), 'diwan.sqlite');
    const db = openDatabase(file);
    db.exec('CREATE TABLE filler (x TEXT)');
    const ins = db.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 2000; i++) ins.run('row ' + i + ' '.repeat(100));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 4096 * 2, 4096 * 6); // scribble over b-tree pages, keep the header
    fs.writeFileSync(file, bytes);
    // Written after Diwan closed it: a later modification time (set explicitly: file times are coarser than this test).
    const later = new Date(fs.statSync(file).mtimeMs + 5000);
    fs.utimesSync(file, later, later);
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(/damaged/);
    expect(sha(file)).toBe(before);
  });
});

describe('the integrity check at open', () => {
  function filled(file: string) {
    const db = openDatabase(file);
    db.exec('CREATE TABLE filler (x TEXT)');
    const ins = db.prepare('INSERT INTO filler VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) ins.run('row ' + i + ' '.repeat(100));
    })();
    return db;
  }

  it('after a clean close reads only the header and schema; a crash (the WAL left behind) means a full check', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'diwan.sqlite');
    const db = filled(file);
    expect(integrityCheckAtOpen(db)).toBe('created');
    expect(fs.existsSync(cleanCloseMarker(file))).toBe(false);
    // A copy taken while the database is open is what a crash or power loss leaves: the file plus its WAL.
    const crashed = path.join(tmpDir(), 'diwan.sqlite');
    fs.copyFileSync(file, crashed);
    fs.copyFileSync(`${file}-wal`, `${crashed}-wal`);
    db.close();
    expect(fs.existsSync(cleanCloseMarker(file))).toBe(true);

    const again = openDatabase(file);
    expect(integrityCheckAtOpen(again)).toBe('header-and-schema');
    // While open the marker is gone: a crash from here on is seen at the next open.
    expect(fs.existsSync(cleanCloseMarker(file))).toBe(false);
    again.close();

    const afterCrash = openDatabase(crashed);
    expect(integrityCheckAtOpen(afterCrash)).toBe('full');
    expect(afterCrash.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(2000);
    afterCrash.close();

    const forced = openDatabase(file, { integrity: 'full' });
    expect(integrityCheckAtOpen(forced)).toBe('full');
    forced.close();
  });

  it('checks in full a file replaced or restored while Diwan was closed', () => {
    const file = path.join(tmpDir(), 'diwan.sqlite');
    filled(file).close();
    const copy = path.join(tmpDir(), 'copy.sqlite');
    fs.copyFileSync(file, copy);
    fs.renameSync(copy, file); // another inode: a restore or a copy from elsewhere
    const db = openDatabase(file);
    expect(integrityCheckAtOpen(db)).toBe('full');
    db.close();
  });

  it('refuses a truncated file from its size alone, untouched', () => {
    const file = path.join(tmpDir(), 'diwan.sqlite');
    filled(file).close();
    fs.truncateSync(file, fs.statSync(file).size - 100);
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(/damaged.*whole number of 4096-byte pages/s);
    expect(sha(file)).toBe(before);
  });

  it('damage that leaves size, inode and time alone (bit rot) is found by the background check, not at open', async () => {
    const file = path.join(tmpDir(), 'diwan.sqlite');
    filled(file).close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, 4096 * 3);
    fs.closeSync(fd);
    // Bit rot changes no metadata: the marker still describes the file (rewritten here, as writing moved its time).
    const marker = JSON.parse(fs.readFileSync(cleanCloseMarker(file), 'utf8')) as Record<string, string>;
    fs.writeFileSync(cleanCloseMarker(file), JSON.stringify({ ...marker, mtimeNs: String(fs.statSync(file, { bigint: true }).mtimeNs) }));
    const db = openDatabase(file);
    expect(integrityCheckAtOpen(db)).toBe('header-and-schema');
    const r = await checkIntegrityInBackground(file);
    expect(r.ok).toBe(false);
    expect(r.problems.length).toBeGreaterThan(0);
    db.close();
  });

  it('the background check passes a healthy file while the console keeps writing to it', async () => {
    const file = path.join(tmpDir(), 'diwan.sqlite');
    const db = filled(file);
    const pending = checkIntegrityInBackground(file);
    db.prepare('INSERT INTO filler VALUES (?)').run('written meanwhile');
    expect(await pending).toEqual({ ok: true, problems: [] });
    db.close();
  });

  it('the scheduled check records a healthy file, skips while the last one is recent, and reports damage', async () => {
    const file = path.join(tmpDir(), 'diwan.sqlite');
    const db = filled(file);
    let now = 1_000_000;
    const healthy = await new Promise<number | null>((resolve, reject) => {
      scheduleIntegrityCheck({ db, file, now: () => now, everyMs: 1000, delayMs: 0, onDamage: () => reject(new Error('no damage expected')), onError: reject });
      const poll = setInterval(() => {
        if (lastIntegrityCheck(db) !== null) {
          clearInterval(poll);
          resolve(lastIntegrityCheck(db));
        }
      }, 20);
    });
    expect(healthy).toBe(now);
    now += 500;
    let ran = false;
    scheduleIntegrityCheck({ db, file, now: () => now, everyMs: 1000, delayMs: 0, onDamage: () => (ran = true) })();
    expect(ran).toBe(false);
    db.close();

    // Damage that appears while Diwan has the file open (the disk, not a writer): open first, then scribble.
    const reader = openDatabase(file, { readonly: true });
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, 4096 * 3);
    fs.closeSync(fd);
    now += 5000;
    const found = await new Promise<string[]>((resolve, reject) =>
      scheduleIntegrityCheck({ db: reader, file, now: () => now, everyMs: 1000, delayMs: 0, onDamage: (r) => resolve(r.problems), onError: reject }),
    );
    expect(found.length).toBeGreaterThan(0);
    reader.close();
  });
});
