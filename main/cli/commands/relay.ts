import fs from 'node:fs';
import path from 'node:path';
import { loadOsKeychain, Vault } from '../../core/vault';
import { DiwanError } from '../../core/shared/errors';
import { chooseRelaySecrets, createRelayCertificate, KeychainRelaySecrets, loadRelayConfig, startRelay } from '../../relay';
import { flagValue, type CliIo, type Command } from '../command';

const USAGE = [
  'diwan relay --config FILE                 run the relay (until SIGTERM or Ctrl-C)',
  'diwan relay secret set NAME [--keychain-service S]',
  '                                          store a relay secret (read from stdin) in the OS keychain',
  'diwan relay tls --name HOST[,HOST...] --out DIR',
  '                                          make the relay certificate (relay-cert.pem) and key (relay-key.pem, 0600); prints the pin',
  '',
  'Secret names: <channel>.app-secret, <channel>.verify-token, <channel>.token, tls-key, queue-key, health-token.',
  'See docs/IT-GUIDE.md, "Relay".',
].join('\n');

async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\s+$/, '');
}

/** `diwan relay|hub secret set NAME`: the value from stdin into the OS keychain, under the service's name. */
export async function setSecret(args: string[], io: CliIo, o: { product: 'relay' | 'hub' | 'custodian'; defaultService: string } = { product: 'relay', defaultService: io.env.DIWAN_RELAY_KEYCHAIN_SERVICE ?? 'Diwan Relay' }): Promise<number> {
  const name = args[2];
  if (args[1] !== 'set' || !name) throw new DiwanError(`${o.product}_usage`, `Name the secret: \`diwan ${o.product} secret set NAME\` (the value is read from stdin).`);
  const value = await readStdin(io.stdin);
  if (!value) throw new DiwanError(`${o.product}_secret_empty`, 'No value on stdin; nothing was stored.');
  const service = flagValue(args, '--keychain-service') ?? o.defaultService;
  await new KeychainRelaySecrets(new Vault(loadOsKeychain(), service)).set(name, value);
  io.stdout.write(`Stored the ${o.product} secret "${name}" in the OS keychain (service "${service}").\n`);
  return 0;
}

/** `diwan relay|hub tls --name HOST[,HOST…] --out DIR`: the pinned certificate and its key (0600); prints the pin. */
export async function makeTls(args: string[], io: CliIo, product: 'relay' | 'hub' | 'custodian' = 'relay'): Promise<number> {
  const names = (flagValue(args, '--name') ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  const out = flagValue(args, '--out');
  if (!names.length || !out) throw new DiwanError(`${product}_usage`, `Give the names consoles use and a folder: \`diwan ${product} tls --name ${product}.office.example --out DIR\`.`);
  const { certPem, keyPem, pin } = await createRelayCertificate(names);
  fs.mkdirSync(out, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(out, `${product}-cert.pem`), certPem, { mode: 0o644, flag: 'wx' });
  fs.writeFileSync(path.join(out, `${product}-key.pem`), keyPem, { mode: 0o600, flag: 'wx' });
  io.stdout.write(`Wrote ${path.join(out, `${product}-cert.pem`)} and ${product}-key.pem (load the key as the secret "tls-key").\nPin for consoles: ${pin}\n`);
  return 0;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const file = flagValue(args, '--config');
  if (!file) throw new DiwanError('relay_usage', 'Give the configuration file: `diwan relay --config /etc/diwan-relay/relay.json`.');
  const config = loadRelayConfig(file);
  const secrets = await chooseRelaySecrets({ ...config.secrets, env: io.env, keychain: loadOsKeychain() });
  const relay = await startRelay({ config, secrets });
  io.stdout.write(`Relay running. Webhooks: ${relay.webhookUrl}/webhooks/<channel>. Consoles: ${relay.consoleUrl}.\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await relay.close();
  io.stdout.write('Relay stopped.\n');
  return 0;
}

export const relayCommand: Command = {
  name: 'relay',
  summary: 'the on-premises relay for webhook-only channels and shared bots: run it, store its secrets, make its certificate',
  usage: USAGE,
  async run(args, io) {
    if (args[0] === 'secret' && args[1] === 'set') return setSecret(args, io);
    if (args[0] === 'tls') return makeTls(args, io);
    return run(args, io);
  },
};
