import { DiwanError } from '../../core/shared/errors';
import { secretNames } from '../secrets';
import type { HubStore } from './hub-store';

type Actor = { actor: string; device: string | null };

/** Every name under which a console may have saved a channel's secrets (`channelSecretsOf`). */
const channelSecretNames = (id: string) => [secretNames.token(id), secretNames.appSecret(id), secretNames.verifyToken(id), secretNames.consumerSecret(id)];

/**
 * An administrator removes a channel from a console: in one transaction the channel is switched off and marked removed
 * (the row stays: its conversations refer to it and stay), the secrets consoles saved for it are deleted from
 * `hub_secrets`, and the `channel.updated` event (the node running it stops it) and the audit entry are written.
 * Secrets IT placed in the hub's own store are not the console's to delete; the answer says whether any were.
 */
export class HubChannelRemoval {
  constructor(private readonly store: HubStore) {}

  /** The ids of removed channels, which the Channels tab leaves out. */
  async removedIds(): Promise<Set<string>> {
    return new Set((await this.store.q.all<{ id: string }>('SELECT id FROM channels WHERE removed_at IS NOT NULL')).map((r) => r.id));
  }

  async remove(channelId: string, actor: Actor): Promise<{ conversationsKept: number; secretsDeleted: number }> {
    return this.store.q.tx(async (t) => {
      await t.serializeEvents();
      const c = await t.get<{ kind: string; name: string }>('SELECT kind, name FROM channels WHERE id = ? AND removed_at IS NULL', [channelId]);
      if (!c) throw new DiwanError('channel_unknown', `There is no channel "${channelId}" any more; reload the Channels tab.`);
      await t.run('UPDATE channels SET enabled = 0, removed_at = ?, revision = revision + 1 WHERE id = ?', [this.store.now(), channelId]);
      const names = channelSecretNames(channelId);
      let secretsDeleted = 0;
      for (const name of names) secretsDeleted += (await t.run('DELETE FROM hub_secrets WHERE name = ?', [name])).changes;
      const kept = await t.get<{ n: number | string }>('SELECT count(*) AS n FROM conversations WHERE channel_id = ?', [channelId]);
      const conversationsKept = Number(kept?.n ?? 0);
      await this.store.emit(t, 'channel.updated', 'team', { id: channelId, kind: c.kind, name: c.name, enabled: false, removed: true });
      await this.store.appendAudit(t, { ...actor, action: 'channel.removed', target: `channel:${channelId}`, details: { kind: c.kind, conversationsKept, secretsDeleted } });
      return { conversationsKept, secretsDeleted };
    });
  }
}
