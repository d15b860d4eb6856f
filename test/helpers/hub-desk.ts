import crypto from 'node:crypto';
import { fingerprintOf } from '../../main/core/auth';
import { deviceAuthMessage } from '../../main/core/connectors/relay-client/protocol';

/** A desk of a test that speaks the hub's API itself: its own Ed25519 device key, for IT to enrol. */
export class TestDesk {
  readonly key = crypto.generateKeyPairSync('ed25519');
  readonly publicKeyPem = this.key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  readonly fingerprint = fingerprintOf(this.publicKeyPem);

  /**
   * The hub's sign-in as a console makes it: a challenge for this desk, then the password with the signed nonce.
   * `post` is the test's own way to POST a JSON body to the hub; the sign-in's answer is returned as `post` gave it.
   */
  async signIn<A extends { body: Record<string, unknown> }>(post: (path: string, json: unknown) => Promise<A>, username: string, password: string): Promise<A> {
    const challenge = await post('/v1/challenge', { fingerprint: this.fingerprint });
    const nonce = String(challenge.body.nonce);
    const timestamp = Date.now();
    const signature = crypto.sign(null, Buffer.from(deviceAuthMessage(nonce, timestamp, this.fingerprint)), this.key.privateKey).toString('base64');
    return post('/v1/sign-in', { username, password, fingerprint: this.fingerprint, nonce, timestamp, signature });
  }
}
