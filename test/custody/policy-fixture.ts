import fs from 'node:fs';
import path from 'node:path';
import { generateEd25519, privateKeyFromPem, signPolicyDocument } from '../../main/core/policy';

const DAY = 86_400_000;

/**
 * IT's side of a custodian in tests: a policy signing key, a signed policy naming the enrolled devices (and the
 * people named as leads), and the hub's grant-signing key pair.
 */
export function testPolicy(dir: string) {
  const it = generateEd25519();
  const itKey = privateKeyFromPem(it.privateKeyPem, 'IT test key');
  const grant = generateEd25519();
  const file = path.join(dir, 'policy.json');
  const enrol = (fingerprints: string[], leads: string[] = []) => {
    const now = Date.now();
    const body = {
      version: 1,
      // Valid long before and after today, so tests may move the custodian's clock across key epochs.
      issuedAt: new Date(now - 120 * DAY).toISOString(),
      expiresAt: new Date(now + 120 * DAY).toISOString(),
      sites: [{ id: 'hq', ranges: ['127.0.0.0/8'], beacon: { url: 'https://beacon.hq.example:8443', pins: [Buffer.alloc(32, 7).toString('base64')], publicKey: it.publicKey } }],
      enrolledDevices: fingerprints,
      privilegedUsers: leads.map((username) => ({ username, role: 'lead' })),
    };
    // Written beside and renamed, so the custodian never reads half a file.
    fs.writeFileSync(`${file}.tmp`, signPolicyDocument(body, itKey));
    fs.renameSync(`${file}.tmp`, file);
  };
  enrol([]);
  return { file, signer: { name: 'IT', publicKey: it.publicKey }, grantKeyPem: grant.privateKeyPem, grantPublicKey: grant.publicKey, enrol };
}
