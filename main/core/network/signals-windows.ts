import { runCommand, type RunCommand } from './run-command';
import { assembleSignals, normalizeMac, readPart, type DefaultRoute, type NetworkSignals } from './signals';

export interface WindowsSignalOptions {
  run?: RunCommand;
  commandTimeoutMs?: number;
  /** The folder holding netsh.exe and arp.exe. Fixed, not taken from %SystemRoot% (see docs/SECURITY.md). */
  system32?: string;
}

/**
 * Windows: `netsh interface ipv4|ipv6 show route` (default routes with their interface index), `netsh interface ipv4
 * show interfaces` (index → name and state), `arp -a` (gateway hardware addresses, grouped by interface index) and
 * `netsh wlan show interfaces` (Wi-Fi network). These tools print in the display language; the parsers key on what
 * does not change with it — prefixes, addresses, indexes, column positions, the `SSID`/`BSSID` labels — never on words.
 */
export function windowsNetworkSignals(opts: WindowsSignalOptions = {}): () => Promise<NetworkSignals> {
  const run = opts.run ?? runCommand;
  const timeout = opts.commandTimeoutMs ?? 3000;
  const dir = opts.system32 ?? 'C:\\Windows\\System32';
  const netsh = `${dir}\\netsh.exe`;
  const text = async (file: string, args: string[]) => {
    const { stdout, status } = await run(file, args, timeout);
    if (status !== 0) throw new Error(`${file.split('\\').pop()} exited with status ${status}`);
    return stdout;
  };
  return async () => {
    const unreadable: string[] = [];
    const [v4, v6, ifaces, arp, wifi] = await Promise.all([
      readPart(unreadable, 'the default routes', [], async () => parseNetshRoutes(await text(netsh, ['interface', 'ipv4', 'show', 'route']))),
      readPart(unreadable, 'the default routes', [], async () => parseNetshRoutes(await text(netsh, ['interface', 'ipv6', 'show', 'route']))),
      readPart(unreadable, 'the link state', {}, async () => parseNetshInterfaces(await text(netsh, ['interface', 'ipv4', 'show', 'interfaces']))),
      // arp answers an empty table ("No ARP Entries Found.") with status 1: an empty table, not a failure
      readPart(unreadable, "the gateway's hardware address", {}, async () => parseWindowsArp((await run(`${dir}\\ARP.EXE`, ['-a'], timeout)).stdout)),
      // A non-zero status is a computer without the WLAN service, or (Windows 11 since 2024) one where the app may not
      // use Location and so may not see the Wi-Fi network; the sentence saying which is translated, so both are unreadable.
      readPart(unreadable, 'the Wi-Fi network', {}, async () => parseNetshWlan(await text(netsh, ['wlan', 'show', 'interfaces']))),
    ]);
    const name = (idx: number) => ifaces[idx]?.name ?? `#${idx}`;
    const routes = [...v4, ...v6].map((r) => ({ ...r, iface: name(r.ifIndex) }));
    const neighbours = Object.fromEntries(Object.entries(arp).map(([key, mac]) => {
      const [idx, ip] = key.split('|') as [string, string];
      return [`${name(Number(idx))}|${ip}`, mac];
    }));
    const links = Object.fromEntries(Object.values(ifaces).map((i) => [i.name, i.state]));
    return assembleSignals({ routes, neighbours, links, wifi, unreadable });
  };
}

const RULE = /^\s*-{3,}(\s+-{3,})+\s*$/;

function requireTable(text: string, tool: string): string[] {
  const lines = text.split(/\r?\n/);
  const rule = lines.findIndex((l) => RULE.test(l));
  if (rule < 0) throw new Error(`${tool} printed no table this reader recognises`);
  return lines.slice(rule + 1);
}

/**
 * `netsh interface ipv4|ipv6 show route`: `Publish Type Met Prefix Idx Gateway/Interface Name` under a rule of
 * dashes. The Publish and Type words are translated; the prefix, metric, index and gateway are not, so a row is
 * found by its prefix (`0.0.0.0/0`, `::/0`) and read around it.
 */
