import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import {
  linuxNetworkSignals,
  NetworkGate,
  pinnedFetch,
  type CheckResult,
  type InterfaceList,
  type LookupFunction,
  type NetworkSignals,
  type Verdict,
} from '../../main/core/network';
import { loadPolicy, memoryVersionStore, signWithDomain } from '../../main/core/policy';
import type { AuditEvent, Clock } from '../../main/core/shared/ports';
import {
  beaconIdentity,
  interfaces,
  makeSigner,
  managedLocation,
  offsetClock,
  policyBody,
  siteFor,
  startHttpsServer,
  startTestBeacon,
  writeSignedPolicy,
  type Signer,
} from '../helpers/network';
import { tmpDir } from '../helpers/tmp';

const OFFICE = '10.20.0.0/16';

interface Setup {
  sites: Parameters<typeof policyBody>[0];
  ifaces: InterfaceList;
  clock?: Clock;
  lookup?: LookupFunction;
  dnsSuffixes?: string[];
  over?: Parameters<typeof policyBody>[1];
}

/** A gate over a freshly signed policy in a machine-wide location this test owns. */
function gateFor(s: Setup, signer: Signer = makeSigner()) {
  const loc = managedLocation([signer]);
  writeSignedPolicy(loc.policyFile, policyBody(s.sites, s.over), signer);
  const audit: AuditEvent[] = [];
  const clock = s.clock ?? { now: () => Date.now() };
  let ifaces = s.ifaces;
  const gate = new NetworkGate({
    loadPolicy: () => loadPolicy({ ...loc, versions: memoryVersionStore(), clock }),
    interfaces: () => ifaces,
    dnsSuffixes: async () => s.dnsSuffixes ?? [],
    clock,
    lookup: s.lookup,
    audit: (e) => audit.push(e),
    debounceMs: 10,
  });
  return { gate, audit, loc, setInterfaces: (l: InterfaceList) => (ifaces = l) };
}

function check(v: Verdict, name: string): CheckResult {
  const c = v.checks.find((x) => x.name === name);
  if (!c) throw new Error(`no check ${name} in ${JSON.stringify(v.checks)}`);
  return c;
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const net = await import('node:net');
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as import('node:net').AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** A certificate authority and a leaf for `name` that any client trusting the CA accepts. */
async function caIssuedCertificate(name: string) {
  const subtle = crypto.webcrypto.subtle;
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const provider = crypto.webcrypto as unknown as Parameters<typeof x509.X509CertificateGenerator.create>[1];
  const caKeys = (await subtle.generateKey(alg, true, ['sign', 'verify'])) as crypto.webcrypto.CryptoKeyPair;
  const ca = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: '01',
      name: 'CN=Public Test CA',
      keys: caKeys,
      signingAlgorithm: alg,
      extensions: [new x509.BasicConstraintsExtension(true, 0, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true)],
    },
    provider,
  );
  const leafKeys = (await subtle.generateKey(alg, true, ['sign', 'verify'])) as crypto.webcrypto.CryptoKeyPair;
  const leaf = await x509.X509CertificateGenerator.create(
    {
      serialNumber: '02',
      subject: `CN=${name}`,
      issuer: ca.subject,
      publicKey: leafKeys.publicKey,
      signingKey: caKeys.privateKey,
      signingAlgorithm: alg,
      extensions: [new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: name }])],
    },
    provider,
  );
  const pkcs8 = Buffer.from(await subtle.exportKey('pkcs8', leafKeys.privateKey));
  const key = crypto.createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }).export({ type: 'pkcs8', format: 'pem' }).toString();
  return { ca: ca.toString('pem'), cert: leaf.toString('pem'), key };
}

/** DNS as a hijacker would have it: `name` resolves to `address`. */
function hijackedLookup(name: string, address: string): LookupFunction {
  return (hostname, options, cb) => {
    const ip = hostname === name ? address : '127.0.0.1';
    if (options.all) cb(null, [{ address: ip, family: 4 }]);
    else cb(null, ip, 4);
  };
}

