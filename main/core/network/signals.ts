import fs from 'node:fs';
import path from 'node:path';

/**
 * What tells that this computer moved to another network even while its interface keeps its address: the default
 * routes and their gateways, each gateway's hardware address, and the state of the links that carry them.
 * Read cheaply from the kernel's text files, so the gate can poll several times a second.
 */
export interface NetworkSignals {
  /** `interface|gateway|metric` of every default route (IPv4 and IPv6), sorted. */
  defaultRoutes: string[];
  /** IPv4 gateway → its hardware address in the neighbour table (absent until resolved). */
  gatewayMacs: Record<string, string>;
  /** Interface carrying a default route → `operstate/carrier`. */
  links: Record<string, string>;
}

/** Null where the platform does not expose these; the gate then relies on the interface list alone. */
export type NetworkSignalsPort = () => NetworkSignals | null;

export interface LinuxSignalPaths {
  /** Default `/proc/net` (the reading process's network namespace); tests point at `/proc/<pid>/net`. */
  procNet?: string;
  /** Default `/sys/class/net`. */
  sysNet?: string;
}

/** Linux: /proc/net/route, /proc/net/ipv6_route, /proc/net/arp and /sys/class/net/<if>/{operstate,carrier}. */
export function linuxNetworkSignals(paths: LinuxSignalPaths = {}): NetworkSignalsPort {
  const procNet = paths.procNet ?? '/proc/net';
  const sysNet = paths.sysNet ?? '/sys/class/net';
  return () => {
    const v4 = parseIpv4DefaultRoutes(readText(path.join(procNet, 'route')));
    const v6 = parseIpv6DefaultRoutes(readText(path.join(procNet, 'ipv6_route')));
    const macs = parseArp(readText(path.join(procNet, 'arp')));
    const gatewayMacs: Record<string, string> = {};
    for (const r of v4) if (macs[`${r.iface}|${r.gateway}`]) gatewayMacs[r.gateway] = macs[`${r.iface}|${r.gateway}`]!;
    const links: Record<string, string> = {};
    for (const iface of new Set([...v4, ...v6].map((r) => r.iface))) {
      links[iface] = `${readText(path.join(sysNet, iface, 'operstate')).trim() || 'unknown'}/${readText(path.join(sysNet, iface, 'carrier')).trim() || '?'}`;
    }
    return {
      defaultRoutes: [...v4, ...v6].map((r) => `${r.iface}|${r.gateway}|${r.metric}`).sort(),
      gatewayMacs,
      links,
    };
  };
}

/** The platform's reader: Linux reads the kernel's files; elsewhere null (see docs/SECURITY.md, "The office-network gate"). */
export function systemNetworkSignals(platform: NodeJS.Platform = process.platform): NetworkSignalsPort {
  return platform === 'linux' ? linuxNetworkSignals() : () => null;
}


/**
 * What changed between two readings, as one sentence without addresses (a home network's addresses are not the
 * audit trail's business), or null when nothing did.
 */
export function describeSignalChange(before: NetworkSignals | null, after: NetworkSignals | null): string | null {
  if (!before || !after) return null;
  const parts: string[] = [];
  if (before.defaultRoutes.join(',') !== after.defaultRoutes.join(',')) {
    parts.push(after.defaultRoutes.length === 0 ? 'the default route went away' : 'the default route or its gateway changed');
  }
  for (const [gw, mac] of Object.entries(after.gatewayMacs)) {
    if (before.gatewayMacs[gw] && before.gatewayMacs[gw] !== mac) parts.push("the gateway's hardware address changed");
  }
  for (const [iface, state] of Object.entries(after.links)) {
    const was = before.links[iface];
    if (was && was !== state) parts.push(`the link ${iface} went from ${was} to ${state}`);
  }
  for (const iface of Object.keys(before.links)) if (!(iface in after.links)) parts.push(`the link ${iface} no longer carries a default route`);
  return parts.length ? [...new Set(parts)].join('; ') : null;
}

interface DefaultRoute {
  iface: string;
  gateway: string;
  metric: number;
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
    if (!(parseInt(flags, 16) & 0x2) || mac === '00:00:00:00:00:00') continue;
    out[`${iface}|${ip}`] = mac.toLowerCase();
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
