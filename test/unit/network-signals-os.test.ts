import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CommandFailure,
  describeSignalChange,
  linuxNetworkSignals,
  macosNetworkSignals,
  parseIfconfig,
  parseIpconfigSummary,
  parseIwLink,
  parseMacArp,
  parseMacNetstat,
  parseNetshInterfaces,
  parseNetshRoutes,
  parseNetshWlan,
  parseNmcliWifi,
  parseWindowsArp,
  windowsNetworkSignals,
  type RunCommand,
} from '../../main/core/network';
import { tmpDir } from '../helpers/tmp';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/network-signals', name), 'utf8');

// The tools' outputs, generated: addresses, names (any script), translated words and column widths vary.
const octet = fc.nat(255);
const ipv4 = fc.tuple(octet, octet, octet, octet).map((b) => b.join('.'));
const macBytes = fc.array(octet, { minLength: 6, maxLength: 6 }).filter((b) => b.some((x) => x !== 0) && b.some((x) => x !== 255));
const mac = (b: number[], sep = ':', pad = true) => b.map((x) => (pad ? x.toString(16).padStart(2, '0') : x.toString(16))).join(sep);
/** A word as a translated tool might print it: letters of several scripts, no spaces or colons. */
const word = fc.stringMatching(/^[A-Za-zÀ-ÿ\u0600-\u06ff\u3040-\u30ff]{2,14}$/);
/** A network name: printable text of several scripts, inner spaces allowed, no line breaks. */
const ssid = fc.stringMatching(/^[A-Za-z0-9\u0600-\u06ff\u00c0-\u00ff][A-Za-z0-9 ._\-\u0600-\u06ff\u00c0-\u00ff]{0,30}[A-Za-z0-9\u0600-\u06ff]$/);
const ifName = fc.stringMatching(/^[a-z]{2,5}[0-9]{1,2}$/);

/** A `RunCommand` answering from a table of `tool args` → output, or a failure. */
function fakeRun(answers: Record<string, string | Error | { stdout: string; status: number }>): RunCommand & { calls: string[] } {
  const calls: string[] = [];
  const run: RunCommand = async (file, args) => {
    const key = `${file.split(/[\\/]/).pop()} ${args.join(' ')}`.trim();
    calls.push(key);
    const a = answers[key];
    if (a === undefined) throw new CommandFailure(`${key.split(' ')[0]} is not installed`, 'missing');
    if (a instanceof Error) throw a;
    return typeof a === 'string' ? { stdout: a, status: 0 } : a;
  };
  return Object.assign(run, { calls });
}