export function parseNetshRoutes(text: string): Array<DefaultRoute & { ifIndex: number }> {
  const out: Array<DefaultRoute & { ifIndex: number }> = [];
  for (const line of requireTable(text, 'netsh')) {
    const f = line.trim().split(/\s+/);
    const k = f.findIndex((t) => t === '0.0.0.0/0' || t === '::/0');
    if (k < 1 || k + 2 >= f.length) continue;
    const metric = Number(f[k - 1]);
    const ifIndex = Number(f[k + 1]);
    const gateway = f.slice(k + 2).join(' ');
    if (!Number.isInteger(metric) || !Number.isInteger(ifIndex) || !gateway) continue;
    out.push({ iface: String(ifIndex), ifIndex, gateway, metric });
  }
  return out;
}

/** `netsh interface ipv4 show interfaces`: `Idx Met MTU State Name`; the state word is translated but one word. */
export function parseNetshInterfaces(text: string): Record<number, { name: string; state: string }> {
  const out: Record<number, { name: string; state: string }> = {};
  for (const line of requireTable(text, 'netsh')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(\S.*?)\s*$/.exec(line);
    if (m) out[Number(m[1])] = { name: m[5]!, state: m[4]! };
  }
  return out;
}

/**
 * `arp -a`: a section per interface, headed `Interface: 10.0.0.5 --- 0xc` (the word translated, the address and the
 * hexadecimal index not), then `address  hardware-address  type` rows. → `index|ip` → hardware address.
 */
export function parseWindowsArp(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let idx: number | null = null;
  for (const line of text.split(/\r?\n/)) {
    const head = /^\S.*?:\s*[0-9a-fA-F.:]+\s+-{3}\s+0x([0-9a-fA-F]+)\s*$/.exec(line);
    if (head) {
      idx = parseInt(head[1]!, 16);
      continue;
    }
    const row = /^\s+([0-9.]+)\s+([0-9a-fA-F]{2}(?:-[0-9a-fA-F]{2}){5})\s/.exec(line);
    const mac = row && normalizeMac(row[2]!);
    if (row && mac && idx !== null && mac !== 'ff:ff:ff:ff:ff:ff') out[`${idx}|${row[1]}`] = mac;
  }
  return out;
}

/**
 * `netsh wlan show interfaces`: one block of `Label : value` lines per wireless interface, labels in the display
 * language. The interface's name is the block's first value (its label is "Name", "Nom", "名前", …); `SSID` and
 * `BSSID` (Windows 11: `AP BSSID`) are not translated. → interface name → `ssid|bssid`, `|` when not connected.
 */
export function parseNetshWlan(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const blocks: Array<Array<[string, string]>> = [[]];
  for (const line of text.split(/\r?\n/)) {
    const kv = /^\s+(\S.*?)\s+:\s?(.*?)\s*$/.exec(line);
    if (kv) blocks[blocks.length - 1]!.push([kv[1]!, kv[2]!]);
    else if (blocks[blocks.length - 1]!.length) blocks.push([]);
  }
  let recognised = false;
  for (const block of blocks) {
    // Interface blocks have many lines; the closing "Hosted network status" block has one.
    if (block.length < 4) continue;
    recognised = true;
    const name = block[0]![1];
    const ssid = block.find(([k]) => k === 'SSID')?.[1] ?? '';
    const bssidText = block.find(([k]) => /(^|\s)BSSID$/.test(k))?.[1] ?? '';
    out[name] = ssid || bssidText ? `${ssid}|${normalizeMac(bssidText) ?? bssidText}` : '|';
  }
  if (!recognised && /:\s/.test(text) && blocks.some((b) => b.length > 1)) throw new Error('netsh printed Wi-Fi details this reader does not recognise');
  return out;
}
