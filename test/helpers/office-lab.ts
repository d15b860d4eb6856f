import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateEd25519, privateKeyFromPem, signPolicyDocument } from '../../main/core/policy';

/**
 * A real office, café and laptop in Linux network namespaces, created and removed by the caller (root only):
 *
 *   laptop ns  c0 10.231.1.2/24 ── veth ── o0 10.231.1.1  office ns (beacon on 10.231.9.1, routed)
 *              c1 10.231.2.2/24 ── veth ── k0 10.231.2.1  café ns   (nothing listening, no forwarding)
 *
 * The laptop's default route goes via the office router; the beacon is reached through it, so moving the default
 * route to the café leaves every interface address as it was, which is the case the gate used to miss. The gate
 * runs in its own process inside the laptop namespace (test/helpers/gate-child.ts) and prints every verdict.
 * Vitest-free, so bench/network uses it too.
 */
export interface GateEvent {
  state: string;
  code: string | null;
  trigger: string;
  reason: string;
  /** performance.timeOrigin + performance.now() in the gate's process: comparable across processes on one machine. */
  t: number;
}

export interface OfficeLab {
  events: GateEvent[];
  /** Resolves with the first event at or after `from` (index into `events`) that matches. */
  waitFor(match: (e: GateEvent) => boolean, from: number, timeoutMs?: number): Promise<GateEvent>;
  /** Runs `ip` inside one of the lab's namespaces and returns what it printed. */
  ip(ns: 'laptop' | 'office' | 'cafe', ...args: string[]): string;
  routeViaCafe(): void;
  routeViaOffice(): void;
  close(): Promise<void>;
}

let labs = 0;
const now = () => performance.timeOrigin + performance.now();
export { now as labNow };

/** Null with the reason when this kernel (or user) cannot make network namespaces. */
export function namespacesUnavailable(): string | null {
  if (process.platform !== 'linux') return 'network namespaces are Linux only';
  if (process.getuid?.() !== 0) return 'creating network namespaces needs root';
  const probe = `dwprobe${process.pid}`;
  try {
    execFileSync('ip', ['netns', 'add', probe], { stdio: 'pipe' });
    execFileSync('ip', ['netns', 'del', probe], { stdio: 'pipe' });
    return null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'the `ip` command (iproute2) is not installed';
    return `the kernel refused a network namespace (${String((e as { stderr?: Buffer }).stderr ?? e).trim()})`;
  }
}

