import { loadOrCreateBeaconIdentity, startBeacon } from '../../core/network';
import { DiwanError } from '../../core/shared/errors';
import { flagValue, hasFlag, type Command } from '../command';

export const beaconCommand: Command = {
  name: 'beacon',
  summary: 'run a site\'s office-network beacon; prints the pin and public key to put in the policy',
  usage:
    'diwan beacon --key-dir DIR --site SITE [--port 8443] [--host 0.0.0.0] [--names beacon.hq.example,10.20.0.10] [--print]\n' +
    '  --print   create the keys if needed, print the pin and public key, and exit without serving',
  async run(args, io) {
    const dir = flagValue(args, '--key-dir');
    const site = flagValue(args, '--site');
    if (!dir || !site) throw new DiwanError('usage', 'Say where the beacon keeps its keys and which site it is: --key-dir DIR --site SITE');
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(site)) throw new DiwanError('usage', 'A site id is lowercase letters, digits and dashes, as in the policy (e.g. hq).');
    const port = Number(flagValue(args, '--port') ?? 8443);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DiwanError('usage', '--port must be a port number.');
    const host = flagValue(args, '--host') ?? '0.0.0.0';
    const names = (flagValue(args, '--names') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const identity = await loadOrCreateBeaconIdentity(dir, { names });
    const describe = [
      identity.created ? `Created a new beacon identity in ${dir} (keep it backed up; its files are readable by this user only).` : `Beacon identity from ${dir}.`,
      `Site:        ${site}`,
      `Pin:         ${identity.pin}        (policy: sites[].beacon.pins)`,
      `Public key:  ${identity.publicKey}        (policy: sites[].beacon.publicKey)`,
    ];
    if (hasFlag(args, '--print')) {
      io.stdout.write(describe.join('\n') + '\n');
      return 0;
    }
    let running;
    try {
      running = await startBeacon({ siteId: site, signingKey: identity.signingKey, tls: identity.tls, host, port });
    } catch (e) {
      throw new DiwanError('beacon_listen', `The beacon cannot listen on ${host}:${port} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
    io.stdout.write([...describe, `Listening:   ${running.url}`, 'Stop with Ctrl+C.', ''].join('\n'));
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await running.close();
    return 0;
  },
};
