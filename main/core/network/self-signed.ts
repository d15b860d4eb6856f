import 'reflect-metadata';
import crypto from 'node:crypto';
import net from 'node:net';
import * as x509 from '@peculiar/x509';
import { spkiPin } from './beacon-protocol';

/**
 * A self-signed ECDSA P-256 server certificate for the given DNS names and IP addresses, valid ten years. Self-signed
 * and long-lived on purpose: Diwan's clients trust such a server (a beacon, the relay) by the pin of its public key,
 * not by a CA or dates.
 */
export async function createPinnedServerCertificate(
  commonName: string,
  names: readonly string[],
  now = new Date(),
): Promise<{ certPem: string; keyPem: string; pin: string }> {
  const subtle = crypto.webcrypto.subtle;
  const keys = (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as crypto.webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: crypto.randomBytes(8).toString('hex').replace(/^[89a-f]/, '1'),
      name: `CN=${commonName}`,
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
  const keyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64').replace(/(.{64})/g, '$1\n').trim()}\n-----END PRIVATE KEY-----\n`;
  const certPem = cert.toString('pem') + '\n';
  return { certPem, keyPem, pin: spkiPin(certPem) };
}
