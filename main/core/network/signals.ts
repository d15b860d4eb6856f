/**
 * What tells that this computer moved to another network even while its interface keeps its address: the default
 * routes and their gateways, each gateway's hardware address, the state of the links that carry them, and the Wi-Fi
 * network each wireless interface is joined to. Each operating system has its own reader (signals-linux.ts,
 * signals-macos.ts, signals-windows.ts); all of them produce this shape and are judged by the one rule below,
 * `describeSignalChange`.
 */
export interface NetworkSignals {
  /** `interface|gateway|metric` of every default route (IPv4 and IPv6), sorted. */
  defaultRoutes: string[];
  /** IPv4 gateway → its hardware address in the neighbour table (absent until resolved). */
  gatewayMacs: Record<string, string>;
  /** Interface carrying a default route → its state as the OS prints it (`operstate/carrier`, `up/active`, …). */
  links: Record<string, string>;
  /** Wireless interface → `ssid|bssid` of the network it is joined to, `|` when it is joined to none. */
  wifi?: Record<string, string>;
  /**
   * The parts that could not be read this time, each a phrase naming the part and why ("the default routes (netstat
   * did not answer within 2000 ms)"). A part that cannot be read proves nothing: the gate treats the loss (and the
   * recovery) of a part as a move, and re-checks on a short interval while any part stays unreadable.
   */
  unreadable?: string[];
}

/** Null where nothing can be read at all; the gate then relies on the interface list and its interval. */
export type NetworkSignalsPort = () => NetworkSignals | null | Promise<NetworkSignals | null>;

export interface DefaultRoute {
  iface: string;
  gateway: string;
  metric: number;
}

/** What an OS reader gathered, before the shared assembly. */
export interface SignalParts {
  routes: DefaultRoute[];
  /** `iface|ip` → hardware address (normalised with `normalizeMac`). */
  neighbours: Record<string, string>;
  /** Interface → state, for any interfaces; only those carrying a default route are kept. */
  links: Record<string, string>;
  wifi?: Record<string, string>;
  unreadable: string[];
}

/** One shape from every reader: gateways matched with their neighbour entries, links narrowed to the routes' interfaces. */
export function assembleSignals(parts: SignalParts): NetworkSignals {
  const gatewayMacs: Record<string, string> = {};
  for (const r of parts.routes) {
    const mac = parts.neighbours[`${r.iface}|${r.gateway}`];
    if (mac) gatewayMacs[r.gateway] = mac;
  }
  const links: Record<string, string> = {};
  for (const iface of new Set(parts.routes.map((r) => r.iface))) links[iface] = parts.links[iface] ?? 'unknown';
  const out: NetworkSignals = {
    defaultRoutes: parts.routes.map((r) => `${r.iface}|${r.gateway}|${r.metric}`).sort(),
    gatewayMacs,
    links,
  };
  if (parts.wifi) out.wifi = parts.wifi;
  if (parts.unreadable.length) out.unreadable = [...new Set(parts.unreadable)].sort();
  return out;
}

/**
 * Runs one part of a reading; when it fails, notes the part as unreadable and gives `empty` instead, so one missing
 * tool costs that part only.
 */
export async function readPart<T>(unreadable: string[], what: string, empty: T, read: () => T | Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    unreadable.push(`${what} (${(e as Error)?.message || 'unknown error'})`);
    return empty;
  }
}

/** `0:11:2:a:b:c`, `00-11-22-0A-0B-0C`, `00:11:22:0a:0b:0c` → `00:11:22:0a:0b:0c`; null for anything else or all zeros. */
export function normalizeMac(text: string): string | null {
  const parts = text.trim().split(/[:-]/);
  if (parts.length !== 6 || !parts.every((p) => /^[0-9a-fA-F]{1,2}$/.test(p))) return null;
  const mac = parts.map((p) => p.toLowerCase().padStart(2, '0')).join(':');
  return mac === '00:00:00:00:00:00' ? null : mac;
}

/**
 * The one rule for what counts as a move, for every OS. What changed between two readings, as one sentence without
 * addresses or network names (a home network's details are not the audit trail's business), or null when nothing did.
 * Not a move: the first reading, a gateway's hardware address learnt for the first time, a wireless interface seen for
 * the first time.
 */
export function describeSignalChange(before: NetworkSignals | null, after: NetworkSignals | null): string | null {
  if (!before || !after) return null;
  const lostBefore = new Set(before.unreadable ?? []);
  const lostAfter = new Set(after.unreadable ?? []);
  const newlyLost = [...lostAfter].filter((u) => !lostBefore.has(u));
  const regained = [...lostBefore].filter((u) => !lostAfter.has(u));
  // A reading with other gaps than the last one cannot be compared field by field: the gap itself is the change.
  if (newlyLost.length) return `could not read ${newlyLost.join(', ')}`;
  if (regained.length) return `can read ${regained.map((u) => u.replace(/ \(.*$/, '')).join(', ')} again`;
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
  const wifiBefore = before.wifi ?? {};
  const wifiAfter = after.wifi ?? {};
  for (const [iface, net] of Object.entries(wifiAfter)) {
    const was = wifiBefore[iface];
    if (was === undefined || was === net) continue;
    parts.push(net === '|' ? `the Wi-Fi interface ${iface} left its network` : `the Wi-Fi network on ${iface} changed`);
  }
  for (const [iface, was] of Object.entries(wifiBefore)) {
    if (!(iface in wifiAfter) && was !== '|') parts.push(`the Wi-Fi interface ${iface} left its network`);
  }
  return parts.length ? [...new Set(parts)].join('; ') : null;
}