describe('office-network gate: each must end off-network', () => {
  it('a home network using the office\'s private range, with no beacon', async () => {
    const beacon = await beaconIdentity('127.0.0.1');
    const port = await closedPort();
    const site = siteFor('hq', { url: `https://127.0.0.1:${port}`, identity: beacon }, [OFFICE]);
    const { gate } = gateFor({ sites: [site], ifaces: interfaces({ wlan0: ['10.20.1.5'] }) });
    const v = await gate.evaluate();
    expect(v.state).toBe('off-network');
    expect(check(v, 'hq:address')).toMatchObject({ ok: true });
    expect(check(v, 'hq:beacon')).toMatchObject({ ok: false, code: 'beacon_unreachable' });
  });

  it('the beacon\'s name pointing to another server whose certificate a CA accepts, but with the wrong pin', async () => {
    const real = await startTestBeacon('hq');
    const impostorCert = await caIssuedCertificate('beacon.hq.test');
    const impostor = await startHttpsServer({ key: impostorCert.key, cert: impostorCert.cert }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    }, '127.0.0.2');
    const lookup = hijackedLookup('beacon.hq.test', '127.0.0.2');
    // ordinary CA trust is satisfied: a client trusting that CA accepts the impostor
    const caAccepts = await new Promise<number>((resolve, reject) =>
      https
        .get({ host: 'beacon.hq.test', port: impostor.port, path: '/', ca: impostorCert.ca, lookup, agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject),
    );
    expect(caAccepts).toBe(200);
    const site = siteFor('hq', { url: `https://beacon.hq.test:${impostor.port}`, identity: real.identity }, [OFFICE]);
    const { gate } = gateFor({ sites: [site], ifaces: interfaces({ eth0: ['10.20.1.5'] }), lookup });
    const v = await gate.evaluate();
    expect(v.state).toBe('off-network');
    expect(check(v, 'hq:beacon')).toMatchObject({ ok: false, code: 'beacon_pin_mismatch' });
  });

  it('a replayed beacon answer', async () => {
    const real = await startTestBeacon('hq');
    const recorded = await pinnedFetch({ url: real.url, pins: [real.identity.pin], challenge: crypto.randomBytes(32).toString('base64url'), timeoutMs: 2000 });
    if (!recorded.ok) throw new Error(recorded.reason);
    // an attacker holding the beacon's TLS key (or a proxy inside the pinned session) plays back an old signed answer
    const replayer = await startHttpsServer({ key: real.identity.tls.keyPem, cert: real.identity.tls.certPem }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(recorded.body);
    });
    const { gate } = gateFor({ sites: [siteFor('hq', { url: replayer.url, identity: real.identity }, [OFFICE])], ifaces: interfaces({ eth0: ['10.20.1.5'] }) });
    const v = await gate.evaluate();
    expect(v.state).toBe('off-network');
    expect(check(v, 'hq:beacon')).toMatchObject({ ok: false, code: 'beacon_challenge_mismatch' });
  });

  it('a beacon answer signed by the wrong key, or for another site', async () => {
    const identity = await beaconIdentity('127.0.0.1');
    const wrongKey = crypto.generateKeyPairSync('ed25519').privateKey;
    const answer = (siteId: string, key: crypto.KeyObject) => (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
      const challenge = new URL(req.url!, 'https://x').searchParams.get('challenge')!;
      const time = Date.now();
      const signature = signWithDomain('diwan-beacon/1', `${siteId}\n${challenge}\n${time}`, key);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ siteId, challenge, time, signature }));
    };
    const tls = { key: identity.tls.keyPem, cert: identity.tls.certPem };
    const forged = await startHttpsServer(tls, answer('hq', wrongKey));
    const otherSite = await startHttpsServer(tls, answer('branch', identity.signingKey));
    const ifaces = interfaces({ eth0: ['10.20.1.5'] });

    const a = await gateFor({ sites: [siteFor('hq', { url: forged.url, identity }, [OFFICE])], ifaces }).gate.evaluate();
    expect(a.state).toBe('off-network');
    expect(check(a, 'hq:beacon')).toMatchObject({ ok: false, code: 'beacon_bad_signature' });

    const b = await gateFor({ sites: [siteFor('hq', { url: otherSite.url, identity }, [OFFICE])], ifaces }).gate.evaluate();
    expect(b.state).toBe('off-network');
    expect(check(b, 'hq:beacon')).toMatchObject({ ok: false, code: 'beacon_wrong_site' });
  });

  it('a captive portal answering 200 with HTML', async () => {
    const real = await beaconIdentity('127.0.0.1');
    const portalOwn = await beaconIdentity('127.0.0.1');
    const loginPage = (_req: unknown, res: import('node:http').ServerResponse) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Welcome to Café Wi-Fi. Log in.</body></html>');
    const ifaces = interfaces({ wlan0: ['10.20.7.7'] });
    // with its own certificate, as a real portal intercepting HTTPS would
    const portal = await startHttpsServer({ key: portalOwn.tls.keyPem, cert: portalOwn.tls.certPem }, loginPage);
    const a = await gateFor({ sites: [siteFor('hq', { url: portal.url, identity: real }, [OFFICE])], ifaces }).gate.evaluate();
    expect(a.state).toBe('off-network');
    expect(check(a, 'hq:beacon')).toMatchObject({ ok: false, code: 'beacon_pin_mismatch' });
    // and even behind the pinned key, an HTML page is not an answer
    const pinnedPortal = await startHttpsServer({ key: real.tls.keyPem, cert: real.tls.certPem }, loginPage);
    const b = await gateFor({ sites: [siteFor('hq', { url: pinnedPortal.url, identity: real }, [OFFICE])], ifaces }).gate.evaluate();
    expect(b.state).toBe('off-network');
    expect(check(b, 'hq:beacon')).toMatchObject({ ok: false, code: 'beacon_not_json' });
  });

  it('a slow beacon past the grace period', async () => {
    const identity = await beaconIdentity('127.0.0.1');
    const slow = await startHttpsServer({ key: identity.tls.keyPem, cert: identity.tls.certPem }, (_req, res) => {
      const t = setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), 3000);
      res.on('close', () => clearTimeout(t));
    });
    const { gate } = gateFor({
      sites: [siteFor('hq', { url: slow.url, identity }, [OFFICE])],
      ifaces: interfaces({ eth0: ['10.20.1.5'] }),
      over: { checks: { intervalSeconds: 300, graceSeconds: 1, freshnessSeconds: 2, maxClockSkewSeconds: 60 } },
    });
    const started = Date.now();
    const v = await gate.evaluate();
    const took = Date.now() - started;
    expect(v.state).toBe('off-network');
    expect(check(v, 'hq:beacon')).toMatchObject({ ok: false, code: 'beacon_timeout' });
    expect(took).toBeGreaterThanOrEqual(950);
    expect(took).toBeLessThan(2000);
  });

  it('clock skew beyond the allowed window, either way', async () => {
    const beacon = await startTestBeacon('hq');
    for (const offset of [5 * 60_000, -5 * 60_000]) {
      const { gate } = gateFor({
        sites: [siteFor('hq', beacon, [OFFICE])],
        ifaces: interfaces({ eth0: ['10.20.1.5'] }),
        clock: offsetClock(offset),
      });
      const v = await gate.evaluate();
      expect(v.state).toBe('off-network');
      expect(check(v, 'hq:beacon')).toMatchObject({ ok: false, code: 'beacon_clock_skew', reason: expect.stringMatching(/differ by 300 s/) });
    }
  });

  it('unsigned, tampered, expired and rolled-back policies', async () => {
    const beacon = await startTestBeacon('hq');
    const signer = makeSigner();
    const site = siteFor('hq', beacon, [OFFICE]);
    const ifaces = interfaces({ eth0: ['10.20.1.5'] });
    const loc = managedLocation([signer]);
    const versions = memoryVersionStore(5);
    const gate = new NetworkGate({
      loadPolicy: () => loadPolicy({ ...loc, versions, clock: { now: () => Date.now() } }),
      interfaces: () => ifaces,
      dnsSuffixes: async () => [],
      clock: { now: () => Date.now() },
    });
    const write = (doc: unknown) => (typeof doc === 'string' ? doc : JSON.stringify(doc));
    const fs = await import('node:fs');
    const signed = (over: Parameters<typeof policyBody>[1]) => {
      writeSignedPolicy(loc.policyFile, policyBody([site], { version: 5, ...over }), signer);
      return JSON.parse(fs.readFileSync(loc.policyFile, 'utf8'));
    };
    const cases: Array<[string, unknown]> = [
      ['policy_unsigned', { ...signed({}), signatures: [] }],
      ['policy_bad_signature', (() => {
        const d = signed({});
        d.policy.sites[0].ranges.push('0.0.0.0/0');
        return d;
      })()],
      ['policy_expired', signed({ issuedAt: new Date(Date.now() - 9e9).toISOString(), expiresAt: new Date(Date.now() - 1000).toISOString() })],
      ['policy_rollback', signed({ version: 4 })],
    ];
    signed({});
    expect((await gate.evaluate()).state).toBe('office'); // the same setup with a good policy is the office
    for (const [code, doc] of cases) {
      fs.writeFileSync(loc.policyFile, write(doc));
      const v = await gate.evaluate();
      expect(v.state, code).toBe('off-network');
      expect(check(v, 'policy'), code).toMatchObject({ ok: false, code });
    }
  });
});

