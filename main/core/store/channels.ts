import { DiwanError } from '../shared/errors';
import type { StoreContext } from './context';
import { looksLikeSecretName } from '../shared/secret-names';
import { cachedStatement } from './statement-cache';

export type RetentionMode = 'keep' | 'originals' | 'all';

export interface Channel {
  id: string;
  kind: string;
  name: string;
  config: Record<string, unknown>;
  enabled: boolean;
  retention: { mode: RetentionMode; days: number | null };
  createdAt: number;
  /** When an administrator removed it (its conversations stay; it no longer runs), or null. */
  removedAt: number | null;
}

interface ChannelRow {
  id: string;
  kind: string;
  name: string;
  config: string;
  enabled: number;
  retention_mode: RetentionMode;
  retention_days: number | null;
  created_at: number;
  removed_at: number | null;
}

/** Keys that look like credentials: those belong in the keychain (`Vault.setChannelToken`), never in the database. */
const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Channel configuration: names, kinds, options, retention. Never a secret. */
export class ChannelRepository {
  constructor(private readonly ctx: StoreContext) {}

  create(input: { id: string; kind: string; name: string; config?: Record<string, unknown> }): Channel {
    if (!ID.test(input.id)) {
      throw new DiwanError('channel_bad_id', 'A channel id is 1 to 64 lower-case letters, digits, "-" or "_", starting with a letter or digit.');
    }
    const config = JSON.stringify(checkConfig(input.config ?? {}));
    try {
      cachedStatement(this.ctx.db, 'INSERT INTO channels (id, kind, name, config, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(input.id, input.kind, input.name, config, this.ctx.clock.now());
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new DiwanError('channel_exists', `A channel with the id "${input.id}" already exists.`);
      }
      throw e;
    }
    return this.get(input.id);
  }

  get(id: string): Channel {
    const row = cachedStatement(this.ctx.db, 'SELECT * FROM channels WHERE id = ?').get(id) as ChannelRow | undefined;
    if (!row) throw unknownChannel(id);
    return toChannel(row);
  }

  list(): Channel[] {
    return (cachedStatement(this.ctx.db, 'SELECT * FROM channels ORDER BY id').all() as ChannelRow[]).map(toChannel);
  }

  updateConfig(id: string, config: Record<string, unknown>): Channel {
    const r = cachedStatement(this.ctx.db, 'UPDATE channels SET config = ? WHERE id = ?').run(JSON.stringify(checkConfig(config)), id);
    if (!r.changes) throw unknownChannel(id);
    return this.get(id);
  }

  /**
   * Removes a channel from use and keeps its conversations: the row stays (they refer to it), disabled and marked
   * removed. Returns how many conversations it keeps.
   */
  markRemoved(id: string): { conversations: number } {
    return this.ctx.db.transaction(() => {
      if (!cachedStatement(this.ctx.db, 'UPDATE channels SET enabled = 0, removed_at = ? WHERE id = ?').run(this.ctx.clock.now(), id).changes) throw unknownChannel(id);
      return { conversations: Number(cachedStatement(this.ctx.db, 'SELECT count(*) FROM conversations WHERE channel_id = ?', 'pluck').get(id)) };
    })();
  }

  /** A removed channel set up again under its id: in use again, with the configuration given. */
  restore(id: string, input: { kind: string; name: string; config?: Record<string, unknown> }): Channel {
    const config = JSON.stringify(checkConfig(input.config ?? {}));
    const r = cachedStatement(this.ctx.db, 'UPDATE channels SET kind = ?, name = ?, config = ?, enabled = 1, removed_at = NULL WHERE id = ? AND removed_at IS NOT NULL').run(input.kind, input.name, config, id);
    if (!r.changes) throw unknownChannel(id);
    return this.get(id);
  }

  setEnabled(id: string, enabled: boolean): void {
    if (!cachedStatement(this.ctx.db, 'UPDATE channels SET enabled = ? WHERE id = ?').run(enabled ? 1 : 0, id).changes) throw unknownChannel(id);
  }

  /** `originals`: originals deleted after `days`, masked transcript kept; `all`: everything deleted after `days`. */
  setRetention(id: string, mode: RetentionMode, days: number | null): Channel {
    if (mode !== 'keep' && (days === null || !Number.isInteger(days) || days < 1)) {
      throw new DiwanError('retention_bad_days', 'A retention period is a whole number of days, at least 1.');
    }
    const r = cachedStatement(this.ctx.db, 'UPDATE channels SET retention_mode = ?, retention_days = ? WHERE id = ?')
      .run(mode, mode === 'keep' ? null : days, id);
    if (!r.changes) throw unknownChannel(id);
    return this.get(id);
  }
}

export function unknownChannel(id: string): DiwanError {
  return new DiwanError('channel_unknown', `There is no channel "${id}". Add the channel before using it.`);
}

function checkConfig(config: Record<string, unknown>): Record<string, unknown> {
  const walk = (v: unknown, path: string): void => {
    if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (looksLikeSecretName(k)) {
          throw new DiwanError(
            'channel_config_secret',
            `Channel configuration may not hold "${path}${k}": credentials go to the OS keychain, never the database.`,
          );
        }
        walk(x, `${path}${k}.`);
      }
    }
  };
  walk(config, '');
  return config;
}

function toChannel(r: ChannelRow): Channel {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    config: JSON.parse(r.config) as Record<string, unknown>,
    enabled: r.enabled === 1,
    retention: { mode: r.retention_mode, days: r.retention_days },
    createdAt: r.created_at,
    removedAt: r.removed_at ?? null,
  };
}
