import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE, openCore } from '../../core/app';
import { privateKeyFromPem } from '../../core/policy';
import { DiwanError } from '../../core/shared/errors';
import type { HubConfig, HubSecrets, HubStore } from '../../hub';
import { connectCustodian } from '../../hub/custodian-connect';
import { moveSingleSeatToHub } from '../../hub/move/single-seat';
import { OriginalsSealer } from '../../hub/sealing';
import { exportGrant, requireAdministrator } from '../admin-gate';
import { flagValue, type CliIo } from '../command';

export const IMPORT_USAGE = [
  'diwan hub import --from DATA_DIR --admin NAME --config FILE   move a single-seat install (stopped) onto the hub; the',
  '   single-seat administrator\'s password on stdin (then the 6-digit code); run again to resume, nothing comes twice',
];

interface ImportDeps {
  withStore: <T>(args: string[], io: CliIo, fn: (store: HubStore, config: HubConfig, secrets: HubSecrets) => Promise<T>) => Promise<T>;
  actor: { actor: string; device: null };
}

/**
 * `diwan hub import`: a single-seat administrator signs in to their own install (audited there before anything is
 * read), then its people, channels, labels, canned replies and conversations move onto the hub, originals sealed
 * to the custodian's key on the way (docs/IT-GUIDE.md, "Moving a single-seat install onto a hub").
 */
export async function importSingleSeat(args: string[], io: CliIo, deps: ImportDeps): Promise<number> {
  const from = flagValue(args, '--from');
  if (!from) throw new DiwanError('hub_usage', 'Name the single-seat data directory to move: `diwan hub import --from DIR --admin NAME --config FILE`.');
  if (!fs.existsSync(path.join(from, DATABASE_FILE))) {
    throw new DiwanError('hub_import_no_source', `There is no single-seat Diwan database in ${from} (no ${DATABASE_FILE}). Name the console's data directory (\`diwan status\` on that computer prints it).`);
  }
  const source = await openCore({ dataDir: from, keychainService: io.env.DIWAN_KEYCHAIN_SERVICE, embedded: 'store', recordEmbeddedMode: false });
  try {
    const admin = await requireAdministrator(source, args, io, 'hub import');
    return await deps.withStore(args, io, async (store, config, secrets) => {
      const grantPem = await secrets.get('grant-key');
      if (!grantPem) throw new DiwanError('hub_secret_missing', 'The hub secret "grant-key" is needed to reach the custodian whose key originals are sealed to.');
      const custodian = await connectCustodian(config, secrets, privateKeyFromPem(grantPem, 'The hub secret "grant-key"'), Date.now);
      try {
        const sealer = new OriginalsSealer(config.team, custodian.sealingKey, null);
        const r = await moveSingleSeatToHub(source, exportGrant(source, admin, 'moving this install onto the team hub'), { store, sealer, actor: { actor: `${deps.actor.actor} (single-seat admin ${admin})`, device: null } }, (line) =>
          io.stdout.write(`${line}\n`),
        );
        const lines = [
          `People: ${r.users.created.length} created${r.users.existing.length ? `, ${r.users.existing.length} already at the hub (${r.users.existing.join(', ')})` : ''}. They sign in with their passwords and enrol two-step sign-in again.`,
          `Channels: ${r.channels.created.length} created${r.channels.existing.length ? `, ${r.channels.existing.length} already there` : ''}${r.channels.skipped.map((s) => `; ${s.id} not moved (${s.why})`).join('')}.`,
          `Labels: ${r.labels} new; canned replies: ${r.cannedReplies} new.`,
          `Conversations: ${r.conversations.moved} moved (${r.messages} messages)${r.conversations.alreadyThere ? `, ${r.conversations.alreadyThere} moved before` : ''}.`,
          ...(r.channels.secretsToSet.length ? [`Next: set the hub secrets ${r.channels.secretsToSet.join(', ')} (\`diwan hub secret set NAME\`), then stop these channels on the single-seat console.`] : []),
        ];
        io.stdout.write(lines.join('\n') + '\n');
        return 0;
      } finally {
        await custodian.close();
      }
    });
  } finally {
    try {
      await source.auditTrail.flush();
    } finally {
      source.close();
    }
  }
}
