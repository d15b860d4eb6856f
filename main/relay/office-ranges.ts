import net from 'node:net';

/**
 * Office ranges as the relay checks them on every console request. Duplicates, in small, the parsing of the network
 * branch (`main/core/policy` `parseCidr`); at merge the relay should take the ranges from the signed policy and this
 * parser from there.
 */
export function parseCidr(s: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(s);
  if (!m) return null;
  const version = net.isIP(m[1]!);
  const prefix = Number(m[2]);
  if (version === 4 && prefix <= 32) return { address: m[1]!, prefix, family: 'ipv4' };
  if (version === 6 && prefix <= 128) return { address: m[1]!, prefix, family: 'ipv6' };
  return null;
}

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
