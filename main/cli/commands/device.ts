import { formatFingerprint, loadOrCreateDeviceIdentity } from '../../core/auth';
import { DEFAULT_SERVICE, loadOsKeychain, Vault } from '../../core/vault';
import { hasFlag, type Command } from '../command';

export const deviceCommand: Command = {
  name: 'device',
  summary: "this computer's device fingerprint, for IT to enrol in the policy (creates the device key on first use)",
  usage: 'diwan device id [--json]',
  async run(args, io) {
    if (args[0] !== 'id') {
      io.stderr.write('diwan device: say what to show, e.g. `diwan device id`.\n');
      return 2;
    }
    const vault = new Vault(loadOsKeychain(), io.env.DIWAN_KEYCHAIN_SERVICE ?? DEFAULT_SERVICE);
    const device = await loadOrCreateDeviceIdentity(vault);
    if (hasFlag(args, '--json')) {
      io.stdout.write(JSON.stringify({ fingerprint: device.fingerprint, publicKey: device.publicKeyPem }, null, 2) + '\n');
    } else {
      io.stdout.write(`Device fingerprint (SHA-256 of its Ed25519 public key):\n  ${formatFingerprint(device.fingerprint)}\n`);
      io.stdout.write('Give it to IT to enrol this computer; it stays the same as long as the OS keychain keeps the entry "device".\n');
    }
    return 0;
  },
};
