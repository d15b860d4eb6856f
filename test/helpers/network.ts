import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type os from 'node:os';
import path from 'node:path';
import { loadOrCreateBeaconIdentity, startBeacon, type BeaconIdentity, type InterfaceList } from '../../main/core/network';
import { generateEd25519, privateKeyFromPem, signPolicyDocument, type PolicyInput } from '../../main/core/policy';
import type { Clock } from '../../main/core/shared/ports';
import { afterThisTest } from './cleanup';
import { tmpDir } from './tmp';

/** Network fixtures: IT signing keys, signed policies, real HTTPS beacons on 127.0.0.x / ::1, interface lists. */

export interface Signer {
  name: string;
  publicKey: string;
  privateKey: crypto.KeyObject;
}

export function makeSigner(name = 'Test IT'): Signer {
  const k = generateEd25519();
  return { name, publicKey: k.publicKey, privateKey: privateKeyFromPem(k.privateKeyPem, 'test key') };
}

/** A machine-wide location (signer folder with the given keys, policy file path) owned by this test's user. */
export function managedLocation(signers: Signer[]) {
  const root = tmpDir('diwan-machine-');
  const signersDir = path.join(root, 'policy-signers');
  fs.mkdirSync(signersDir, { mode: 0o755 });
  if (signers.length) {
    fs.writeFileSync(
      path.join(signersDir, 'it.json'),
      JSON.stringify({ signers: signers.map((s) => ({ name: s.name, publicKey: s.publicKey })) }),
      { mode: 0o644 },
    );
  }
  return {
    root,
    signersDir,
    policyFile: path.join(root, 'policy.json'),
    trustedOwners: [process.getuid!()],
    buildSigners: [] as Array<{ name: string; publicKey: string }>,
  };
}

export const DAY = 86_400_000;

export function policyBody(sites: PolicyInput['sites'], over: Partial<PolicyInput> = {}, now = Date.now()): PolicyInput {
  return {
    version: 1,
    issuedAt: new Date(now - DAY).toISOString(),
    expiresAt: new Date(now + 30 * DAY).toISOString(),
    sites,
    checks: { intervalSeconds: 300, graceSeconds: 2, freshnessSeconds: 2, maxClockSkewSeconds: 60 },
    ...over,
  };
}

export function writeSignedPolicy(file: string, body: unknown, signer: Signer): string {
  fs.writeFileSync(file, signPolicyDocument(body, signer.privateKey));
  return file;
}

export interface TestBeacon {
  identity: BeaconIdentity;
  url: string;
  close(): Promise<void>;
}

/** A real Diwan beacon for `siteId` on `host` (loopback only), closed after the test. */
export async function startTestBeacon(siteId: string, host = '127.0.0.1', opts: { clock?: Clock; identity?: BeaconIdentity } = {}): Promise<TestBeacon> {
  const identity = opts.identity ?? (await beaconIdentity(host));
  const b = await startBeacon({ siteId, signingKey: identity.signingKey, tls: identity.tls, host, port: 0, clock: opts.clock });
  afterThisTest(() => b.close());
  return { identity, url: b.url, close: () => b.close() };
}

export function beaconIdentity(...names: string[]): Promise<BeaconIdentity> {
  return loadOrCreateBeaconIdentity(path.join(tmpDir('diwan-beacon-'), 'keys'), { names });
}

/** An HTTPS server on loopback that answers every request with `handler`: impostors, portals, replays, slow beacons. */
export async function startHttpsServer(
  tls: { key: string; cert: string },
  handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void,
  host = '127.0.0.1',
): Promise<{ url: string; port: number }> {
  const server = https.createServer({ key: tls.key, cert: tls.cert }, handler);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  afterThisTest(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return { url: `https://${host.includes(':') ? `[${host}]` : host}:${port}`, port };
}

export function siteFor(id: string, beacon: { url: string; identity: BeaconIdentity }, ranges: string[], extra: { dnsSuffixes?: string[] } = {}) {
  return { id, ranges, ...extra, beacon: { url: beacon.url, pins: [beacon.identity.pin], publicKey: beacon.identity.publicKey } };
}

function iface(address: string, internal = false): os.NetworkInterfaceInfo {
  const v6 = address.includes(':');
  return v6
    ? { address, netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '02:00:00:00:00:01', internal, cidr: `${address}/64`, scopeid: 0 }
    : { address, netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal, cidr: `${address}/24` };
}

/** An `os.networkInterfaces()` result: `{ eth0: ['10.20.1.5'], wg0: ['10.99.0.2'] }`, plus loopback. */
export function interfaces(spec: Record<string, string[]>): InterfaceList {
  const list: InterfaceList = { lo: [iface('127.0.0.1', true), iface('::1', true)] };
  for (const [name, addrs] of Object.entries(spec)) list[name] = addrs.map((a) => iface(a));
  return list;
}

export function offsetClock(offsetMs: number): Clock {
  return { now: () => Date.now() + offsetMs };
}