describe('macOS: reading netstat, arp, ifconfig and ipconfig', () => {
  it('reads the default routes of both tables, primary and scoped, from both netstat layouts', () => {
    expect(parseMacNetstat(fixture('macos-netstat-rn.txt'))).toEqual([
      { iface: 'en0', gateway: '192.168.20.1', metric: 0 },
      { iface: 'utun4', gateway: 'link#18', metric: 1 },
      { iface: 'utun0', gateway: 'fe80::%utun0', metric: 1 },
      { iface: 'en0', gateway: 'fe80::a62b:b0ff:fe01:203%en0', metric: 0 },
    ]);
    expect(parseMacNetstat(fixture('macos-netstat-rn-catalina.txt'))).toEqual([
      { iface: 'en1', gateway: '10.0.1.1', metric: 0 },
      { iface: 'en1', gateway: 'fe80::21b:63ff:fe84:45e6%en1', metric: 0 },
    ]);
    expect(() => parseMacNetstat('netstat: sysctl: Operation not permitted\n')).toThrow(/no routing table/);
  });

  it('finds every default route in any generated netstat table, with or without the Refs and Use columns', () => {
    const route = fc.record({ isDefault: fc.boolean(), gw: ipv4, iface: ifName, scoped: fc.boolean(), up: fc.boolean() });
    fc.assert(
      fc.property(fc.array(route, { maxLength: 10 }), fc.boolean(), (routes, old) => {
        const header = old ? 'Destination        Gateway            Flags        Refs      Use   Netif Expire' : 'Destination        Gateway            Flags               Netif Expire';
        const rows = routes.map((r) => {
          const flags = `${r.up ? 'U' : ''}GSc${r.scoped ? 'I' : ''}g`;
          const dest = r.isDefault ? 'default' : '10.1/16';
          return old ? `${dest.padEnd(19)}${r.gw.padEnd(19)}${flags.padEnd(13)}3        0     ${r.iface}` : `${dest.padEnd(19)}${r.gw.padEnd(19)}${flags.padEnd(20)}${r.iface.padStart(5)}       `;
        });
        const got = parseMacNetstat(['Routing tables', '', 'Internet:', header, ...rows].join('\n'));
        expect(got).toEqual(routes.filter((r) => r.isDefault && r.up).map((r) => ({ iface: r.iface, gateway: r.gw, metric: r.scoped ? 1 : 0 })));
      }),
    );
  });

  it('reads resolved neighbours with the short octets macOS prints, not incomplete ones', () => {
    expect(parseMacArp(fixture('macos-arp-an.txt'))).toEqual({
      'en0|192.168.20.1': 'a4:2b:b0:01:02:03',
      'en0|192.168.20.255': 'ff:ff:ff:ff:ff:ff',
      'en0|224.0.0.251': '01:00:5e:00:00:fb',
    });
    fc.assert(
      fc.property(ipv4, macBytes, ifName, (ip, b, iface) => {
        expect(parseMacArp(`? (${ip}) at ${mac(b, ':', false)} on ${iface} ifscope [ethernet]\n`)).toEqual({ [`${iface}|${ip}`]: mac(b) });
      }),
    );
  });

  it('reads each interface\'s state from ifconfig', () => {
    const got = parseIfconfig(fixture('macos-ifconfig.txt'));
    expect(got.en0).toEqual({ state: 'up/active', active: true });
    expect(got.en1).toEqual({ state: 'up/inactive', active: false });
    expect(got.gif0).toEqual({ state: 'down/-', active: false });
    expect(got.utun4).toEqual({ state: 'up/-', active: false });
    expect(() => parseIfconfig('ifconfig: something unexpected\n')).toThrow(/no interface/);
  });

  it('reads the Wi-Fi network from ipconfig getsummary, and knows an Ethernet port is not Wi-Fi', () => {
    expect(parseIpconfigSummary(fixture('macos-ipconfig-getsummary-wifi.txt'))).toBe('Diwan Office 5G|a4:2b:b0:01:02:04');
    expect(parseIpconfigSummary(fixture('macos-ipconfig-getsummary-redacted.txt'))).toBe('<redacted>|<redacted>');
    expect(parseIpconfigSummary(fixture('macos-ipconfig-getsummary-ethernet.txt'))).toBeNull();
    expect(parseIpconfigSummary('<dictionary> {\n  InterfaceType : WiFi\n  LinkStatusActive : FALSE\n}\n')).toBe('|');
    fc.assert(
      fc.property(ssid, macBytes, (name, b) => {
        const text = `<dictionary> {\n  BSSID : ${mac(b, ':', false)}\n  InterfaceType : WiFi\n  SSID : ${name}\n}\n`;
        expect(parseIpconfigSummary(text)).toBe(`${name}|${mac(b)}`);
      }),
    );
  });

  it('assembles a reading, runs getsummary only for active en* ports, and a moved Wi-Fi network is a move', async () => {
    const answers = {
      'netstat -rn': fixture('macos-netstat-rn.txt'),
      'arp -an': fixture('macos-arp-an.txt'),
      ifconfig: fixture('macos-ifconfig.txt'),
      'ipconfig getsummary en0': fixture('macos-ipconfig-getsummary-wifi.txt'),
    };
    const run = fakeRun(answers);
    const office = await macosNetworkSignals({ run })();
    expect(office).toEqual({
      defaultRoutes: ['en0|192.168.20.1|0', 'en0|fe80::a62b:b0ff:fe01:203%en0|0', 'utun0|fe80::%utun0|1', 'utun4|link#18|1'],
      gatewayMacs: { '192.168.20.1': 'a4:2b:b0:01:02:03' },
      links: { en0: 'up/active', utun0: 'unknown', utun4: 'up/-' },
      wifi: { en0: 'Diwan Office 5G|a4:2b:b0:01:02:04' },
    });
    expect(run.calls.filter((c) => c.startsWith('ipconfig'))).toEqual(['ipconfig getsummary en0']);
    const cafe = await macosNetworkSignals({ run: fakeRun({ ...answers, 'ipconfig getsummary en0': fixture('macos-ipconfig-getsummary-wifi.txt').replace('Diwan Office 5G', 'Cafe Guest') }) })();
    expect(describeSignalChange(office, cafe)).toBe('the Wi-Fi network on en0 changed');
  });
});

