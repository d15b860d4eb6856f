import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, openDatabase, schemaVersion } from '../../main/core/store';
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
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(/damaged/);
    expect(sha(file)).toBe(before);
  });
});
