import { fork, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { pinnedAgent } from '../../main/core/connectors/relay-client/link';
import { createHubCertificate, HubAccounts, HubStore, parseHubConfig, postgresExecutor, type HubConfig } from '../../main/hub';
import { freePort } from '../helpers/ports';
import { suiteTmpDir } from '../helpers/tmp';
import { CustodianProcess, custodyFiles, type CustodyFiles } from './custody-fixture';
import { LoadBalancer } from './load-balancer';

// import.meta.url, not __dirname: benches import this harness outside vitest, as plain ES modules.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export { freePort };
export { LoadBalancer, LoadBalancerProcess } from './load-balancer';

/** Polls until `fn` returns a truthy value (conditions, not speed: the limit is generous and only ends a stuck test). */
export async function until<T>(fn: () => Promise<T> | T, what: string, limitMs = 30_000): Promise<NonNullable<T>> {
  const end = Date.now() + limitMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The files every node of a test hub shares: certificate, secrets (a systemd-style credentials folder), configs. */
export interface HubFiles {
  dir: string;
  /** The team's key custodian (its own files; `CustodianProcess` runs it). */
  custody: CustodyFiles;
  certFile: string;
  credentials: string;
  pin: string;
  channelToken: string;
}

export async function hubFiles(o: { custody?: Parameters<typeof custodyFiles>[0] } = {}): Promise<HubFiles> {
  const dir = suiteTmpDir('hub-');
  const { certPem, keyPem, pin } = await createHubCertificate(['127.0.0.1', 'localhost']);
  const certFile = path.join(dir, 'hub-cert.pem');
  fs.writeFileSync(certFile, certPem);
  const credentials = path.join(dir, 'credentials');
  fs.mkdirSync(credentials, { mode: 0o700 });
  const channelToken = `${crypto.randomInt(1e8, 9e8)}:${crypto.randomBytes(16).toString('base64url')}`;
  const put = (name: string, value: string) => fs.writeFileSync(path.join(credentials, name), value, { mode: 0o400 });
  put('tls-key', keyPem);
  const custody = await custodyFiles(o.custody);
  put('grant-key', custody.grantKeyPem);
  put('outbox-key', crypto.randomBytes(32).toString('base64'));
  put('tg.token', channelToken);
  return { dir, custody, certFile, credentials, pin, channelToken };
}

/** What every test hub's configuration shares: these test files' certificate and custodian, the team's name. */
function sharedConfig(files: HubFiles) {
  return { team: 'acme', tls: { certFile: files.certFile }, custodian: { url: files.custody.url, pin: files.custody.pin } };
}

/**
 * A node's configuration for a hub started in the test's own process (`startHubNode`): these test files, this
 * database, a free port, the custodian; the rest from the configuration's own defaults unless `over` says otherwise.
 */
export function inProcessHubConfig(files: HubFiles, pgUrl: string, over: Record<string, unknown> = {}): HubConfig {
  return parseHubConfig({
    nodeId: 'n1',
    ...sharedConfig(files),
    database: { postgres: pgUrl },
    listen: { host: '127.0.0.1', port: 0 },
    secrets: { source: 'credentials', keychainService: 'x' },
    leaseRetryMs: 60_000,
    ...over,
  });
}

/**
 * The configuration file of an embedded (SQLite) hub for the CLI tests (`diwan hub … --config FILE`): the same shared
 * settings, the database in the test's folder, loopback as the office. Checked by the hub's own parser before it is
 * written, so a test never starts from a configuration the hub would refuse. Returns the file's path.
 */
export function embeddedHubConfigFile(files: HubFiles, name = 'hub.json', over: Record<string, unknown> = {}): string {
  const body = {
    nodeId: 'solo',
    ...sharedConfig(files),
    database: { sqlite: path.join(files.dir, 'hub.sqlite') },
    listen: { host: '127.0.0.1', port: 0 },
    officeRanges: ['127.0.0.0/8'],
    secrets: { source: 'credentials' },
    ...over,
  };
  parseHubConfig(body);
  const file = path.join(files.dir, name);
  fs.writeFileSync(file, JSON.stringify(body));
  return file;
}

export interface WorkflowTimings {
  presenceTtlSeconds?: number;
  sweepSeconds?: number;
  markerTtlSeconds?: number;
  markerThrottleMs?: number;
}

export function nodeConfig(files: HubFiles, o: { nodeId: string; pgUrl: string; port: number; officeRanges?: string[]; workflow?: WorkflowTimings; extra?: Record<string, unknown> }): string {
  const file = path.join(files.dir, `${o.nodeId}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify({
      nodeId: o.nodeId,
      ...sharedConfig(files),
      database: { postgres: o.pgUrl },
      listen: { host: '127.0.0.1', port: o.port },
      officeRanges: o.officeRanges ?? ['127.0.0.0/8'],
      secrets: { source: 'credentials' },
      leaseRetryMs: 250,
      ...(o.workflow ? { workflow: o.workflow } : {}),
      ...o.extra,
    }),
  );
  return file;
}

/** A hub node as its own process (`diwan hub run`), with its secrets in a credentials folder. */
export class NodeProcess {
  private child: ChildProcess | null = null;
  log = '';

  constructor(
    readonly configFile: string,
    readonly port: number,
    private readonly credentials: string,
    /** Extra Node options for the node (the bench's `--profile-nodes`: `--cpu-prof`). */
    private readonly nodeArgs: string[] = [],
  ) {}

  async start(): Promise<void> {
    this.log = '';
    const child = spawn(process.execPath, [...this.nodeArgs, '--import', 'tsx', path.join(ROOT, 'main/cli/main.ts'), 'hub', 'run', '--config', this.configFile], {
      cwd: ROOT,
      env: { ...process.env, CREDENTIALS_DIRECTORY: this.credentials },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout!.on('data', (d) => (this.log += d));
    child.stderr!.on('data', (d) => (this.log += d));
    await until(() => /Hub node .* running/.test(this.log) || child.exitCode !== null, `hub node on port ${this.port} to start`, 60_000);
    if (child.exitCode !== null) throw new Error(`hub node exited: ${this.log}`);
  }

  get running(): boolean {
    return Boolean(this.child && this.child.exitCode === null && this.child.signalCode === null);
  }

  kill(): void {
    this.child?.kill('SIGKILL');
  }

  async stop(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    c.kill('SIGTERM');
    await until(() => c.exitCode !== null || c.signalCode !== null, 'hub node to stop', 30_000);
  }
}

/** A console process driven over IPC. */
export class ConsoleProcess {
  private readonly child: ChildProcess;
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  fingerprint = '';
  publicKeyPem = '';

  constructor() {
    this.child = fork(path.join(ROOT, 'test/hub/console-proc.ts'), [], { execArgv: ['--import', 'tsx'], cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (m: { id: number; ok: boolean; result?: unknown; error?: { code: string; message: string; status?: number } }) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (m.ok) w.resolve(m.result);
      else w.reject(Object.assign(new Error(m.error!.message), m.error));
    });
  }

  do<T = unknown>(op: string, ...args: unknown[]): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, op, args });
    });
  }

  async init(url: string, pin: string): Promise<void> {
    const r = await this.do<{ fingerprint: string; publicKeyPem: string }>('init', { url, pin, dir: suiteTmpDir('console-'), service: `Diwan-test-${crypto.randomBytes(6).toString('hex')}` });
    this.fingerprint = r.fingerprint;
    this.publicKeyPem = r.publicKeyPem;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    await this.do('stop').catch(() => {});
    this.child.disconnect();
  }

  /** The console crashes (SIGKILL): no goodbye to the hub, its socket just dies. */
  kill(): void {
    this.child.kill('SIGKILL');
  }
}

/** The database side of a test hub: schema, people and devices, as IT would set them up with `diwan hub …`. */
export async function seedHub(pgUrl: string, o: { users: Array<{ username: string; role: 'agent' | 'lead' | 'admin' | 'auditor' }>; channelBaseUrl?: string }) {
  const store = new HubStore(postgresExecutor({ connectionString: pgUrl, max: 2 }), Date.now);
  await store.migrate();
  const accounts = new HubAccounts(store, { now: Date.now, idleMs: 60_000, requireTwoFactor: false });
  const it = { actor: 'it:test' };
  const ids: Record<string, number> = {};
  for (const u of o.users) ids[u.username] = (await accounts.createUser({ ...u, displayName: u.username, password: PASSWORD }, it)).id;
  if (o.channelBaseUrl) await store.saveChannel({ id: 'tg', kind: 'telegram', name: 'Support bot', enabled: true, config: { baseUrl: o.channelBaseUrl, settings: { longPollSeconds: 1 } } }, it);
  return {
    store,
    ids,
    enrol: (c: ConsoleProcess, label: string) => store.enrolDevice({ fingerprint: c.fingerprint, publicKey: c.publicKeyPem, label }, it),
  };
}

export const PASSWORD = 'correct horse battery staple';

/** GET over the hub's pinned TLS (for /healthz and raw refusals). */
export async function pinnedGet(url: string, pin: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const agent: Agent = pinnedAgent({ pin, timeoutMs: 5_000 });
  try {
    const r = await request(url, { dispatcher: agent, headers });
    return { status: r.statusCode, body: await r.body.text() };
  } finally {
    await agent.close();
  }
}

/**
 * A whole team on loopback: a throwaway PostgreSQL, the Telegram emulator as the team's bot, `nodes` hub nodes (own
 * processes) behind the load balancer, and one signed-in console process per user, following the stream.
 */
export async function startTeamHub<U extends string>(o: { users: Array<{ username: U; role: 'agent' | 'lead' | 'admin' | 'auditor' }>; nodes?: number; nodeConfig?: Record<string, unknown>; workflow?: WorkflowTimings }) {
  const { startTestPostgres } = await import('../helpers/postgres');
  const { TelegramEmulator } = await import('../emulators/telegram');
  // Each process spends its first seconds loading modules: the consoles load theirs while the database, the
  // custodian and the nodes start, and the custodian starts while the database does (the nodes need both).
  const desks = o.users.map(() => new ConsoleProcess());
  const files = await hubFiles();
  const custodian = new CustodianProcess(files.custody);
  const [{ pg, tg, seed }] = await Promise.all([
    (async () => {
      const pg = await startTestPostgres();
      const tg = await TelegramEmulator.start(files.channelToken, 900_000);
      return { pg, tg, seed: await seedHub(pg.url, { users: o.users, channelBaseUrl: tg.url }) };
    })(),
    custodian.start(),
  ]);
  const ports = await Promise.all(Array.from({ length: o.nodes ?? 2 }, () => freePort()));
  const nodes = ports.map((port, i) => new NodeProcess(nodeConfig(files, { nodeId: `node-${i + 1}`, pgUrl: pg.url, port, extra: o.nodeConfig, workflow: o.workflow }), port, files.credentials));
  await Promise.all(nodes.map((n) => n.start()));
  const lb = new LoadBalancer(ports);
  await lb.start();
  await Promise.all(desks.map((c) => c.init(lb.url, files.pin)));
  const consoles = {} as Record<U, ConsoleProcess>;
  const enrolled: string[] = [];
  for (const [i, { username }] of o.users.entries()) {
    const c = desks[i]!;
    await seed.enrol(c, `${username}'s desk`);
    enrolled.push(c.fingerprint);
    files.custody.enrol(enrolled, o.users.filter((u) => u.role === 'lead').map((u) => u.username));
    await c.do('signIn', username, PASSWORD);
    await c.do('follow');
    consoles[username] = c;
  }
  return {
    pg,
    files,
    tg,
    seed,
    nodes,
    lb,
    consoles,
    custodian,
    async close() {
      for (const c of Object.values<ConsoleProcess>(consoles)) await c.close();
      for (const n of nodes) await n.stop().catch(() => n.kill());
      await custodian.stop();
      await lb.close();
      await tg.close();
      await seed.store.close();
      await pg.destroy();
    },
  };
}