describe('office-network gate: each must end on-network', () => {
  it('an IPv4 office', async () => {
    const beacon = await startTestBeacon('hq');
    const { gate } = gateFor({ sites: [siteFor('hq', beacon, [OFFICE])], ifaces: interfaces({ eth0: ['10.20.1.5'] }) });
    const v = await gate.evaluate();
    expect(v).toMatchObject({ state: 'office', siteId: 'hq', policyVersion: 1 });
    expect(v.checks.map((c) => [c.name, c.ok, c.code])).toEqual([
      ['policy', true, 'policy_ok'],
      ['hq:address', true, 'address_in_range'],
      ['hq:beacon', true, 'beacon_ok'],
    ]);
  });

  it('an IPv6-only office', async () => {
    const beacon = await startTestBeacon('hq', '::1');
    const { gate } = gateFor({ sites: [siteFor('hq', beacon, ['2001:db8:20::/48'])], ifaces: interfaces({ eth0: ['2001:db8:20:1::5', 'fe80::1'] }) });
    const v = await gate.evaluate();
    expect(v).toMatchObject({ state: 'office', siteId: 'hq' });
    expect(check(v, 'hq:address').reason).toMatch(/2001:db8:20:1::5 on eth0/);
  });

  it('several interfaces including a VPN', async () => {
    const beacon = await startTestBeacon('hq');
    const ifaces = interfaces({ wg0: ['10.99.0.2'], docker0: ['172.17.0.1'], eth0: ['10.20.3.4', 'fd12::4'], tun1: ['100.64.0.9'] });
    const { gate } = gateFor({ sites: [siteFor('hq', beacon, [OFFICE])], ifaces });
    expect(await gate.evaluate()).toMatchObject({ state: 'office', siteId: 'hq' });
  });

  it('a second site', async () => {
    const hq = await startTestBeacon('hq', '127.0.0.1');
    const branch = await startTestBeacon('branch', '127.0.0.2');
    const { gate } = gateFor({
      sites: [siteFor('hq', hq, [OFFICE]), siteFor('branch', branch, ['10.30.0.0/16'], { dnsSuffixes: ['branch.acme.example'] })],
      ifaces: interfaces({ eth0: ['10.30.0.9'] }),
      dnsSuffixes: ['floor2.branch.acme.example'],
    });
    const v = await gate.evaluate();
    expect(v).toMatchObject({ state: 'office', siteId: 'branch' });
    expect(check(v, 'hq:beacon')).toMatchObject({ ok: false, code: 'beacon_skipped' });
    expect(check(v, 'branch:dns')).toMatchObject({ ok: true, code: 'dns_suffix_match' });
  });

  it('but not where the site\'s DNS suffix is missing', async () => {
    const branch = await startTestBeacon('branch');
    const { gate } = gateFor({
      sites: [siteFor('branch', branch, ['10.30.0.0/16'], { dnsSuffixes: ['branch.acme.example'] })],
      ifaces: interfaces({ eth0: ['10.30.0.9'] }),
      dnsSuffixes: ['home.arpa'],
    });
    const v = await gate.evaluate();
    expect(v.state).toBe('off-network');
    expect(check(v, 'branch:dns')).toMatchObject({ ok: false, code: 'dns_suffix_mismatch' });
    expect(check(v, 'branch:beacon').code).toBe('beacon_skipped');
  });
});

