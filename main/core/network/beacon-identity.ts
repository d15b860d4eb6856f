import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import { publicKeyToBase64 } from '../policy';
import { DiwanError } from '../shared/errors';
import { spkiPin } from './beacon-protocol';

/** A beacon's keys: the Ed25519 key that signs answers and the ECDSA P-256 key and certificate that TLS pins. */
export interface BeaconIdentity {
  signingKey: crypto.KeyObject;
  /** Goes into the policy as `sites[].beacon.publicKey`. */
  publicKey: string;
  tls: { keyPem: string; certPem: string };
  /** Goes into the policy as `sites[].beacon.pins`. */
  pin: string;
  created: boolean;
}

const FILES = { signing: 'beacon-signing-key.pem', tlsKey: 'beacon-tls-key.pem', tlsCert: 'beacon-tls-cert.pem' };

/**
 * Loads the identity kept in `dir`, or creates it there on first use (folder 0700, key files 0600). The certificate is
 * self-signed and long-lived on purpose: clients trust its key by pin, not by a CA or its dates.
 */
export async function loadOrCreateBeaconIdentity(dir: string, opts: { names?: readonly string[]; now?: Date } = {}): Promise<BeaconIdentity> {
  const p = (f: string) => path.join(dir, f);
  const present = Object.values(FILES).filter((f) => fs.existsSync(p(f)));
  if (present.length === 3) return readIdentity(dir);
  if (present.length > 0) {
    throw new DiwanError('beacon_identity_incomplete', `The beacon key folder ${dir} has only ${present.join(', ')}. Restore the missing files from backup, or empty the folder to create a new identity (and update the policy's pin and key).`);
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const signing = crypto.generateKeyPairSync('ed25519');
  const subtle = crypto.webcrypto.subtle;
  const keys = (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as crypto.webcrypto.CryptoKeyPair;
  const names = opts.names?.length ? opts.names : ['localhost'];
  const now = opts.now ?? new Date();
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: crypto.randomBytes(8).toString('hex').replace(/^[89a-f]/, '1'),
      name: `CN=Diwan beacon`,
      notBefore: new Date(now.getTime() - 86_400_000),
      notAfter: new Date(now.getTime() + 10 * 365 * 86_400_000),
      keys,
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension(names.map((n) => (net.isIP(n) ? { type: 'ip' as const, value: n } : { type: 'dns' as const, value: n }))),
      ],
    },
    crypto.webcrypto as unknown as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[1],
  );
  const pkcs8 = Buffer.from(await subtle.exportKey('pkcs8', keys.privateKey));
  write(p(FILES.signing), signing.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  write(p(FILES.tlsKey), `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64').replace(/(.{64})/g, '$1\n').trim()}\n-----END PRIVATE KEY-----\n`);
  write(p(FILES.tlsCert), cert.toString('pem') + '\n');
  return { ...readIdentity(dir), created: true };
}

function write(file: string, text: string): void {
  fs.writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
}

function readIdentity(dir: string): BeaconIdentity {
  try {
    const signingKey = crypto.createPrivateKey(fs.readFileSync(path.join(dir, FILES.signing)));
    const keyPem = fs.readFileSync(path.join(dir, FILES.tlsKey), 'utf8');
    const certPem = fs.readFileSync(path.join(dir, FILES.tlsCert), 'utf8');
    return { signingKey, publicKey: publicKeyToBase64(crypto.createPublicKey(signingKey)), tls: { keyPem, certPem }, pin: spkiPin(certPem), created: false };
  } catch (e) {
    if (e instanceof DiwanError) throw e;
    throw new DiwanError('beacon_identity_unreadable', `The beacon key folder ${dir} holds files Diwan cannot read as keys (${(e as NodeJS.ErrnoException).code ?? 'not a key'}). Restore them from backup.`);
  }
}
