import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeSignalChange, parseArp, parseIpv4DefaultRoutes, parseIpv6DefaultRoutes, type NetworkSignals } from '../../main/core/network';

// The kernel's text formats, generated: any interface names, gateways, metrics, flags and surrounding routes.
const iface = fc.stringMatching(/^[a-z][a-z0-9]{0,14}$/);
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((b) => b.join('.'));
const hexLe = (ip: string) =>
  ip
    .split('.')
    .map((b) => Number(b).toString(16).padStart(2, '0').toUpperCase())
    .reverse()
    .join('');
const hex32 = (n: number) => n.toString(16).padStart(8, '0').toUpperCase();

describe('reading the kernel network signals', () => {
  it('finds every IPv4 default route that is up, and only those, in /proc/net/route', () => {
    const route = fc.record({ iface, gateway: ipv4, metric: fc.nat(9999), isDefault: fc.boolean(), up: fc.boolean(), dest: ipv4 });
    fc.assert(
      fc.property(fc.array(route, { maxLength: 12 }), (routes) => {
        const header = 'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT';
        const lines = routes.map((r) => {
          const dest = r.isDefault ? '00000000' : hexLe(r.dest === '0.0.0.0' ? '10.0.0.0' : r.dest);
          const mask = r.isDefault ? '00000000' : 'FFFFFF00';
          const flags = hex32((r.up ? 1 : 0) | 2).slice(4);
          return `${r.iface}\t${dest}\t${hexLe(r.gateway)}\t${flags}\t0\t0\t${r.metric}\t${mask}\t0\t0\t0`;
        });
        const got = parseIpv4DefaultRoutes([header, ...lines].join('\n') + '\n');
        const want = routes.filter((r) => r.isDefault && r.up).map((r) => ({ iface: r.iface, gateway: r.gateway, metric: r.metric }));
        expect(got).toEqual(want);
      }),
    );
  });

  it('finds IPv6 default routes but not the unreachable ones the kernel keeps on lo', () => {
    const text = [
      '00000000000000000000000000000000 00 00000000000000000000000000000000 00 fe800000000000000000000000000001 00000400 00000001 00000000 00000003 eth0',
      '00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200 lo',
      '20010db8000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001 eth0',
    ].join('\n');
    expect(parseIpv6DefaultRoutes(text)).toEqual([{ iface: 'eth0', gateway: 'fe80:0000:0000:0000:0000:0000:0000:0001', metric: 1024 }]);
  });

  it('reads complete neighbour entries from /proc/net/arp, not incomplete ones', () => {
    const mac = fc.array(fc.nat(255), { minLength: 6, maxLength: 6 }).map((b) => b.map((x) => x.toString(16).padStart(2, '0')).join(':'));
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ ip: ipv4, mac, iface, complete: fc.boolean() }), { selector: (e) => `${e.iface}|${e.ip}`, maxLength: 10 }), (entries) => {
        const text = [
          'IP address       HW type     Flags       HW address            Mask     Device',
          ...entries.map((e) => `${e.ip.padEnd(17)}0x1         ${e.complete ? '0x2' : '0x0'}         ${e.complete ? e.mac.toUpperCase() : '00:00:00:00:00:00'}     *        ${e.iface}`),
        ].join('\n');
        const want = Object.fromEntries(entries.filter((e) => e.complete && e.mac !== '00:00:00:00:00:00').map((e) => [`${e.iface}|${e.ip}`, e.mac]));
        expect(parseArp(text)).toEqual(want);
      }),
    );
  });

  it('describes a move without naming any address, and says nothing when nothing that matters changed', () => {
    const office: NetworkSignals = { defaultRoutes: ['eth0|10.0.0.1|100'], gatewayMacs: { '10.0.0.1': '02:00:00:00:00:01' }, links: { eth0: 'up/1' } };
    expect(describeSignalChange(office, { ...office })).toBeNull();
    // a gateway's hardware address learnt for the first time is not a move
    expect(describeSignalChange({ ...office, gatewayMacs: {} }, office)).toBeNull();
    const moved = describeSignalChange(office, { defaultRoutes: ['eth0|192.168.1.1|100'], gatewayMacs: { '192.168.1.1': '02:00:00:00:00:09' }, links: { eth0: 'up/1' } });
    expect(moved).toBe('the default route or its gateway changed');
    expect(describeSignalChange(office, { ...office, gatewayMacs: { '10.0.0.1': '02:00:00:00:00:02' } })).toBe("the gateway's hardware address changed");
    expect(describeSignalChange(office, { ...office, links: { eth0: 'down/0' } })).toBe('the link eth0 went from up/1 to down/0');
    expect(describeSignalChange(office, { defaultRoutes: [], gatewayMacs: {}, links: {} })).toBe('the default route went away; the link eth0 no longer carries a default route');
    for (const s of [moved]) expect(s).not.toMatch(/\d+\.\d+\.\d+\.\d+|[0-9a-f]{2}:[0-9a-f]{2}:/);
  });

  it('one rule for every OS: the same reading is never a move, any change that matters always is, and the sentence names no address or network', () => {
    const mac = fc.array(fc.nat(255), { minLength: 6, maxLength: 6 }).map((b) => b.map((x) => x.toString(16).padStart(2, '0')).join(':'));
    // a marker no sentence contains, so the check below cannot trip on a common word
    const ssid = fc.stringMatching(/^[A-Za-z0-9 \u0600-\u06ff]{0,20}$/).map((x) => `SSID~${x}`);
    const reading = fc.record({
      routes: fc.uniqueArray(fc.record({ iface, gw: ipv4, metric: fc.nat(999) }), { selector: (r) => r.iface, minLength: 1, maxLength: 3 }),
      mac,
      state: fc.constantFrom('up/1', 'up/active', 'connected', 'verbunden'),
      wifi: fc.option(fc.tuple(ssid, mac)),
    });
    const build = (r: { routes: Array<{ iface: string; gw: string; metric: number }>; mac: string; state: string; wifi: [string, string] | null }): NetworkSignals => ({
      defaultRoutes: r.routes.map((x) => `${x.iface}|${x.gw}|${x.metric}`).sort(),
      gatewayMacs: Object.fromEntries(r.routes.map((x) => [x.gw, r.mac])),
      links: Object.fromEntries(r.routes.map((x) => [x.iface, r.state])),
      ...(r.wifi ? { wifi: { wl0: `${r.wifi[0]}|${r.wifi[1]}` } } : {}),
    });
    const change = fc.constantFrom('route', 'mac', 'link', 'wifi', 'wifi-left', 'unreadable');
    fc.assert(
      fc.property(reading, change, ipv4, mac, ssid, (r, what, otherIp, otherMac, otherSsid) => {
        const a = build(r);
        expect(describeSignalChange(a, structuredClone(a))).toBeNull();
        const b = structuredClone(a);
        const first = r.routes[0]!;
        if (what === 'route') b.defaultRoutes = b.defaultRoutes.map((x) => (x.startsWith(`${first.iface}|`) ? `${first.iface}|${otherIp}|${first.metric + 1}` : x));
        if (what === 'mac') b.gatewayMacs[first.gw] = otherMac === r.mac ? '02:00:00:00:00:00' : otherMac;
        if (what === 'link') b.links[first.iface] = `${r.state}-down`;
        if (what === 'wifi') b.wifi = { wl0: `${otherSsid}x|${otherMac}` };
        if (what === 'wifi-left') b.wifi = { wl0: '|' };
        if (what === 'unreadable') b.unreadable = ['the default routes (netstat did not answer within 2000 ms)'];
        const said = describeSignalChange(a, b);
        const matters = what !== 'wifi' && what !== 'wifi-left' ? true : r.wifi !== null;
        if (!matters) {
          expect(said).toBeNull();
          return;
        }
        expect(said).not.toBeNull();
        for (const secret of [first.gw, otherIp, r.mac, otherMac, ...(r.wifi ?? []), otherSsid]) expect(said).not.toContain(secret);
      }),
    );
  });
});