describe('Windows: reading netsh and arp in any display language', () => {
  it('reads the default routes with their interface index, in English and German', () => {
    expect(parseNetshRoutes(fixture('windows-netsh-ipv4-route-en.txt'))).toEqual([
      { iface: '12', ifIndex: 12, gateway: '192.168.1.1', metric: 0 },
      { iface: '17', ifIndex: 17, gateway: '10.12.0.1', metric: 0 },
    ]);
    expect(parseNetshRoutes(fixture('windows-netsh-ipv4-route-de.txt'))).toEqual([{ iface: '12', ifIndex: 12, gateway: '192.168.1.1', metric: 0 }]);
    expect(parseNetshRoutes(fixture('windows-netsh-ipv6-route-en.txt'))).toEqual([{ iface: '12', ifIndex: 12, gateway: 'fe80::a62b:b0ff:fe01:203', metric: 256 }]);
    expect(() => parseNetshRoutes('The following command was not found: interface ipv4 show route.\r\n')).toThrow(/no table/);
  });

  it('finds every default route in generated route tables whatever the Publish and Type words are', () => {
    const row = fc.record({ isDefault: fc.boolean(), v6: fc.boolean(), publish: word, type: word, met: fc.nat(9999), idx: fc.integer({ min: 1, max: 999 }), gw: ipv4 });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 10 }), word, (rows, head) => {
        const lines = rows.map((r) => {
          const prefix = r.isDefault ? (r.v6 ? '::/0' : '0.0.0.0/0') : '10.0.0.0/8';
          return `${r.publish.padEnd(8)} ${r.type.padEnd(9)} ${String(r.met).padEnd(4)} ${prefix.padEnd(25)} ${String(r.idx).padStart(3)}  ${r.gw}`;
        });
        const text = ['', `${head}  Type  Met  Prefix  Idx  Gateway`, '-------  --------  ---  ------------------------  ---  ------------------------', ...lines, ''].join('\r\n');
        expect(parseNetshRoutes(text)).toEqual(rows.filter((r) => r.isDefault).map((r) => ({ iface: String(r.idx), ifIndex: r.idx, gateway: r.gw, metric: r.met })));
      }),
    );
  });

  it('reads interface names and states, translated or not', () => {
    expect(parseNetshInterfaces(fixture('windows-netsh-ipv4-interfaces-en.txt'))).toEqual({
      1: { name: 'Loopback Pseudo-Interface 1', state: 'connected' },
      12: { name: 'Wi-Fi', state: 'connected' },
      7: { name: 'Ethernet', state: 'disconnected' },
      17: { name: 'Office VPN', state: 'connected' },
    });
    expect(parseNetshInterfaces(fixture('windows-netsh-ipv4-interfaces-de.txt'))[12]).toEqual({ name: 'WLAN', state: 'verbunden' });
  });

  it('reads arp -a sections by interface index, in English and German', () => {
    expect(parseWindowsArp(fixture('windows-arp-a-en.txt'))).toEqual({ '12|192.168.1.1': 'a4:2b:b0:01:02:03', '12|224.0.0.22': '01:00:5e:00:00:16', '17|10.12.0.1': '00:15:5d:aa:bb:cc' });
    expect(parseWindowsArp(fixture('windows-arp-a-de.txt'))).toEqual({ '12|192.168.1.1': 'a4:2b:b0:01:02:03' });
    fc.assert(
      fc.property(word, ipv4, fc.integer({ min: 1, max: 0xffff }), ipv4, macBytes, word, (label, own, idx, ip, b, type) => {
        const text = `\r\n${label}: ${own} --- 0x${idx.toString(16)}\r\n  ${label}  ${label}  ${label}\r\n  ${ip.padEnd(22)}${mac(b, '-').padEnd(22)}${type}\r\n`;
        const want = mac(b) === 'ff:ff:ff:ff:ff:ff' ? {} : { [`${idx}|${ip}`]: mac(b) };
        expect(parseWindowsArp(text)).toEqual(want);
      }),
    );
  });

  it('reads the Wi-Fi network from netsh wlan in English, German and French, several interfaces, Arabic names', () => {
    expect(parseNetshWlan(fixture('windows-netsh-wlan-en.txt'))).toEqual({ 'Wi-Fi': 'Diwan Office 5G|a4:2b:b0:01:02:04' });
    expect(parseNetshWlan(fixture('windows-netsh-wlan-de.txt'))).toEqual({ WLAN: 'Diwan Büro|a4:2b:b0:01:02:04' });
    expect(parseNetshWlan(fixture('windows-netsh-wlan-fr.txt'))).toEqual({ 'Wi-Fi': 'ديوان المكتب|a4:2b:b0:01:02:04', 'Wi-Fi 2': '|' });
    expect(parseNetshWlan('\r\nThere is no wireless interface on the system.\r\n')).toEqual({});
  });

  it('reads generated netsh wlan blocks whatever the labels\' language, and ignores the SSID in a profile name', () => {
    const iface = fc.record({ name: ssid, labels: fc.array(word, { minLength: 8, maxLength: 8 }), joined: fc.boolean(), net: ssid, b: macBytes, ap: fc.boolean() });
    fc.assert(
      fc.property(fc.uniqueArray(iface, { selector: (i) => i.name, minLength: 1, maxLength: 3 }), (ifaces) => {
        const block = (i: (typeof ifaces)[number]) => {
          const [nameL, descL, guidL, physL, stateL, typeL, profL] = i.labels as [string, string, string, string, string, string, string];
          const kv = (k: string, v: string) => `    ${k.padEnd(23)}: ${v}`;
          return [
            kv(nameL, i.name),
            kv(descL, 'Intel(R) Wi-Fi 6 AX201'),
            kv(guidL, '6b1f2a3c-4d5e-4f60-8a7b-9c0d1e2f3a4b'),
            kv(physL, '3c:22:fb:10:20:30'),
            kv(stateL, 'x'),
            ...(i.joined ? [kv('SSID', i.net), kv(i.ap ? 'AP BSSID' : 'BSSID', mac(i.b)), kv(typeL, 'Infrastructure'), kv(profL, `${i.net} SSID`)] : []),
          ].join('\r\n');
        };
        const text = ['', 'header line:', '', ...ifaces.map(block).flatMap((b) => [b, '']), '    Hosted : no', ''].join('\r\n');
        expect(parseNetshWlan(text)).toEqual(Object.fromEntries(ifaces.map((i) => [i.name, i.joined ? `${i.net}|${mac(i.b)}` : '|'])));
      }),
    );
  });

  it('assembles a reading keyed by interface name; netsh wlan refusing (no WLAN service, no Location permission) is unreadable', async () => {
    const answers = {
      'netsh.exe interface ipv4 show route': fixture('windows-netsh-ipv4-route-en.txt'),
      'netsh.exe interface ipv6 show route': fixture('windows-netsh-ipv6-route-en.txt'),
      'netsh.exe interface ipv4 show interfaces': fixture('windows-netsh-ipv4-interfaces-en.txt'),
      'ARP.EXE -a': fixture('windows-arp-a-en.txt'),
      'netsh.exe wlan show interfaces': fixture('windows-netsh-wlan-en.txt'),
    };
    const office = await windowsNetworkSignals({ run: fakeRun(answers) })();
    expect(office).toEqual({
      defaultRoutes: ['Office VPN|10.12.0.1|0', 'Wi-Fi|192.168.1.1|0', 'Wi-Fi|fe80::a62b:b0ff:fe01:203|256'],
      gatewayMacs: { '192.168.1.1': 'a4:2b:b0:01:02:03', '10.12.0.1': '00:15:5d:aa:bb:cc' },
      links: { 'Wi-Fi': 'connected', 'Office VPN': 'connected' },
      wifi: { 'Wi-Fi': 'Diwan Office 5G|a4:2b:b0:01:02:04' },
    });
    const wired = await windowsNetworkSignals({ run: fakeRun({ ...answers, 'netsh.exe wlan show interfaces': { stdout: 'The Wireless AutoConfig Service (wlansvc) is not running.\r\n', status: 1 } }) })();
    expect(wired.wifi).toEqual({});
    expect(wired.unreadable).toEqual(['the Wi-Fi network (netsh.exe exited with status 1)']);
    expect(wired.defaultRoutes).toEqual(office.defaultRoutes);
    const roamed = await windowsNetworkSignals({ run: fakeRun({ ...answers, 'netsh.exe wlan show interfaces': fixture('windows-netsh-wlan-en.txt').replace('a4:2b:b0:01:02:04', 'a4:2b:b0:01:02:44') }) })();
    expect(describeSignalChange(office, roamed)).toBe('the Wi-Fi network on Wi-Fi changed');
  });
});