describe('office-network gate: when it runs', () => {
  it('turns off-network on a network change, audits the change with per-check reasons and no secrets', async () => {
    const beacon = await startTestBeacon('hq');
    const { gate, audit, setInterfaces } = gateFor({ sites: [siteFor('hq', beacon, [OFFICE])], ifaces: interfaces({ eth0: ['10.20.1.5'] }) });
    const heard: string[] = [];
    gate.onVerdict((v) => heard.push(v.state));
    expect((await gate.evaluate()).state).toBe('office');
    setInterfaces(interfaces({ wlan0: ['192.168.1.20'] }));
    const changedAt = Date.now();
    gate.onNetworkChange();
    await expect.poll(() => gate.current()?.state, { interval: 5 }).toBe('off-network');
    expect(Date.now() - changedAt).toBeLessThan(1000);
    expect(heard).toEqual(['office', 'off-network']);
    expect(audit.map((e) => [e.action, e.details?.state, e.details?.previous])).toEqual([
      ['network.verdict', 'office', null],
      ['network.verdict', 'off-network', 'office'],
    ]);
    expect(audit[1]!.details).toMatchObject({ trigger: 'network-change', 'check.hq:address': expect.stringMatching(/^fail address_not_in_range/) });
    const text = JSON.stringify(audit);
    expect(text).not.toContain('192.168.1.20'); // the home network is nobody's business
    expect(text).not.toMatch(/PRIVATE KEY|challenge=/);
    expect(text).not.toContain(beacon.identity.tls.keyPem.slice(30, 60));
  });

  it('notices a changed interface list by itself, and coalesces a burst of events into few evaluations', async () => {
    const beacon = await startTestBeacon('hq');
    const signer = makeSigner();
    const loc = managedLocation([signer]);
    writeSignedPolicy(loc.policyFile, policyBody([siteFor('hq', beacon, [OFFICE])]), signer);
    let ifaces = interfaces({ eth0: ['10.20.1.5'] });
    let fetches = 0;
    const gate = new NetworkGate({
      loadPolicy: () => loadPolicy({ ...loc, versions: memoryVersionStore(), clock: { now: () => Date.now() } }),
      interfaces: () => ifaces,
      dnsSuffixes: async () => [],
      clock: { now: () => Date.now() },
      fetch: (r) => (fetches++, pinnedFetch(r)),
      debounceMs: 20,
      watchIntervalMs: 25,
    });
    try {
      gate.start();
      await expect.poll(() => gate.current()?.state).toBe('office');
      for (let i = 0; i < 50; i++) gate.onResume();
      await new Promise((r) => setTimeout(r, 150));
      expect(fetches).toBeLessThanOrEqual(3);
      ifaces = interfaces({ wlan0: ['192.168.1.20'] }); // no event: the watcher must see it
      await expect.poll(() => gate.current()?.state, { interval: 10, timeout: 1000 }).toBe('off-network');
    } finally {
      gate.stop();
    }
  });

  it('fails closed when a check cannot run at all', async () => {
    const beacon = await startTestBeacon('hq');
    let broken = false;
    const ifaces = interfaces({ eth0: ['10.20.1.5'] });
    const signer = makeSigner();
    const loc = managedLocation([signer]);
    writeSignedPolicy(loc.policyFile, policyBody([siteFor('hq', beacon, [OFFICE])]), signer);
    const gate = new NetworkGate({
      loadPolicy: () => loadPolicy({ ...loc, versions: memoryVersionStore(), clock: { now: () => Date.now() } }),
      interfaces: () => {
        if (broken) throw new Error('interface list unavailable');
        return ifaces;
      },
      dnsSuffixes: async () => [],
      clock: { now: () => Date.now() },
    });
    expect(gate.current()).toBeNull(); // a policy is in force: nothing is open before the network is checked
    expect(gate.isOpen()).toBe(false);
    expect((await gate.evaluate()).state).toBe('office');
    broken = true;
    const v = await gate.evaluate();
    expect(v).toMatchObject({ state: 'off-network', checks: [{ name: 'gate', ok: false, code: 'gate_error' }] });
    expect(gate.isOpen()).toBe(false);
  });
});

