import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHubCertificate } from '../../main/hub';
import { freePort } from '../helpers/ports';
import { suiteTmpDir } from '../helpers/tmp';
import { testPolicy } from '../custody/policy-fixture';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * A team's key custodian on loopback, as IT sets one up: its certificate, its credentials (TLS key and
 * key-encryption key), IT's policy signing key and a signed policy naming the enrolled devices, and the hub's
 * grant-signing key pair (the private half goes into the hub's credentials, the public half into this config).
 */
export interface CustodyFiles {
  dir: string;
  configFile: string;
  credentials: string;
  certFile: string;
  pin: string;
  port: number;
  url: string;
  policyFile: string;
  /** The hub's grant-signing key (PEM) and its public key (base64) as the custodian knows it. */
  grantKeyPem: string;
  grantPublicKey: string;
  /** Re-signs IT's policy with these enrolled devices (and, optionally, the people named as leads). */
  enrol(fingerprints: string[], leads?: string[]): void;
}

export async function custodyFiles(o: { team?: string; epoch?: { months: number } | { days: number }; retainEpochs?: number; perDevice?: number } = {}): Promise<CustodyFiles> {
  const dir = suiteTmpDir('custodian-');
  const { certPem, keyPem, pin } = await createHubCertificate(['127.0.0.1', 'localhost']);
  const certFile = path.join(dir, 'custodian-cert.pem');
  fs.writeFileSync(certFile, certPem);
  const credentials = path.join(dir, 'credentials');
  fs.mkdirSync(credentials, { mode: 0o700 });
  fs.writeFileSync(path.join(credentials, 'tls-key'), keyPem, { mode: 0o400 });
  fs.writeFileSync(path.join(credentials, 'key-encryption-key'), crypto.randomBytes(32).toString('base64'), { mode: 0o400 });
  const policy = testPolicy(dir);
  const port = await freePort();
  const configFile = path.join(dir, 'custodian.json');
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      team: o.team ?? 'acme',
      listen: { host: '127.0.0.1', port },
      tls: { certFile },
      hubRanges: ['127.0.0.0/8'],
      hubGrantKeys: [policy.grantPublicKey],
      policy: { file: policy.file, signers: [policy.signer] },
      keys: { dir: path.join(dir, 'keys') },
      epoch: o.epoch ?? { months: 1 },
      ...(o.retainEpochs ? { retainEpochs: o.retainEpochs } : {}),
      log: { file: path.join(dir, 'custodian.log') },
      rateLimit: { perDevice: o.perDevice ?? 30, windowMinutes: 60 },
      secrets: { source: 'credentials' },
    }),
  );
  return { dir, configFile, credentials, certFile, pin, port, url: `https://127.0.0.1:${port}`, policyFile: policy.file, grantKeyPem: policy.grantKeyPem, grantPublicKey: policy.grantPublicKey, enrol: policy.enrol };
}

/** `diwan custodian run` as its own process. */
export class CustodianProcess {
  private child: ChildProcess | null = null;
  log = '';

  constructor(readonly files: CustodyFiles) {}

  async start(): Promise<void> {
    this.log = '';
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'main/cli/main.ts'), 'custodian', 'run', '--config', this.files.configFile], {
      cwd: ROOT,
      env: { ...process.env, CREDENTIALS_DIRECTORY: this.files.credentials },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout!.on('data', (d) => (this.log += d));
    child.stderr!.on('data', (d) => (this.log += d));
    const end = Date.now() + 60_000;
    while (!/Custodian for team .* running/.test(this.log) && child.exitCode === null) {
      if (Date.now() > end) throw new Error(`custodian did not start: ${this.log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    if (child.exitCode !== null) throw new Error(`custodian exited: ${this.log}`);
  }

  async stop(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    c.kill('SIGTERM');
    await new Promise<void>((r) => c.once('exit', () => r()));
  }
}

/** The custodian in this process (for tests that run the hub in-process too). */
export async function startTestCustodian(files: CustodyFiles, clock?: { now(): number }) {
  const { startCustodian, loadCustodianConfig } = await import('../../main/custodian');
  const { CredentialsDirSecrets } = await import('../../main/hub');
  return startCustodian(loadCustodianConfig(files.configFile), new CredentialsDirSecrets(files.credentials), { clock, log: () => {} });
}
