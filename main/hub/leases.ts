import pg from 'pg';

/**
 * Each channel runs on one node of the team at a time. On PostgreSQL the lease is a session advisory lock held on a
 * dedicated connection: when the node dies, its connection drops and PostgreSQL frees the lock, so another node's
 * next attempt takes it. The embedded SQLite hub is one process and holds every lease.
 */
export interface ChannelLeases {
  tryAcquire(channelId: string): Promise<boolean>;
  release(channelId: string): Promise<void>;
  held(): string[];
  /** Called once when every lease was lost at once (the lease connection broke). */
  onLost(listener: () => void): void;
  close(): Promise<void>;
}

export function localLeases(): ChannelLeases {
  const held = new Set<string>();
  return {
    tryAcquire: async (id) => (held.add(id), true),
    release: async (id) => void held.delete(id),
    held: () => [...held],
    onLost: () => {},
    close: async () => held.clear(),
  };
}

export function postgresLeases(connectionString: string, log: (event: string, detail?: string) => void): ChannelLeases {
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  const held = new Set<string>();
  const lost = new Set<() => void>();
  const key = (id: string) => `diwan-channel:${id}`;

  const drop = (why: string) => {
    if (!client) return;
    client = null;
    if (held.size) {
      log('lease.lost', `${held.size} channel lease(s): ${why}`);
      held.clear();
      for (const l of lost) l();
    }
  };

  const connect = async (): Promise<pg.Client> => {
    if (client) return client;
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString, application_name: 'diwan-hub-leases', connectionTimeoutMillis: 5_000, keepAlive: true });
      c.on('error', (e) => drop((e as Error).message));
      c.on('end', () => drop('connection ended'));
      await c.connect();
      client = c;
      return c;
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  };

  return {
    async tryAcquire(id) {
      if (held.has(id)) return true;
      const c = await connect();
      const r = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [key(id)]);
      if (r.rows[0]?.ok) held.add(id);
      return held.has(id);
    },
    async release(id) {
      if (!held.delete(id) || !client) return;
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key(id)]).catch(() => {});
    },
    held: () => [...held],
    onLost: (l) => void lost.add(l),
    async close() {
      const c = client;
      client = null;
      held.clear();
      await c?.end().catch(() => {});
    },
  };
}