describe('the gate stopped while an evaluation is in flight', () => {
  it('records and announces nothing once stopped: the console closes its audit trail right after stopping the gate', async () => {
    const beacon = await startTestBeacon('hq');
    const signer = makeSigner();
    const loc = managedLocation([signer]);
    writeSignedPolicy(loc.policyFile, policyBody([siteFor('hq', beacon, [OFFICE])]), signer);
    let release = () => {};
    const hold = new Promise<void>((r) => (release = r));
    let closed = false;
    const audited: AuditEvent[] = [];
    const seen: Verdict[] = [];
    const gate = new NetworkGate({
      loadPolicy: () => loadPolicy({ ...loc, versions: memoryVersionStore(), clock: { now: () => Date.now() } }),
      interfaces: () => interfaces({ eth0: ['10.20.1.5'] }),
      dnsSuffixes: async () => [],
      clock: { now: () => Date.now() },
      fetch: async (req) => {
        await hold;
        return pinnedFetch(req);
      },
      audit: (e) => {
        if (closed) throw new TypeError('The database connection is not open');
        audited.push(e);
      },
    });
    gate.onVerdict((v) => seen.push(v));
    gate.start();
    const inFlight = gate.evaluate('manual');
    gate.stop();
    closed = true;
    release();
    await expect(inFlight).resolves.toMatchObject({ state: 'office' });
    expect(audited).toEqual([]);
    expect(seen).toEqual([]);
    expect(gate.current()).toBeNull();
  });
});

