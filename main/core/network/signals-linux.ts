import fs from 'node:fs';
import path from 'node:path';
import { runCommand, type RunCommand } from './run-command';
import { assembleSignals, normalizeMac, readPart, type DefaultRoute, type NetworkSignals } from './signals';

export interface LinuxSignalOptions {
  /** Default `/proc/net` (the reading process's network namespace); tests point at `/proc/<pid>/net`. */
  procNet?: string;
  /** Default `/sys/class/net`. */
  sysNet?: string;
  /** Runs `iw` / `nmcli` for the Wi-Fi network; only called when a wireless interface exists. */
  run?: RunCommand;
  commandTimeoutMs?: number;
  /** Where `iw` and `nmcli` are; default: the first of the usual places that exists, null when none does. */
  tools?: { iw: string | null; nmcli: string | null };
}

/**
 * Linux: /proc/net/route, /proc/net/ipv6_route, /proc/net/arp and /sys/class/net/<if>/{operstate,carrier} — plain
 * file reads, cheap enough to poll several times a second — and, for each wireless interface, `iw dev <if> link`
 * (or `nmcli` where iw is not installed). A machine without Wi-Fi runs no command at all.
 */
export function linuxNetworkSignals(opts: LinuxSignalOptions = {}): () => Promise<NetworkSignals> {
  const procNet = opts.procNet ?? '/proc/net';
  const sysNet = opts.sysNet ?? '/sys/class/net';
  const run = opts.run ?? runCommand;
  const timeout = opts.commandTimeoutMs ?? 2000;
  const tools = opts.tools ?? { iw: IW.find((p) => fs.existsSync(p)) ?? null, nmcli: NMCLI.find((p) => fs.existsSync(p)) ?? null };
  return async () => {
    const routes = [...parseIpv4DefaultRoutes(readText(path.join(procNet, 'route'))), ...parseIpv6DefaultRoutes(readText(path.join(procNet, 'ipv6_route')))];
    const links: Record<string, string> = {};
    for (const r of routes) {
      links[r.iface] = `${readText(path.join(sysNet, r.iface, 'operstate')).trim() || 'unknown'}/${readText(path.join(sysNet, r.iface, 'carrier')).trim() || '?'}`;
    }
    const unreadable: string[] = [];
    const wireless = wirelessInterfaces(sysNet);
    const wifi = wireless.length ? await readPart(unreadable, 'the Wi-Fi network', {}, () => linuxWifi(wireless, tools, run, timeout)) : undefined;
    return assembleSignals({ routes, neighbours: parseArp(readText(path.join(procNet, 'arp'))), links, wifi, unreadable });
  };
}

/** Interfaces the kernel marks as wireless (`/sys/class/net/<if>/wireless` or `phy80211`). */
export function wirelessInterfaces(sysNet = '/sys/class/net'): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(sysNet);
  } catch {
    return [];
  }
  return names.filter((n) => fs.existsSync(path.join(sysNet, n, 'wireless')) || fs.existsSync(path.join(sysNet, n, 'phy80211'))).sort();
}

// Desktop sessions on Debian do not have /usr/sbin on PATH; iw lives there.
const IW = ['/usr/sbin/iw', '/sbin/iw', '/usr/bin/iw'];
const NMCLI = ['/usr/bin/nmcli', '/bin/nmcli'];

async function linuxWifi(ifaces: string[], tools: { iw: string | null; nmcli: string | null }, run: RunCommand, timeout: number): Promise<Record<string, string>> {
  const { iw, nmcli } = tools;
  if (iw) {
    const out: Record<string, string> = {};
    for (const iface of ifaces) {
      const { stdout, status } = await run(iw, ['dev', iface, 'link'], timeout);
      const link = parseIwLink(stdout);
      if (link === undefined) throw new Error(`iw answered status ${status} with output it does not recognise`);
      out[iface] = link;
    }
    return out;
  }
  if (!nmcli) throw new Error('neither iw nor nmcli is installed');
  const { stdout, status } = await run(nmcli, ['-t', '-f', 'ACTIVE,SSID,BSSID,DEVICE', 'device', 'wifi', 'list', '--rescan', 'no'], timeout);
  if (status !== 0) throw new Error(`nmcli exited with status ${status}`);
  const active = parseNmcliWifi(stdout);
  return Object.fromEntries(ifaces.map((i) => [i, active[i] ?? '|']));
}

