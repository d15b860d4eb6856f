import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './ports';

/**
 * A real PostgreSQL for tests: a throwaway cluster (a copy of one `initdb` made once per run) on a loopback port,
 * started and stopped by the test. PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres`
 * system user (Debian's package creates it). `DIWAN_TEST_PG_URL` points at an existing server instead: each test then gets its own database in it.
 */
export interface TestPostgres {
  /** Connection string of a fresh database for this test. */
  url: string;
  /** Another fresh database on the same server. */
  newDatabase(): Promise<string>;
  /** Stops the server (fast shutdown); `start` brings it back on the same port and data. */
  stop(): void;
  start(): void;
  /** Stops it and removes its data directory. */
  destroy(): Promise<void>;
  /** Runs `pg_dump` of a database as plain SQL (the database administrator's view). */
  dump(url: string): string;
}

function binDir(): string {
  const fromPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (fromPath) return path.dirname(fs.realpathSync(fromPath));
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (fs.existsSync(path.join(root, v, 'bin', 'initdb'))) return path.join(root, v, 'bin');
  throw new Error('PostgreSQL server binaries (initdb, pg_ctl) are not installed: `apt-get install postgresql` (or set DIWAN_TEST_PG_URL).');
}

/** Every folder above `dir` must be enterable by the server's user; test runs keep their files in private folders. */
function openPathTo(dir: string): void {
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    const st = fs.statSync(d);
    if (st.uid === process.getuid?.() && !(st.mode & 0o001)) fs.chmodSync(d, (st.mode & 0o7777) | 0o001);
  }
}

let counter = 0;

const INITDB_ARGS = ['-U', 'diwan', '--auth=trust', '--encoding=UTF8', '--locale=C', '-N'];

/**
 * A freshly initialised cluster, made once per temp folder and PostgreSQL build, that each test copies: `initdb`
 * costs about a second and a half of CPU, a copy a tenth of that, and a hub test file starts one or more clusters.
 * Made under another name and renamed into place, so a test that finds it finds it whole (and two files racing to
 * make it both succeed).
 */
function templateCluster(bin: string, asRoot: boolean, runAs: (cmd: string, args: string[]) => string): string {
  const key = crypto.createHash('sha256').update(`${bin}\0${INITDB_ARGS.join(' ')}\0${process.getuid?.()}`).digest('hex').slice(0, 12);
  const template = path.join(os.tmpdir(), `diwan-pg-template-${key}`);
  if (fs.existsSync(path.join(template, 'PG_VERSION'))) return template;
  const making = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-pg-making-'));
  if (asRoot) {
    openPathTo(making);
    execFileSync('chown', ['postgres:postgres', making]);
  }
  const data = path.join(making, 'data');
  runAs('initdb', ['-D', data, ...INITDB_ARGS]);
  try {
    fs.renameSync(data, template);
  } catch (e) {
    // Another test made it first: theirs is as good as ours.
    if (!fs.existsSync(path.join(template, 'PG_VERSION'))) throw e;
  } finally {
    fs.rmSync(making, { recursive: true, force: true });
  }
  return template;
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const external = process.env.DIWAN_TEST_PG_URL;
  if (external) return externalServer(external);

  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-pg-'));
  const data = path.join(dir, 'data');
  const port = await freePort();
  const runAs = (cmd: string, args: string[]) => {
    const full = path.join(bin, cmd);
    const r = asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' }) : spawnSync(full, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
    return r.stdout;
  };
  if (asRoot) {
    openPathTo(dir);
    execFileSync('chown', ['postgres:postgres', dir]);
  }
  execFileSync('cp', ['-a', templateCluster(bin, asRoot, runAs), data]);
  const log = path.join(dir, 'server.log');
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c full_page_writes=off -c max_connections=200`;
  const start = () => runAs('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
  const stop = () => runAs('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  const admin = `postgresql://diwan@127.0.0.1:${port}/postgres`;
  const newDatabase = async () => createDatabase(admin);
  const url = await newDatabase();
  let stopped = false;
  return {
    url,
    newDatabase,
    stop() {
      stop();
      stopped = true;
    },
    start() {
      start();
      stopped = false;
    },
    async destroy() {
      if (!stopped) {
        try {
          stop();
        } catch {
          /* already down */
        }
      }
      if (process.env.DIWAN_KEEP_TEST_DATA !== '1') fs.rmSync(dir, { recursive: true, force: true });
    },
    dump: (dbUrl) => runAs('pg_dump', ['--no-owner', '--data-only', dbUrl]),
  };
}

async function createDatabase(adminUrl: string): Promise<string> {
  const name = `diwan_test_${process.pid}_${Date.now()}_${counter++}`;
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function externalServer(base: string): Promise<TestPostgres> {
  const newDatabase = () => createDatabase(base);
  const url = await newDatabase();
  const refuse = () => {
    throw new Error('DIWAN_TEST_PG_URL points at a server this test did not start: it cannot stop or start it.');
  };
  return {
    url,
    newDatabase,
    stop: refuse,
    start: refuse,
    destroy: async () => {},
    dump: (dbUrl) => execFileSync('pg_dump', ['--no-owner', '--data-only', dbUrl], { encoding: 'utf8' }),
  };
}
