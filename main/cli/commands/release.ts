import fs from 'node:fs';
import path from 'node:path';
import { DiwanError } from '../../core/shared/errors';
import {
  assertArtifact,
  assertNewer,
  generateReleaseKey,
  keyIdOf,
  manifestFileName,
  parsePublicKey,
  signRelease,
  verifyManifestSignature,
} from '../../core/update';
import { flagValue, type CliIo, type Command } from '../command';

const USAGE = [
  'diwan release keygen --out DIR                 writes DIR/release.key (private, keep offline) and DIR/release.pub',
  'diwan release sign --key FILE --version V [--out FILE] ARTIFACT...',
  '                                               writes the signed manifest (default: diwan-release-V.json beside the first artifact)',
  'diwan release verify --manifest FILE --pubkey KEY|FILE [--running V] [ARTIFACT...]',
  '                                               checks the signature, every artifact (default: all listed, beside the manifest)',
  '                                               and, with --running, that the release is newer',
].join('\n');

const VALUE_FLAGS = ['--out', '--key', '--version', '--manifest', '--pubkey', '--running'];

/** Arguments that are neither flags nor flag values. */
function positionals(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (VALUE_FLAGS.includes(a)) i++;
    else if (!a.startsWith('--')) out.push(a);
  }
  return out;
}

function required(args: string[], flag: string): string {
  const v = flagValue(args, flag);
  if (!v) throw new DiwanError('usage', `${flag} is required.\n${USAGE}`);
  return v;
}

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new DiwanError('file_unreadable', `Cannot read the ${what} ${file}.`);
  }
}

async function keygen(args: string[], io: CliIo): Promise<number> {
  const dir = required(args, '--out');
  fs.mkdirSync(dir, { recursive: true });
  const priv = path.join(dir, 'release.key');
  const pub = path.join(dir, 'release.pub');
  if (fs.existsSync(priv) || fs.existsSync(pub)) {
    throw new DiwanError('exists', `${dir} already holds a release key; a new key is never written over one. Choose another --out.`);
  }
  const k = generateReleaseKey();
  fs.writeFileSync(priv, k.privateKeyPem, { mode: 0o600, flag: 'wx' });
  fs.writeFileSync(pub, k.publicKey + '\n', { flag: 'wx' });
  io.stdout.write(
    [
      `Release key ${keyIdOf(k.publicKey)} written.`,
      `  private: ${priv}  (keep it offline; whoever holds it can ship updates)`,
      `  public:  ${pub}`,
      '',
      'Trust it on managed machines (ReleaseKeys in Group Policy / the MDM profile / diwan.conf releaseKeys):',
      `  ${k.publicKey}`,
      '',
    ].join('\n'),
  );
  return 0;
}

async function sign(args: string[], io: CliIo): Promise<number> {
  const keyFile = required(args, '--key');
  const version = required(args, '--version');
  const files = positionals(args);
  const manifest = await signRelease({ privateKeyPem: readText(keyFile, 'release key'), version, files });
  const out = flagValue(args, '--out') ?? path.join(path.dirname(files[0]!), manifestFileName(manifest.version));
  fs.writeFileSync(out, JSON.stringify(manifest, null, 2) + '\n');
  io.stdout.write(`Signed ${manifest.artifacts.length} artifact(s) of ${manifest.product} ${manifest.version} with key ${manifest.keyId}: ${out}\n`);
  io.stdout.write(`Publish it on the update feed next to latest*.yml, under this name: ${manifestFileName(manifest.version)}\n`);
  return 0;
}

async function verify(args: string[], io: CliIo): Promise<number> {
  const manifestFile = required(args, '--manifest');
  const pubArg = required(args, '--pubkey');
  const pubkey = fs.existsSync(pubArg) ? readText(pubArg, 'public key').trim() : pubArg.trim();
  parsePublicKey(pubkey);
  const m = verifyManifestSignature(readText(manifestFile, 'release manifest'), [pubkey]);
  io.stdout.write(`Signature: good (key ${m.keyId}), ${m.product} ${m.version}\n`);
  const running = flagValue(args, '--running');
  if (running) {
    assertNewer(m.version, running);
    io.stdout.write(`Version: ${m.version} is newer than ${running}\n`);
  }
  const given = positionals(args);
  const files = given.length ? given : m.artifacts.map((a) => path.join(path.dirname(manifestFile), a.file));
  let failed = 0;
  for (const f of files) {
    try {
      await assertArtifact(m, f);
      io.stdout.write(`  ok        ${path.basename(f)}\n`);
    } catch (e) {
      failed++;
      io.stdout.write(`  REFUSED   ${path.basename(f)}: ${e instanceof DiwanError ? e.message : 'cannot be checked'}\n`);
    }
  }
  return failed ? 1 : 0;
}

export const releaseCommand: Command = {
  name: 'release',
  summary: 'release keys and signed update manifests: keygen, sign, verify',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'keygen') return keygen(rest, io);
    if (sub === 'sign') return sign(rest, io);
    if (sub === 'verify') return verify(rest, io);
    io.stderr.write(`diwan release: say keygen, sign or verify.\n${USAGE}\n`);
    return 2;
  },
};