describe('the gate notices a move the interface list does not show', () => {
  it('locks at once on a route change, and never applies an answer that was in flight from the old network', async () => {
    const beacon = await startTestBeacon('hq');
    const signer = makeSigner();
    const loc = managedLocation([signer]);
    writeSignedPolicy(loc.policyFile, policyBody([siteFor('hq', beacon, [OFFICE])]), signer);
    const office: NetworkSignals = { defaultRoutes: ['eth0|10.20.0.1|100'], gatewayMacs: { '10.20.0.1': '02:00:00:00:00:01' }, links: { eth0: 'up/1' } };
    let signals = office;
    let moved = false;
    let hold: Promise<void> | null = null;
    let release = () => {};
    // a request answers for the network it was sent on
    const fetch: typeof pinnedFetch = async (req) => {
      const sentAfterMove = moved;
      if (hold) await hold;
      if (sentAfterMove) return { ok: false, code: 'beacon_unreachable', reason: 'no route to the beacon' };
      return pinnedFetch(req);
    };
    const seen: Verdict[] = [];
    const gate = new NetworkGate({
      loadPolicy: () => loadPolicy({ ...loc, versions: memoryVersionStore(), clock: { now: () => Date.now() } }),
      interfaces: () => interfaces({ eth0: ['10.20.1.5'] }),
      signals: () => signals,
      dnsSuffixes: async () => [],
      clock: { now: () => Date.now() },
      fetch,
      watchIntervalMs: 20,
    });
    gate.onVerdict((v) => seen.push(v));
    gate.start();
    try {
      await expect.poll(() => gate.current()?.state).toBe('office');
      // an evaluation is in flight on the office network when the route moves
      hold = new Promise((r) => (release = r));
      const inFlight = gate.evaluate('manual');
      signals = { ...office, defaultRoutes: ['eth0|192.168.1.1|100'] };
      moved = true;
      await expect.poll(() => gate.current()?.checks[0]?.code).toBe('network_changed');
      expect(gate.isOpen()).toBe(false);
      hold = null;
      release(); // the old network's answer arrives now: it must not open the gate
      await inFlight;
      await expect.poll(() => gate.current()?.checks.find((c) => c.name === 'hq:beacon')?.code).toBe('beacon_unreachable');
      const afterMove = seen.slice(seen.findIndex((v) => v.checks[0]?.code === 'network_changed'));
      expect(afterMove.map((v) => v.state)).not.toContain('office');
      // the hardware address the gateway answers with counts the same way
      moved = false;
      signals = office;
      await expect.poll(() => gate.current()?.state).toBe('office');
      const before = seen.length;
      signals = { ...office, gatewayMacs: { '10.20.0.1': '02:00:00:00:00:99' } };
      // closed at once, then (the beacon still proves the office here) open again after the re-check
      await expect.poll(() => seen.slice(before).map((v) => v.state)).toEqual(['off-network', 'office']);
      expect(seen[before]!.reason).toMatch(/gateway's hardware address changed/);
    } finally {
      gate.stop();
    }
  });
});

describe('the gate and the Wi-Fi network, and a watch that goes blind', () => {
  const office: NetworkSignals = {
    defaultRoutes: ['wlan0|10.20.0.1|600'],
    gatewayMacs: { '10.20.0.1': '02:00:00:00:00:01' },
    links: { wlan0: 'up/1' },
    wifi: { wlan0: 'Diwan HQ|02:00:00:00:00:a1' },
  };

  async function officeGate(read: () => Promise<NetworkSignals>, over: { blindRecheckMs?: number; signalsTimeoutMs?: number } = {}) {
    const beacon = await startTestBeacon('hq');
    const signer = makeSigner();
    const loc = managedLocation([signer]);
    writeSignedPolicy(loc.policyFile, policyBody([siteFor('hq', beacon, [OFFICE])]), signer);
    let evaluations = 0;
    const seen: Verdict[] = [];
    const gate = new NetworkGate({
      loadPolicy: () => {
        evaluations++;
        return loadPolicy({ ...loc, versions: memoryVersionStore(), clock: { now: () => Date.now() } });
      },
      interfaces: () => interfaces({ wlan0: ['10.20.1.5'] }),
      signals: read,
      dnsSuffixes: async () => [],
      clock: { now: () => Date.now() },
      watchIntervalMs: 20,
      ...over,
    });
    gate.onVerdict((v) => seen.push(v));
    return { gate, seen, evaluations: () => evaluations };
  }

  it('another access point or another Wi-Fi network (same routes, same addresses) closes at once and re-checks', async () => {
    let signals = office;
    // the OS tools answer a little later, as the macOS and Windows readers do
    const { gate, seen } = await officeGate(() => new Promise((r) => setTimeout(() => r(signals), 5)));
    gate.start();
    try {
      await expect.poll(() => gate.current()?.state).toBe('office');
      const before = seen.length;
      signals = { ...office, wifi: { wlan0: 'Cafe Guest|02:00:00:00:00:c1' } };
      await expect.poll(() => seen.slice(before).map((v) => v.state)).toEqual(['off-network', 'office']);
      expect(seen[before]).toMatchObject({ reason: expect.stringMatching(/Wi-Fi network on wlan0 changed/), checks: [{ code: 'network_changed' }] });
      expect(seen[before]!.reason).not.toMatch(/Cafe|Diwan HQ|02:00/);
    } finally {
      gate.stop();
    }
  });

  it('end to end on Linux: a real `iw` process (a stand-in script) reporting another access point locks the console', async () => {
    // a wireless interface of our own in a copy of /sys/class/net, and an `iw` that answers from a file we change
    const dir = tmpDir('diwan-iw-');
    fs.mkdirSync(path.join(dir, 'sys', 'wlan0', 'wireless'), { recursive: true });
    const answer = path.join(dir, 'answer.txt');
    const iw = path.join(dir, 'iw');
    fs.writeFileSync(answer, 'Connected to 02:00:00:00:00:a1 (on wlan0)\n\tSSID: Diwan HQ\n\tfreq: 5180\n');
    fs.writeFileSync(iw, `#!/bin/sh\n[ "$1 $2 $3" = "dev wlan0 link" ] || exit 2\ncat ${answer}\n`, { mode: 0o755 });
    const read = linuxNetworkSignals({ sysNet: path.join(dir, 'sys'), tools: { iw, nmcli: null } });
    const { gate, seen } = await officeGate(read);
    gate.start();
    try {
      await expect.poll(() => gate.current()?.state, { timeout: 10_000 }).toBe('office');
      await expect.poll(async () => (await read()).wifi).toEqual({ wlan0: 'Diwan HQ|02:00:00:00:00:a1' });
      const before = seen.length;
      // replaced whole, as the kernel's answer changes: a rewrite in place could be read half-written (an `iw` answer
      // the reader cannot parse locks the console too, and adds an unexpected lock and re-check to `seen`)
      fs.writeFileSync(`${answer}.new`, 'Connected to 02:00:00:00:00:c1 (on wlan0)\n\tSSID: Diwan HQ\n\tfreq: 2412\n');
      fs.renameSync(`${answer}.new`, answer);
      await expect.poll(() => seen.slice(before).map((v) => v.state), { timeout: 10_000 }).toEqual(['off-network', 'office']);
      expect(seen[before]!.reason).toMatch(/the Wi-Fi network on wlan0 changed/);
    } finally {
      gate.stop();
    }
  });

  it('a reader that fails, garbles or hangs closes at once; while blind the beacon is asked every blindRecheckMs; seeing again re-checks', async () => {
    let mode: 'ok' | 'throw' | 'garbled' | 'hang' = 'ok';
    const { gate, seen, evaluations } = await officeGate(
      async () => {
        if (mode === 'throw') throw new TypeError('boom');
        if (mode === 'garbled') return { ...office, unreadable: ['the default routes (netstat printed no routing table)'] };
        if (mode === 'hang') return new Promise<NetworkSignals>(() => {});
        return office;
      },
      { blindRecheckMs: 50, signalsTimeoutMs: 200 },
    );
    gate.start();
    try {
      await expect.poll(() => gate.current()?.state).toBe('office');
      let before = seen.length;
      mode = 'throw';
      await expect.poll(() => seen.slice(before).map((v) => v.state)).toEqual(['off-network', 'office']);
      expect(seen[before]!.reason).toMatch(/could not read the network signals \(the reader failed: TypeError\)/);
      // the policy's interval is 300 s; blind, the gate re-checks every 50 ms instead
      const n = evaluations();
      await expect.poll(() => evaluations() - n, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
      before = seen.length;
      mode = 'garbled';
      await expect.poll(() => seen.slice(before).map((v) => v.state)).toEqual(['off-network', 'office']);
      expect(seen[before]!.reason).toMatch(/could not read the default routes \(netstat printed no routing table\)/);
      // a reader that never answers is cut off and counts as unreadable; the watch goes on
      before = seen.length;
      mode = 'hang';
      await expect.poll(() => seen.slice(before).map((v) => v.state), { timeout: 10_000 }).toEqual(['off-network', 'office']);
      expect(seen[before]!.reason).toMatch(/could not read the network signals \(the reader did not answer within 200 ms\)/);
      before = seen.length;
      mode = 'ok';
      await expect.poll(() => seen.slice(before).map((v) => v.state), { timeout: 10_000 }).toEqual(['off-network', 'office']);
      expect(seen[before]!.reason).toMatch(/can read the network signals again/);
      // seeing again, the policy's interval applies: no more re-checks without a reason
      await new Promise((r) => setTimeout(r, 300));
      const settled = evaluations();
      await new Promise((r) => setTimeout(r, 500));
      expect(evaluations()).toBe(settled);
    } finally {
      gate.stop();
    }
  });
});
