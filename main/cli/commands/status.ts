import fs from 'node:fs';
import type { Core } from '../../core/app';
import { relayNotConfigured } from '../../core/connectors/relay-client';
import { HubStore, sqliteExecutor } from '../../hub/store';
import { hasFlag, type CliIo, type Command } from '../command';
import { embeddedHubDatabaseOf, openCoreFor } from '../context';

export const statusCommand: Command = {
  name: 'status',
  summary: 'what the status screen shows: version, data directory, schema version, keychain, relay channels',
  usage: 'diwan status [--json] [--data-dir DIR]   (DIWAN_EMBEDDED=hub|store sets the folder\'s mode)',
  async run(args, io) {
    const core = await openCoreFor(args, io);
    try {
      const s = await core.status();
      const relay = await relayChannels(core, args, io);
      if (hasFlag(args, '--json')) {
        io.stdout.write(JSON.stringify({ ...s, embedded: core.embedded, relay }, null, 2) + '\n');
      } else {
        const rows: Array<[string, string]> = [
          ['App version', s.appVersion],
          ['Data directory', s.dataDir],
          ['Database file', s.databaseFile],
          ['Database schema version', String(s.schemaVersion)],
          ['Without a hub in the policy', core.embedded === 'hub' ? 'runs the built-in hub (data in hub/)' : 'runs the single-seat store'],
          ['OS keychain', s.keychain.available ? 'available' : `not available (${s.keychain.problem})`],
        ];
        if (relay.channels.length) {
          rows.push(['Relay channels', `${relay.channels.join(', ')} ${relay.url ? `through ${relay.url}` : '(the policy names no relay)'}`]);
        }
        const w = Math.max(...rows.map(([k]) => k.length));
        for (const [k, v] of rows) io.stdout.write(`${k.padEnd(w)}  ${v}\n`);
        if (s.keychain.advice) io.stdout.write(`\n${s.keychain.advice}\n`);
        for (const p of relay.problems) io.stdout.write(`\n${p}\n`);
      }
      return s.keychain.available && relay.problems.length === 0 ? 0 : 1;
    } finally {
      core.close();
    }
  },
};

/**
 * The enabled channels set to go through the relay (`settings.via = "relay"`): the single-seat store's, or in hub
 * mode the embedded hub's (its database read, the hub not started), each with the refusal the runtime gives while the
 * signed policy names no relay.
 */
async function relayChannels(core: Core, args: string[], io: CliIo): Promise<{ url: string | null; channels: string[]; problems: string[] }> {
  let channels: string[];
  const hubDatabase = embeddedHubDatabaseOf(args, io);
  if (hubDatabase) {
    channels = [];
    if (fs.existsSync(hubDatabase)) {
      const q = sqliteExecutor(hubDatabase);
      try {
        const all = await new HubStore(q, () => Date.now()).channels();
        channels = all.filter((c) => c.enabled && (c.config.settings as Record<string, unknown> | undefined)?.via === 'relay').map((c) => c.id);
      } finally {
        await q.close();
      }
    }
  } else {
    channels = core.store.channels.list().filter((c) => c.enabled && c.removedAt === null && c.config.via === 'relay').map((c) => c.id);
  }
  const url = core.relay()?.url ?? null;
  return { url, channels, problems: url ? [] : channels.map((id) => relayNotConfigured(id).message) };
}