describe('Linux: the Wi-Fi network from iw or nmcli', () => {
  it('reads iw dev <if> link, connected or not, and refuses what it does not recognise', () => {
    expect(parseIwLink(fixture('linux-iw-link-connected.txt'))).toBe('Diwan Office 5G|a4:2b:b0:01:02:04');
    expect(parseIwLink(fixture('linux-iw-link-disconnected.txt'))).toBe('|');
    expect(parseIwLink('command failed: No such device (-19)\n')).toBeUndefined();
    fc.assert(
      fc.property(ssid, macBytes, ifName, (name, b, iface) => {
        expect(parseIwLink(`Connected to ${mac(b)} (on ${iface})\n\tSSID: ${name}\n\tfreq: 2412\n`)).toBe(`${name}|${mac(b)}`);
      }),
    );
  });

  it('reads nmcli terse rows with escaped colons, the active one per device', () => {
    expect(parseNmcliWifi(fixture('linux-nmcli-wifi.txt'))).toEqual({ wlp2s0: 'Diwan: Office 5G|a4:2b:b0:01:02:04' });
    fc.assert(
      fc.property(ssid.map((s) => s.replace(/ /g, ':')), macBytes, ifName, (name, b, dev) => {
        const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/:/g, '\\:');
        expect(parseNmcliWifi(`yes:${esc(name)}:${esc(mac(b).toUpperCase())}:${dev}\n`)).toEqual({ [dev]: `${name}|${mac(b)}` });
      }),
    );
  });

  /** A /sys/class/net and /proc/net of our own: one wired default route, one wireless interface. */
  function fakeKernel() {
    const root = tmpDir('diwan-netsignals-');
    const proc = path.join(root, 'proc');
    const sys = path.join(root, 'sys');
    fs.mkdirSync(proc);
    fs.writeFileSync(path.join(proc, 'route'), 'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\neth0\t00000000\t0100140A\t0003\t0\t0\t100\t00000000\t0\t0\t0\n');
    fs.writeFileSync(path.join(proc, 'ipv6_route'), '');
    fs.writeFileSync(path.join(proc, 'arp'), 'IP address       HW type     Flags       HW address            Mask     Device\n');
    for (const i of ['eth0', 'wlp2s0']) fs.mkdirSync(path.join(sys, i), { recursive: true });
    fs.mkdirSync(path.join(sys, 'wlp2s0', 'wireless'));
    fs.writeFileSync(path.join(sys, 'eth0', 'operstate'), 'up\n');
    fs.writeFileSync(path.join(sys, 'eth0', 'carrier'), '1\n');
    return { procNet: proc, sysNet: sys };
  }

  it('asks iw about wireless interfaces only, and a change of access point is a move', async () => {
    const k = fakeKernel();
    const run = fakeRun({ 'iw dev wlp2s0 link': fixture('linux-iw-link-connected.txt') });
    const read = linuxNetworkSignals({ ...k, run, tools: { iw: '/usr/sbin/iw', nmcli: null } });
    const office = await read();
    expect(office.wifi).toEqual({ wlp2s0: 'Diwan Office 5G|a4:2b:b0:01:02:04' });
    expect(run.calls).toEqual(['iw dev wlp2s0 link']);
    const other = await linuxNetworkSignals({ ...k, run: fakeRun({ 'iw dev wlp2s0 link': fixture('linux-iw-link-connected.txt').replace('a4:2b:b0:01:02:04', 'a4:2b:b0:01:02:05') }), tools: { iw: '/usr/sbin/iw', nmcli: null } })();
    expect(describeSignalChange(office, other)).toBe('the Wi-Fi network on wlp2s0 changed');
    const left = await linuxNetworkSignals({ ...k, run: fakeRun({ 'iw dev wlp2s0 link': 'Not connected.\n' }), tools: { iw: '/usr/sbin/iw', nmcli: null } })();
    expect(describeSignalChange(office, left)).toBe('the Wi-Fi interface wlp2s0 left its network');
    // nmcli where iw is missing
    const viaNm = await linuxNetworkSignals({ ...k, run: fakeRun({ 'nmcli -t -f ACTIVE,SSID,BSSID,DEVICE device wifi list --rescan no': fixture('linux-nmcli-wifi.txt') }), tools: { iw: null, nmcli: '/usr/bin/nmcli' } })();
    expect(viaNm.wifi).toEqual({ wlp2s0: 'Diwan: Office 5G|a4:2b:b0:01:02:04' });
  });
});

