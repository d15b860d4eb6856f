import { DiwanError } from '../../core/shared/errors';
import type { HubStore } from './hub-store';
import type { Actor, HubChannel } from './types';

/** A channel's health in the console's terms, as the node running it last reported it. */
export interface ChannelHealthView {
  state: 'ok' | 'degraded' | 'down' | 'unknown';
  detail?: string;
  checkedAt: number | null;
}

export interface ChannelHealthRow extends ChannelHealthView {
  channelId: string;
  node: string;
}

/** A secret to keep, sealed by the caller (`OriginalsSealer.sealSecret`) for its name. */
export interface SealedSecret {
  name: string;
  sealed: Buffer;
}

/**
 * Channels an administrator sets up from a console, and their health. A save writes the channel (its revision moves
 * on, so the node running it restarts it), the credentials' sealed values, the `channel.updated` event and the audit
 * entry (the credential names, never a value) in one transaction. Health reports are written only when the state or
 * its words change, each with a `channel.health` event for the consoles.
 */
export class HubChannelSetup {
  constructor(private readonly store: HubStore) {}

  async save(c: HubChannel, secrets: SealedSecret[], actor: Actor): Promise<{ created: boolean; revision: number }> {
    return this.store.q.tx(async (t) => {
      await t.serializeEvents();
      const before = await t.get<{ kind: string; revision: number }>('SELECT kind, revision FROM channels WHERE id = ?', [c.id]);
      if (before && before.kind !== c.kind) {
        throw new DiwanError('channel_kind_fixed', `The channel "${c.id}" is a ${before.kind} channel; a channel keeps its kind. Add a new channel for ${c.kind}.`);
      }
      const revision = (before?.revision ?? 0) + 1;
      await t.run(
        'INSERT INTO channels (id, kind, name, config, enabled, revision) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, config = excluded.config, enabled = excluded.enabled, revision = excluded.revision, removed_at = NULL',
        [c.id, c.kind, c.name, JSON.stringify(c.config), c.enabled ? 1 : 0, revision],
      );
      for (const s of secrets) {
        await t.run(
          'INSERT INTO hub_secrets (name, sealed, updated_at, updated_by) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at, updated_by = excluded.updated_by',
          [s.name, s.sealed, this.store.now(), actor.actor],
        );
      }
      await this.store.emit(t, 'channel.updated', 'team', { id: c.id, kind: c.kind, name: c.name, enabled: c.enabled });
      await this.store.appendAudit(t, {
        ...actor,
        action: 'channel.saved',
        target: `channel:${c.id}`,
        details: { kind: c.kind, enabled: c.enabled, created: !before, ...(secrets.length ? { secrets: secrets.map((s) => s.name).sort() } : {}) },
      });
      return { created: !before, revision };
    });
  }

  /**
   * A secret a channel's connector rotated itself (X's refresh token): kept like the administrator's, audited by name.
   * With `expect`, a compare-and-set: the stored secret (null when only IT's store has it) is read under a row lock and
   * must still be the one the connector refreshed from, so a node that lost the channel's lease never writes a spent
   * refresh token over the newer one another node saved (`hub_secret_rotated_elsewhere`, nothing written).
   */
  async rotateSecret(secret: SealedSecret, actor: Actor, expect?: (stored: Buffer | null) => Promise<boolean>): Promise<void> {
    await this.store.q.tx(async (t) => {
      if (expect) {
        const row = await t.get<{ sealed: Buffer }>(`SELECT sealed FROM hub_secrets WHERE name = ?${t.dialect === 'postgres' ? ' FOR UPDATE' : ''}`, [secret.name]);
        if (!(await expect(row ? Buffer.from(row.sealed) : null))) {
          throw new DiwanError('hub_secret_rotated_elsewhere', `Another hub node saved a newer ${secret.name} first; this node keeps that one and does not overwrite it.`);
        }
      }
      await t.run(
        'INSERT INTO hub_secrets (name, sealed, updated_at, updated_by) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at, updated_by = excluded.updated_by',
        [secret.name, secret.sealed, this.store.now(), actor.actor],
      );
      await this.store.appendAudit(t, { ...actor, action: 'hub.secret_rotated', target: `secret:${secret.name}` });
    });
  }

  async sealedSecret(name: string): Promise<Buffer | null> {
    const r = await this.store.q.get<{ sealed: Buffer }>('SELECT sealed FROM hub_secrets WHERE name = ?', [name]);
    return r ? Buffer.from(r.sealed) : null;
  }

  /** Each channel's revision: a node restarts a channel it runs when this moves on. */
  async revisions(): Promise<Map<string, number>> {
    const rows = await this.store.q.all<{ id: string; revision: number }>('SELECT id, revision FROM channels');
    return new Map(rows.map((r) => [r.id, r.revision]));
  }

  /** Records what the node running a channel sees; false (and nothing written) when the state and words are unchanged. */
  async reportHealth(channelId: string, h: ChannelHealthView, node: string): Promise<boolean> {
    return this.store.q.tx(async (t) => {
      const before = await t.get<{ state: string; detail: string | null }>('SELECT state, detail FROM channel_health WHERE channel_id = ?', [channelId]);
      if (before && before.state === h.state && (before.detail ?? undefined) === h.detail) return false;
      const at = h.checkedAt ?? this.store.now();
      await t.run(
        'INSERT INTO channel_health (channel_id, state, detail, node, checked_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel_id) DO UPDATE SET state = excluded.state, detail = excluded.detail, node = excluded.node, checked_at = excluded.checked_at',
        [channelId, h.state, h.detail ?? null, node, at],
      );
      await this.store.emit(t, 'channel.health', 'team', { channelId, state: h.state, ...(h.detail ? { detail: h.detail } : {}), checkedAt: at, node }, { channelId });
      return true;
    });
  }

  async health(): Promise<Map<string, ChannelHealthRow>> {
    const rows = await this.store.q.all<{ channel_id: string; state: ChannelHealthView['state']; detail: string | null; node: string; checked_at: number }>('SELECT * FROM channel_health');
    return new Map(rows.map((r) => [r.channel_id, { channelId: r.channel_id, state: r.state, ...(r.detail ? { detail: r.detail } : {}), checkedAt: r.checked_at, node: r.node }]));
  }
}