export async function startOfficeLab(opts: { watchIntervalMs?: number; repo?: string } = {}): Promise<OfficeLab> {
  const id = `${process.pid % 100000}x${labs++}`;
  const ns = { laptop: `dwl${id}`, office: `dwo${id}`, cafe: `dwk${id}` };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-office-lab-'));
  const children: ChildProcess[] = [];
  const run = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });
  const ip = (which: keyof typeof ns, ...args: string[]) => String(run('-n', ns[which], ...args));
  const cleanup = async () => {
    await Promise.all(
      children.map((c) => {
        if (c.exitCode !== null || c.signalCode !== null) return null;
        const exited = new Promise((r) => c.once('exit', r));
        c.kill('SIGTERM');
        const kill = setTimeout(() => c.kill('SIGKILL'), 5000);
        return exited.finally(() => clearTimeout(kill));
      }),
    );
    for (const n of Object.values(ns)) {
      try {
        run('netns', 'del', n);
      } catch {
        // not created
      }
    }
    fs.rmSync(work, { recursive: true, force: true });
  };
  try {
    for (const n of Object.values(ns)) run('netns', 'add', n);
    run('-n', ns.laptop, 'link', 'add', 'c0', 'type', 'veth', 'peer', 'name', 'o0', 'netns', ns.office);
    run('-n', ns.laptop, 'link', 'add', 'c1', 'type', 'veth', 'peer', 'name', 'k0', 'netns', ns.cafe);
    for (const [n, dev, addr] of [
      ['laptop', 'c0', '10.231.1.2/24'],
      ['laptop', 'c1', '10.231.2.2/24'],
      ['office', 'o0', '10.231.1.1/24'],
      ['cafe', 'k0', '10.231.2.1/24'],
    ] as const) {
      ip(n, 'addr', 'add', addr, 'dev', dev);
      ip(n, 'link', 'set', dev, 'up');
    }
    for (const n of ['laptop', 'office', 'cafe'] as const) ip(n, 'link', 'set', 'lo', 'up');
    ip('office', 'addr', 'add', '10.231.9.1/32', 'dev', 'lo');
    ip('laptop', 'route', 'add', 'default', 'via', '10.231.1.1', 'dev', 'c0');

    const repo = opts.repo ?? process.cwd();
    const beacon = spawn(
      'ip',
      ['netns', 'exec', ns.office, process.execPath, '--import', 'tsx', 'main/cli/main.ts', 'beacon', '--key-dir', path.join(work, 'beacon'), '--site', 'hq', '--port', '8443', '--host', '10.231.9.1', '--names', '10.231.9.1'],
      { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(beacon);
    let out = '';
    beacon.stdout!.on('data', (c) => (out += String(c)));
    beacon.stderr!.on('data', (c) => (out += String(c)));
    await until(() => /Listening:/.test(out), 30_000, () => `the beacon did not start in the office namespace:\n${out}`);
    const pin = /Pin:\s+(\S+)/.exec(out)![1]!;
    const publicKey = /Public key:\s+(\S+)/.exec(out)![1]!;

    const it = generateEd25519();
    const machine = path.join(work, 'machine');
    fs.mkdirSync(path.join(machine, 'policy-signers'), { recursive: true, mode: 0o755 });
    fs.chmodSync(work, 0o755);
    fs.writeFileSync(path.join(machine, 'policy-signers', 'it.json'), JSON.stringify({ signers: [{ name: 'lab', publicKey: it.publicKey }] }), { mode: 0o644 });
    const t = Date.now();
    const body = {
      version: 1,
      issuedAt: new Date(t - 60_000).toISOString(),
      expiresAt: new Date(t + 86_400_000).toISOString(),
      sites: [{ id: 'hq', ranges: ['10.231.0.0/16'], beacon: { url: 'https://10.231.9.1:8443', pins: [pin], publicKey } }],
      // The interval is far beyond any test: every re-check seen comes from noticing the change.
      checks: { intervalSeconds: 86_400, graceSeconds: 2, freshnessSeconds: 2, maxClockSkewSeconds: 60 },
    };
    fs.writeFileSync(path.join(machine, 'policy.json'), signPolicyDocument(body, privateKeyFromPem(it.privateKeyPem, 'lab key')));

    const gate = spawn('ip', ['netns', 'exec', ns.laptop, process.execPath, '--import', 'tsx', 'test/helpers/gate-child.ts'], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LAB_MACHINE_DIR: machine, LAB_WATCH_MS: String(opts.watchIntervalMs ?? 250) },
    });
    children.push(gate);
    const events: GateEvent[] = [];
    let buf = '';
    let errors = '';
    gate.stdout!.on('data', (c) => {
      buf += String(c);
      for (let i; (i = buf.indexOf('\n')) >= 0; ) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (line.startsWith('{')) events.push(JSON.parse(line) as GateEvent);
      }
    });
    gate.stderr!.on('data', (c) => (errors += String(c)));
    const waitFor = async (match: (e: GateEvent) => boolean, from: number, timeoutMs = 20_000) => {
      let found: GateEvent | undefined;
      await until(
        () => !!(found = events.slice(from).find(match)),
        timeoutMs,
        () => `no matching verdict from the gate; it said:\n${events.slice(from).map((e) => JSON.stringify(e)).join('\n')}\n${errors}`,
      );
      return found!;
    };
    return {
      events,
      waitFor,
      ip: (which, ...args) => ip(which, ...args),
      routeViaCafe: () => void ip('laptop', 'route', 'replace', 'default', 'via', '10.231.2.1', 'dev', 'c1'),
      routeViaOffice: () => void ip('laptop', 'route', 'replace', 'default', 'via', '10.231.1.1', 'dev', 'c0'),
      close: cleanup,
    };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

async function until(done: () => boolean, timeoutMs: number, why: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error(why());
    await new Promise((r) => setTimeout(r, 10));
  }
}