describe('a tool missing, failing, hanging or printing nonsense: that part is unreadable, the rest is read', () => {
  const macAnswers = {
    'netstat -rn': fixture('macos-netstat-rn.txt'),
    'arp -an': fixture('macos-arp-an.txt'),
    ifconfig: fixture('macos-ifconfig.txt'),
    'ipconfig getsummary en0': fixture('macos-ipconfig-getsummary-wifi.txt'),
  };

  it('names the part and the reason, and the gap is a move until it closes again', async () => {
    const ok = await macosNetworkSignals({ run: fakeRun(macAnswers) })();
    const hung = await macosNetworkSignals({ run: fakeRun({ ...macAnswers, 'netstat -rn': new CommandFailure('netstat did not answer within 2000 ms', 'timeout') }) })();
    expect(hung.unreadable).toEqual(['the default routes (netstat did not answer within 2000 ms)']);
    expect(hung.wifi).toEqual(ok.wifi);
    expect(describeSignalChange(ok, hung)).toBe('could not read the default routes (netstat did not answer within 2000 ms)');
    expect(describeSignalChange(hung, hung)).toBeNull();
    expect(describeSignalChange(hung, ok)).toBe('can read the default routes again');
    const garbled = await macosNetworkSignals({ run: fakeRun({ ...macAnswers, 'netstat -rn': 'Segmentation fault\n' }) })();
    expect(garbled.unreadable).toEqual(['the default routes (netstat printed no routing table)']);
    const failed = await macosNetworkSignals({ run: fakeRun({ ...macAnswers, 'arp -an': { stdout: '', status: 1 } }) })();
    expect(failed.unreadable).toEqual(["the gateway's hardware address (arp exited with status 1)"]);
    expect(failed.defaultRoutes).toEqual(ok.defaultRoutes);
  });

  it('on Windows, every part whose tool is missing is listed; on Linux, a wireless interface without iw or nmcli', async () => {
    const none = await windowsNetworkSignals({ run: fakeRun({}) })();
    expect(none.unreadable).toEqual([
      'the Wi-Fi network (netsh.exe is not installed)',
      'the default routes (netsh.exe is not installed)',
      "the gateway's hardware address (ARP.EXE is not installed)",
      'the link state (netsh.exe is not installed)',
    ].sort());
    const root = tmpDir('diwan-netsignals-');
    fs.mkdirSync(path.join(root, 'wlan0', 'wireless'), { recursive: true });
    const blind = await linuxNetworkSignals({ procNet: root, sysNet: root, run: fakeRun({}), tools: { iw: null, nmcli: null } })();
    expect(blind.unreadable).toEqual(['the Wi-Fi network (neither iw nor nmcli is installed)']);
  });

  it('never reads a nonsense answer as "nothing changed": any generated garbage makes the part unreadable or reads as empty', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (junk) => {
        for (const parse of [parseMacNetstat, parseNetshRoutes]) {
          try {
            expect(parse(junk)).toEqual([]);
          } catch (e) {
            expect((e as Error).message).toMatch(/printed no/);
          }
        }
      }),
    );
  });
});

