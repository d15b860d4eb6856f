import crypto from 'node:crypto';
import fs from 'node:fs';
import {
  generateEd25519,
  keyIdOf,
  POLICY_FORMAT,
  privateKeyFromPem,
  signPolicyDocument,
  type PolicyInput,
} from '../../core/policy';
import { DiwanError } from '../../core/shared/errors';
import { flagValue, hasFlag, type CliIo, type Command } from '../command';
import { parseJsonFile, policyFor, readFileFor } from '../policy-files';

const USAGE = [
  'diwan policy keygen --out KEY.pem [--name "Acme IT 2025"]   create IT\'s signing key; prints the public key to trust',
  'diwan policy example                                      print a policy to start from',
  'diwan policy sign --key KEY.pem --in POLICY.json --out SIGNED.json',
  'diwan policy verify [--policy FILE] [--signers FILE] [--json]',
].join('\n');

export const policyCommand: Command = {
  name: 'policy',
  summary: 'create IT signing keys, sign the network policy, verify a signed policy',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'keygen') return keygen(rest, io);
    if (sub === 'example') return example(io);
    if (sub === 'sign') return sign(rest, io);
    if (sub === 'verify') return verify(rest, io);
    io.stderr.write(`diwan policy: say what to do.\n\n${USAGE}\n`);
    return 2;
  },
};

function keygen(args: string[], io: CliIo): number {
  const out = flagValue(args, '--out');
  if (!out) throw new DiwanError('usage', 'Say where to write the private key: diwan policy keygen --out KEY.pem');
  const name = flagValue(args, '--name') ?? 'IT policy signer';
  const key = generateEd25519();
  try {
    fs.writeFileSync(out, key.privateKeyPem, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new DiwanError('file_exists', `${out} already exists; Diwan never overwrites a key. Choose another file.`);
    throw new DiwanError('file_unwritable', `Cannot write ${out} (${code ?? 'error'}).`);
  }
  io.stdout.write(
    [
      `Private key written to ${out} (readable by you only). Keep it offline: whoever holds it can sign a policy.`,
      `Public key: ${key.publicKey}`,
      `Key id:     ${keyIdOf(key.publicKey)}`,
      '',
      'Install this signer file, writable by administrators only, as /etc/diwan/policy-signers/<name>.json',
      '(Windows: %ProgramData%\\Diwan\\policy-signers\\, macOS: /Library/Application Support/Diwan/policy-signers/),',
      'or build it in as config/policy-signers.json:',
      JSON.stringify({ signers: [{ name, publicKey: key.publicKey }] }, null, 2),
      '',
    ].join('\n'),
  );
  return 0;
}

function example(io: CliIo): number {
  const now = Date.now();
  const body: PolicyInput = {
    version: 1,
    issuedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 90 * 86_400_000).toISOString(),
    organization: 'Acme',
    sites: [
      {
        id: 'hq',
        name: 'Head office',
        ranges: ['10.20.0.0/16', '2001:db8:20::/48'],
        dnsSuffixes: ['hq.corp.acme.example'],
        beacon: {
          url: 'https://beacon.hq.corp.acme.example:8443',
          pins: ['<pin printed by diwan beacon>'],
          publicKey: '<public key printed by diwan beacon>',
        },
      },
    ],
    checks: { intervalSeconds: 300, graceSeconds: 5, freshnessSeconds: 5, maxClockSkewSeconds: 120 },
    masking: { hints: { PHONE: 2, CARD: 4 } },
    reveal: { PHONE: { roles: ['lead'], durationSeconds: 120, requiresApproval: false } },
    requireTwoFactor: true,
    allowedLinkDomains: ['acme.example'],
    guard: {
      companyDomains: ['acme.example'],
      brandNames: ['acme'],
      officialSupportHandles: ['@acme_support'],
      approvableRequests: ['national_id'],
      flood: { senderPerMinute: 20, channelPerSecond: 50 },
    },
  };
  io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  return 0;
}

function sign(args: string[], io: CliIo): number {
  const keyFile = flagValue(args, '--key');
  const inFile = flagValue(args, '--in');
  const out = flagValue(args, '--out');
  if (!out) throw new DiwanError('usage', 'Say where to write the signed policy with --out FILE.');
  const privateKey: crypto.KeyObject = privateKeyFromPem(readFileFor(keyFile, 'signing key', '--key'), `The key file ${keyFile}`);
  const input = parseJsonFile(readFileFor(inFile, 'policy', '--in'), inFile!);
  const signed = signPolicyDocument(input, privateKey);
  fs.writeFileSync(out, signed, { mode: 0o644 });
  const doc = JSON.parse(signed) as { policy: { version: number; expiresAt: string }; signatures: unknown[] };
  io.stdout.write(
    `Signed policy version ${doc.policy.version} (expires ${doc.policy.expiresAt}) written to ${out} ` +
      `(${POLICY_FORMAT}, ${doc.signatures.length} signature${doc.signatures.length > 1 ? 's' : ''}). Install it unchanged.\n`,
  );
  return 0;
}

function verify(args: string[], io: CliIo): number {
  const result = policyFor(args, io);
  if (hasFlag(args, '--json')) {
    io.stdout.write(`${JSON.stringify(result.kind === 'accepted' ? { kind: result.kind, signer: result.signer, policy: result.policy } : result, null, 2)}\n`);
    return result.kind === 'accepted' ? 0 : 1;
  }
  if (result.kind === 'unmanaged') {
    io.stdout.write(`Unmanaged: ${result.reason}\n`);
    return 1;
  }
  if (result.kind === 'rejected') {
    io.stderr.write(`Refused (${result.code}): ${result.reason}\n`);
    return 1;
  }
  const p = result.policy;
  io.stdout.write(
    [
      `Valid: policy version ${p.version}, signed by ${result.signer}, expires ${p.expiresAt}.`,
      ...p.sites.map((s) => `  site ${s.id}: ${s.ranges.join(', ')}${s.dnsSuffixes ? `; DNS ${s.dnsSuffixes.join(', ')}` : ''}; beacon ${s.beacon.url}`),
      `  re-check every ${p.checks.intervalSeconds} s, grace ${p.checks.graceSeconds} s, freshness ${p.checks.freshnessSeconds} s, clock skew ${p.checks.maxClockSkewSeconds} s`,
      '',
    ].join('\n'),
  );
  return 0;
}
