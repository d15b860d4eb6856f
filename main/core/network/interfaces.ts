import net from 'node:net';
import os from 'node:os';
import { parseCidr } from '../policy';

/** The shape of `os.networkInterfaces()`; injected so tests can be at home, in the office or on a VPN. */
export type InterfaceList = NodeJS.Dict<os.NetworkInterfaceInfo[]>;
export type InterfacesPort = () => InterfaceList;

export const systemInterfaces: InterfacesPort = () => os.networkInterfaces();

export interface AddressMatch {
  interfaceName: string;
  address: string;
  range: string;
}

/** The first non-loopback address inside one of `ranges`, or null. Loopback never counts as being on a network. */
export function findAddressInRanges(list: InterfaceList, ranges: readonly string[]): AddressMatch | null {
  const blocks = ranges.map((range) => {
    const c = parseCidr(range)!;
    const b = new net.BlockList();
    b.addSubnet(c.address, c.prefix, c.family);
    return { range, block: b, family: c.family };
  });
  for (const [interfaceName, addrs] of Object.entries(list)) {
    for (const a of addrs ?? []) {
      if (a.internal) continue;
      const family = a.family === 'IPv6' ? 'ipv6' : 'ipv4';
      const address = a.address.replace(/%.*$/, ''); // drop an IPv6 zone id
      if (!net.isIP(address)) continue;
      const hit = blocks.find((b) => b.family === family && b.block.check(address, family));
      if (hit) return { interfaceName, address, range: hit.range };
    }
  }
  return null;
}

/** A stable summary of the non-loopback addresses, to notice a network change without an OS event. */
export function interfacesFingerprint(list: InterfaceList): string {
  const parts: string[] = [];
  for (const [name, addrs] of Object.entries(list)) {
    for (const a of addrs ?? []) if (!a.internal) parts.push(`${name}|${a.address}|${a.netmask}`);
  }
  return parts.sort().join(',');
}

export function countExternalAddresses(list: InterfaceList): number {
  return Object.values(list).reduce((n, addrs) => n + (addrs ?? []).filter((a) => !a.internal).length, 0);
}
