import crypto from 'node:crypto';
import { Agent, request } from 'undici';
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

/**
 * The hub's API as a test calls it: JSON over HTTPS to a test hub (its self-signed certificate accepted), each person
 * by the bearer token their sign-in at a desk gave. `url` is read at each call (the hub starts after this is made).
 */
export class HubApi {
  private readonly http = new Agent({ connect: { rejectUnauthorized: false } });
  readonly tokens: Record<string, string> = {};

  constructor(private readonly url: () => string) {}

  async call(method: 'GET' | 'POST', path: string, who: string | null, json?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const r = await request(`${this.url()}${path}`, {
      method,
      dispatcher: this.http,
      headers: { ...(method === 'POST' ? { 'content-type': 'application/json' } : {}), ...(who ? { authorization: `Bearer ${this.tokens[who]}` } : {}) },
      body: method === 'POST' ? JSON.stringify(json ?? {}) : undefined,
    });
    return { status: r.statusCode, body: (await r.body.json()) as Record<string, unknown> };
  }

  /** Signs `username` in at `desk` (its device enrolled) and keeps the token; a refusal throws with the hub's answer. */
  async signIn(username: string, desk: TestDesk, password: string): Promise<void> {
    const r = await desk.signIn((p, json) => this.call('POST', p, null, json), username, password);
    if (r.status !== 200) throw new Error(`${username} could not sign in: ${r.status} ${JSON.stringify(r.body)}`);
    this.tokens[username] = String(r.body.token);
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
