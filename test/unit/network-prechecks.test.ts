import { describe, expect, it } from 'vitest';
import { findAddressInRanges, parseResolvConf, parseWindowsRegistry } from '../../main/core/network';
import { suffixMatches } from '../../main/core/network/dns-suffix';
import { interfaces } from '../helpers/network';

describe('network pre-checks', () => {
  it('finds an address in IPv4 and IPv6 ranges, ignoring loopback and IPv6 zone ids', () => {
    const list = interfaces({ eth0: ['192.168.1.9', 'fe80::1%eth0'], wg0: ['2001:db8:20:7::9'] });
    expect(findAddressInRanges(list, ['10.0.0.0/8'])).toBeNull();
    expect(findAddressInRanges(list, ['127.0.0.0/8', '::1/128'])).toBeNull();
    expect(findAddressInRanges(list, ['fe80::/10'])).toMatchObject({ interfaceName: 'eth0', address: 'fe80::1' });
    expect(findAddressInRanges(list, ['10.0.0.0/8', '2001:db8:20::/48'])).toEqual({ interfaceName: 'wg0', address: '2001:db8:20:7::9', range: '2001:db8:20::/48' });
    expect(findAddressInRanges(list, ['192.168.1.9/32'])).toMatchObject({ address: '192.168.1.9' });
    expect(findAddressInRanges(list, ['192.168.1.10/32'])).toBeNull();
  });

  it('reads DNS search suffixes from resolv.conf and from the Windows registry', () => {
    expect(parseResolvConf('# generated\nnameserver 127.0.0.53\nsearch HQ.Corp.Acme.Example. lab.acme.example\ndomain corp.acme.example\n')).toEqual([
      'hq.corp.acme.example',
      'lab.acme.example',
      'corp.acme.example',
    ]);
    const reg = [
      'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters',
      '    SearchList    REG_SZ    corp.acme.example,lab.acme.example',
      '    Domain    REG_SZ    ',
      'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters\\Interfaces\\{1234}',
      '    DhcpDomain    REG_SZ    hq.corp.acme.example',
      '    EnableDHCP    REG_DWORD    0x1',
    ].join('\r\n');
    expect(parseWindowsRegistry(reg)).toEqual(['corp.acme.example', 'lab.acme.example', 'hq.corp.acme.example']);
  });

  it('matches a suffix or a subdomain of it, never a look-alike', () => {
    expect(suffixMatches(['floor2.hq.acme.example'], ['hq.acme.example'])).toBe('floor2.hq.acme.example');
    expect(suffixMatches(['hq.acme.example'], ['hq.acme.example'])).toBe('hq.acme.example');
    expect(suffixMatches(['evilhq.acme.example', 'hq.acme.example.evil'], ['hq.acme.example'])).toBeNull();
  });
});
