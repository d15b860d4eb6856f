import type { ChangeMonitor } from './route-monitor';
import { runCommand, type RunCommand } from './run-command';
import { assembleSignals, normalizeMac, readPart, type DefaultRoute, type NetworkSignals } from './signals';

export interface MacosSignalOptions {
  run?: RunCommand;
  commandTimeoutMs?: number;
  /**
   * Event source: while it reports nothing (and the last reading was whole), the last reading is reused instead of
   * running the tools again, until `fullEveryMs` has passed. Default: none, the tools run on every reading.
   */
  monitor?: () => ChangeMonitor;
  /** The longest a reading is reused while the monitor is quiet (default 2 s): access-point roams send no routing message. */
  fullEveryMs?: number;
  now?: () => number;
}

/**
 * macOS: `netstat -rn` (default routes, both families), `arp -an` (gateway hardware addresses), `ifconfig` (link
 * state) and, for each active `en*` interface, `ipconfig getsummary` (Wi-Fi network). With `route -n monitor` as
 * the event source (`systemNetworkSignals`), the tools run when the routing socket speaks and at least every 2 s.
 * They run side by side; one that is missing, fails, hangs past the timeout or prints what the parser does not
 * recognise makes its part unreadable (see `NetworkSignals.unreadable`), never the whole reading silently empty.
 */
export function macosNetworkSignals(opts: MacosSignalOptions = {}): () => Promise<NetworkSignals> {
  const run = opts.run ?? runCommand;
  const timeout = opts.commandTimeoutMs ?? 2000;
  const text = async (file: string, args: string[]) => {
    const { stdout, status } = await run(file, args, timeout);
    if (status !== 0) throw new Error(`${file.split('/').pop()} exited with status ${status}`);
    return stdout;
  };
  const now = opts.now ?? Date.now;
  const fullEveryMs = opts.fullEveryMs ?? 2000;
  let last: NetworkSignals | null = null;
  let lastAt = 0;
  let monitor: ChangeMonitor | undefined;
  return async () => {
    // started with the first reading, so a core that never starts its gate (the CLI) runs no monitor
    monitor ??= opts.monitor?.();
    const quiet = monitor ? !monitor.takeChanged() : false;
    if (quiet && last && !last.unreadable && now() - lastAt < fullEveryMs) return last;
    lastAt = now();
    last = await readAll();
    return last;
  };

  async function readAll(): Promise<NetworkSignals> {
    const unreadable: string[] = [];
    const [routes, neighbours, ifaces] = await Promise.all([
      readPart(unreadable, 'the default routes', [], async () => parseMacNetstat(await text('/usr/sbin/netstat', ['-rn']))),
      readPart(unreadable, "the gateway's hardware address", {}, async () => parseMacArp(await text('/usr/sbin/arp', ['-an']))),
      readPart(unreadable, 'the link state', {}, async () => parseIfconfig(await text('/sbin/ifconfig', []))),
    ]);
    const links = Object.fromEntries(Object.entries(ifaces).map(([name, i]) => [name, i.state]));
    const candidates = Object.entries(ifaces)
      .filter(([name, i]) => /^en\d+$/.test(name) && i.active)
      .map(([name]) => name);
    const wifi = await readPart(unreadable, 'the Wi-Fi network', {}, async () => {
      const out: Record<string, string> = {};
      for (const iface of candidates) {
        const net = parseIpconfigSummary(await text('/usr/sbin/ipconfig', ['getsummary', iface]));
        if (net !== null) out[iface] = net;
      }
      return out;
    });
    return assembleSignals({ routes, neighbours, links, wifi, unreadable });
  }
}

/**
 * `netstat -rn`: the `default` rows of the Internet and Internet6 tables that are up. The Netif column is found from
 * each table's header (macOS 11 dropped Refs and Use). macOS prints no metric; the primary default route is the one
 * not scoped to its interface (no `I` flag), so that is the "metric": 0 primary, 1 scoped — the primary moving
 * from one interface to another is a change.
 */
export function parseMacNetstat(text: string): DefaultRoute[] {
  const out: DefaultRoute[] = [];
  let netif = -1;
  let tables = 0;
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f[0] === 'Destination') {
      netif = f.indexOf('Netif');
      tables++;
      continue;
    }
    if (f[0] !== 'default' || netif < 0 || f.length <= netif) continue;
    const [, gateway, flags] = f as [string, string, string];
    if (!flags.includes('U')) continue;
    out.push({ iface: f[netif]!, gateway, metric: flags.includes('I') ? 1 : 0 });
  }
  if (!tables) throw new Error('netstat printed no routing table');
  return out;
}

/** `arp -an`: `? (10.0.0.1) at 0:11:22:33:44:55 on en0 ifscope [ethernet]` → `en0|10.0.0.1` → `00:11:22:33:44:55`. */
export function parseMacArp(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\S+ \(([0-9.]+)\) at (\S+) on (\S+)/.exec(line.trim());
    const mac = m && normalizeMac(m[2]!);
    if (m && mac) out[`${m[3]}|${m[1]}`] = mac;
  }
  return out;
}

export interface IfconfigInterface {
  /** `up/active`, `down/inactive`, `up/-` (no media status, as on a tunnel). */
  state: string;
  active: boolean;
}

/** `ifconfig`: one block per interface, `name: flags=8863<UP,…> mtu 1500`, indented lines, `status: active`. */
export function parseIfconfig(text: string): Record<string, IfconfigInterface> {
  const out: Record<string, IfconfigInterface> = {};
  let name: string | null = null;
  let up = false;
  let status: string | null = null;
  const flush = () => {
    if (name) out[name] = { state: `${up ? 'up' : 'down'}/${status ?? '-'}`, active: up && status === 'active' };
  };
  for (const line of text.split('\n')) {
    const head = /^([A-Za-z0-9._-]+): flags=[0-9a-fA-F]+<([^>]*)>/.exec(line);
    if (head) {
      flush();
      name = head[1]!;
      up = head[2]!.split(',').includes('UP');
      status = null;
      continue;
    }
    const st = /^\s+status: (\S+)/.exec(line);
    if (st && name) status = st[1]!;
  }
  flush();
  if (!Object.keys(out).length && text.trim()) throw new Error('ifconfig printed no interface this reader recognises');
  return out;
}

/**
 * `ipconfig getsummary <if>`: a `<dictionary>` with `InterfaceType : WiFi`, `SSID : …`, `BSSID : …`. Returns
 * `ssid|bssid` for a Wi-Fi interface (`|` when not joined), null for any other kind of interface. macOS 14 and later
 * print `<redacted>` for both unless the app may use Location Services; that reading never changes, so there the
 * routes, gateway and link carry the watch (docs/SECURITY.md).
 */
export function parseIpconfigSummary(text: string): string | null {
  if (!/^\s*InterfaceType : WiFi\s*$/m.test(text)) return null;
  const ssid = /^\s*SSID : (.*)$/m.exec(text)?.[1]?.trim() ?? '';
  const rawBssid = /^\s*BSSID : (.*)$/m.exec(text)?.[1]?.trim() ?? '';
  const bssid = normalizeMac(rawBssid) ?? rawBssid;
  return `${ssid}|${bssid}`;
}
