import { hasFlag, type Command } from '../command';
import { openCoreFor } from '../context';

export const statusCommand: Command = {
  name: 'status',
  summary: 'what the status screen shows: version, data directory, schema version, keychain',
  usage: 'diwan status [--json] [--data-dir DIR]   (DIWAN_EMBEDDED=hub|store sets the folder\'s mode)',
  async run(args, io) {
    const core = await openCoreFor(args, io);
    try {
      const s = await core.status();
      if (hasFlag(args, '--json')) {
        io.stdout.write(JSON.stringify({ ...s, embedded: core.embedded }, null, 2) + '\n');
      } else {
        const rows: Array<[string, string]> = [
          ['App version', s.appVersion],
          ['Data directory', s.dataDir],
          ['Database file', s.databaseFile],
          ['Database schema version', String(s.schemaVersion)],
          ['Without a hub in the policy', core.embedded === 'hub' ? 'runs the built-in hub (data in hub/)' : 'runs the single-seat store'],
          ['OS keychain', s.keychain.available ? 'available' : `not available (${s.keychain.problem})`],
        ];
        const w = Math.max(...rows.map(([k]) => k.length));
        for (const [k, v] of rows) io.stdout.write(`${k.padEnd(w)}  ${v}\n`);
        if (s.keychain.advice) io.stdout.write(`\n${s.keychain.advice}\n`);
      }
      return s.keychain.available ? 0 : 1;
    } finally {
      core.close();
    }
  },
};