describe('running the tools: bounded, and every failure a sentence', () => {
  it('kills a tool that hangs, names one that is missing, and hands back the status of one that fails', async () => {
    const { runCommand } = await import('../../main/core/network');
    await expect(runCommand('/bin/sh', ['-c', 'sleep 30'], 200)).rejects.toMatchObject({ kind: 'timeout', message: 'sh did not answer within 200 ms' });
    await expect(runCommand('/nonexistent/netstat', ['-rn'], 1000)).rejects.toMatchObject({ kind: 'missing', message: 'netstat is not installed' });
    await expect(runCommand('/bin/sh', ['-c', 'echo "route: not in table"; exit 1'], 5000)).resolves.toEqual({ stdout: 'route: not in table\n', status: 1 });
    await expect(runCommand('/bin/sh', ['-c', 'head -c 2000000 /dev/zero'], 5000)).rejects.toMatchObject({ kind: 'failed', message: 'sh printed more than 1 MiB' });
    await expect(runCommand('/bin/sh', ['-c', 'echo "$LC_ALL"'], 5000)).resolves.toEqual({ stdout: 'C\n', status: 0 });
  });
});

describe('macOS: route -n monitor as the event source', () => {
  const answers = {
    'netstat -rn': fixture('macos-netstat-rn.txt'),
    'arp -an': fixture('macos-arp-an.txt'),
    ifconfig: fixture('macos-ifconfig.txt'),
    'ipconfig getsummary en0': fixture('macos-ipconfig-getsummary-wifi.txt'),
  };

  it('runs the tools when the monitor speaks or the last reading is too old, reuses the reading otherwise, never reuses a partial one', async () => {
    let changed = false;
    let t = 0;
    const run = fakeRun(answers);
    const read = macosNetworkSignals({ run, monitor: () => ({ takeChanged: () => [changed, (changed = false)][0]!, close() {} }), fullEveryMs: 2000, now: () => t });
    const tools = () => run.calls.filter((c) => c === 'netstat -rn').length;
    await read();
    expect(tools()).toBe(1);
    t = 250;
    await read();
    expect(tools()).toBe(1); // quiet: reused
    changed = true;
    t = 500;
    await read();
    expect(tools()).toBe(2); // the routing socket spoke
    t = 2600;
    await read();
    expect(tools()).toBe(3); // too old: a roam between access points sends no routing message
    const broken = fakeRun({ ...answers, 'arp -an': new CommandFailure('arp did not answer within 2000 ms', 'timeout') });
    const partial = macosNetworkSignals({ run: broken, monitor: () => ({ takeChanged: () => false, close() {} }), now: () => 0 });
    await partial();
    await partial();
    expect(broken.calls.filter((c) => c === 'arp -an')).toHaveLength(2);
  });

  it('a real monitor process: output means changed; while it is down, every question is answered "changed"; restarted', async () => {
    const { routeMonitor } = await import('../../main/core/network');
    const dir = tmpDir('diwan-route-monitor-');
    const script = path.join(dir, 'monitor.sh');
    // prints a routing message when told (a file appears), exits when told
    fs.writeFileSync(script, `while :; do [ -e ${dir}/say ] && { rm -f ${dir}/say; echo "RTM_CHANGE: Change Metrics or flags"; }; [ -e ${dir}/die ] && exit 3; sleep 0.05; done\n`);
    const m = routeMonitor({ command: ['/bin/sh', script], restartMs: 100 });
    try {
      expect(m.takeChanged()).toBe(true); // nothing known yet
      expect(m.takeChanged()).toBe(false);
      fs.writeFileSync(path.join(dir, 'say'), '');
      await expect.poll(() => m.takeChanged(), { timeout: 10_000 }).toBe(true);
      expect(m.takeChanged()).toBe(false);
      fs.writeFileSync(path.join(dir, 'die'), '');
      await expect.poll(() => m.takeChanged() && m.takeChanged(), { timeout: 10_000 }).toBe(true); // down: always changed
      fs.rmSync(path.join(dir, 'die'));
      await expect.poll(() => m.takeChanged(), { timeout: 10_000 }).toBe(false); // restarted and quiet
    } finally {
      m.close();
    }
    const missing = routeMonitor({ command: ['/nonexistent/route', '-n', 'monitor'], restartMs: 60_000 });
    // Once the spawn has failed, a monitor that cannot watch says "changed" every time (the gate re-checks).
    await expect.poll(() => [missing.takeChanged(), missing.takeChanged()], { timeout: 10_000 }).toEqual([true, true]);
    missing.close();
  });
});