/**
 * `iw dev <if> link`: "Connected to <bssid> (on <if>)" then "\tSSID: <name>", or "Not connected.". Returns
 * `ssid|bssid`, `|` when not connected, undefined when the text is neither.
 */
export function parseIwLink(text: string): string | undefined {
  if (/^\s*Not connected\.?\s*$/m.test(text)) return '|';
  const head = /^Connected to ([0-9a-fA-F:]{17})/m.exec(text);
  if (!head) return undefined;
  const bssid = normalizeMac(head[1]!);
  if (!bssid) return undefined;
  const ssid = /^\s+SSID: ?(.*)$/m.exec(text)?.[1] ?? '';
  return `${ssid}|${bssid}`;
}

/** `nmcli -t -f ACTIVE,SSID,BSSID,DEVICE device wifi list`: terse fields split on unescaped `:`; active rows only. */
export function parseNmcliWifi(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const fields = splitTerse(line);
    if (fields.length !== 4) continue;
    const [active, ssid, bssid, device] = fields as [string, string, string, string];
    const mac = normalizeMac(bssid);
    if (active !== 'yes' || !mac || !device) continue;
    out[device] = `${ssid}|${mac}`;
  }
  return out;
}

/** nmcli's terse mode escapes `:` and `\` inside values with a backslash. */
function splitTerse(line: string): string[] {
  const fields: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) cur += line[++i];
    else if (c === ':') {
      fields.push(cur);
      cur = '';
    } else cur += c;
  }
  fields.push(cur);
  return fields;
}

const RTF_UP = 0x1;

/** `/proc/net/route`: hex, little-endian IPv4 words. A default route has destination and mask 0. */
export function parseIpv4DefaultRoutes(text: string): DefaultRoute[] {
  const out: DefaultRoute[] = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 8) continue;
    const [iface, dest, gw, flags, , , metric, mask] = f as [string, string, string, string, string, string, string, string];
    if (dest !== '00000000' || mask !== '00000000' || !(parseInt(flags, 16) & RTF_UP)) continue;
    out.push({ iface, gateway: hexToIpv4(gw), metric: Number(metric) });
  }
  return out;
}

/** `/proc/net/ipv6_route`: dest destlen src srclen nexthop metric refcnt use flags iface. `lo` holds unreachable defaults. */
export function parseIpv6DefaultRoutes(text: string): DefaultRoute[] {
  const out: DefaultRoute[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10) continue;
    const [dest, destLen, , , nextHop, metric, , , flags, iface] = f as string[];
    if (!/^0{32}$/.test(dest!) || destLen !== '00' || iface === 'lo' || !(parseInt(flags!, 16) & RTF_UP)) continue;
    out.push({ iface: iface!, gateway: nextHop!.replace(/(.{4})(?!$)/g, '$1:'), metric: parseInt(metric!, 16) });
  }
  return out;
}

/** `/proc/net/arp` → `iface|ip` → hardware address, complete entries only (flags 0x2). */
export function parseArp(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 6) continue;
    const [ip, , flags, mac, , iface] = f as [string, string, string, string, string, string];
    const hw = normalizeMac(mac);
    if (!(parseInt(flags, 16) & 0x2) || !hw) continue;
    out[`${iface}|${ip}`] = hw;
  }
  return out;
}

function hexToIpv4(hex: string): string {
  const n = parseInt(hex, 16) >>> 0;
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff].join('.');
}

/** A file's text, or '' when it cannot be read (a link that is down has no readable `carrier`). */
function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
