import net from 'node:net';

import { parseCidr } from '../core/policy';

export type AddressCheck = (address: string | undefined) => boolean;

/** A check of a peer address against CIDR ranges; IPv4-mapped IPv6 (`::ffff:10.0.0.1`) counts as IPv4. */
export function officeRangeCheck(ranges: readonly string[]): AddressCheck {
  const list = new net.BlockList();
  for (const r of ranges) {
    const c = parseCidr(r);
    if (!c) throw new Error(`not a CIDR range: ${r}`);
    list.addSubnet(c.address, c.prefix, c.family);
  }
  return (address) => {
    if (!address) return false;
    const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').replace(/%.*$/, '');
    const family = net.isIP(plain);
    if (!family) return false;
    return list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
  };
}
