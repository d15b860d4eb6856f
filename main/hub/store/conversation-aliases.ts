import type { SqlExecutor, SqlValue } from './executor';
import { chunks, inList, valuesList } from './sql-rows';
import type { PreparedMessage } from './types';

/**
 * The hub's alias table (`conversation_aliases`, migration 11), the same rule as the console's store: a message joins
 * the conversation keyed by its own id, else the one its id or any of its `aliases` already leads to (an earlier
 * conversation key or alias, in the database or earlier in the batch), else a new one under its own id. Two
 * conversations that turn out to be one customer's are never merged silently: the first match wins.
 */
export async function placeByAlias(t: SqlExecutor, channelId: string, fresh: readonly PreparedMessage[]): Promise<PreparedMessage[]> {
  const rows: AliasRow[] = [];
  for (const part of chunks(aliasIds(fresh))) {
    const q = aliasLookup(channelId, part);
    rows.push(...(await t.all<AliasRow>(q.sql, q.params)));
  }
  return placeFrom(rows, fresh);
}

/** Where one id leads: `alias` null for a conversation's own key `k`, else an alias of the conversation keyed `k`. */
export interface AliasRow {
  alias: string | null;
  k: string;
}

/** The ids whose place the messages' placement needs: each message's conversation id and its aliases. */
export function aliasIds(messages: readonly PreparedMessage[]): string[] {
  return [...new Set(messages.flatMap((m) => [m.platformConversationId, ...(m.aliases ?? [])]))];
}

/**
 * Keys and aliases among `ids` in one statement; a key wins over an alias of the same id. `lead` puts columns before
 * `alias, k` (NULLs) so ingest can read these rows in the same round trip as its duplicate check. On PostgreSQL
 * (`dialect`) the ids go as one array parameter, whatever their number.
 */
export function aliasLookup(channelId: string, ids: readonly string[], lead = '', dialect: SqlExecutor['dialect'] = 'sqlite'): { sql: string; params: SqlValue[] } {
  const among = dialect === 'postgres' ? '= ANY(CAST(? AS TEXT[]))' : `IN (${inList(ids.length)})`;
  const list: SqlValue[] = dialect === 'postgres' ? [ids] : [...ids];
  return {
    sql: `SELECT ${lead}NULL AS alias, platform_conversation_id AS k FROM conversations WHERE channel_id = ? AND platform_conversation_id ${among}
       UNION ALL
       SELECT ${lead}a.alias, c.platform_conversation_id FROM conversation_aliases a JOIN conversations c ON c.id = a.conversation_id
         WHERE a.channel_id = ? AND a.alias ${among}`,
    params: [channelId, ...list, channelId, ...list],
  };
}

/** Places each message by the rows `aliasLookup` read for (at least) `aliasIds(fresh)`. */
export function placeFrom(rows: readonly AliasRow[], fresh: readonly PreparedMessage[]): PreparedMessage[] {
  const leadsTo = new Map<string, string>();
  for (const r of rows) if (r.alias === null) leadsTo.set(r.k, r.k);
  for (const r of rows) if (r.alias !== null && !leadsTo.has(r.alias)) leadsTo.set(r.alias, r.k);
  return fresh.map((m) => {
    const own = [m.platformConversationId, ...(m.aliases ?? [])];
    const key = own.map((id) => leadsTo.get(id)).find((k) => k !== undefined) ?? m.platformConversationId;
    for (const id of own) if (!leadsTo.has(id)) leadsTo.set(id, key);
    // Later in the batch, the new number's messages belong here too (the move re-keys the conversation after).
    if (m.movesTo && !leadsTo.has(m.movesTo)) leadsTo.set(m.movesTo, key);
    return key === m.platformConversationId ? m : { ...m, platformConversationId: key, aliases: [...own.filter((id) => id !== key)] };
  });
}

/** Records each message's other ids as aliases of the conversation it was placed in (an alias already taken stays). */
export async function recordAliases(t: SqlExecutor, channelId: string, placed: readonly PreparedMessage[], conversationOf: (m: PreparedMessage) => number, at: number): Promise<void> {
  const rows = new Map<string, number>();
  for (const m of placed) for (const a of m.aliases ?? []) if (a !== m.platformConversationId && !rows.has(a)) rows.set(a, conversationOf(m));
  for (const part of chunks([...rows.entries()])) {
    await t.run(
      `INSERT INTO conversation_aliases (channel_id, alias, conversation_id, created_at) VALUES ${valuesList(part.length, '(?, ?, ?, ?)')}
         ON CONFLICT (channel_id, alias) DO NOTHING`,
      part.flatMap(([alias, id]) => [channelId, alias, id, at]),
    );
  }
}

/**
 * A number change (`movesTo`): the conversation is re-keyed to the new id, so replies go to it, and the old id becomes
 * an alias, so a late message from it still joins. Refused (nothing changes) when the new id already has a
 * conversation of its own. Returns the ids of the conversations moved, for the audit trail.
 */
export async function applyMoves(t: SqlExecutor, channelId: string, placed: readonly PreparedMessage[], conversationOf: (m: PreparedMessage) => number, at: number): Promise<number[]> {
  const moved: number[] = [];
  for (const m of placed) {
    if (!m.movesTo || m.movesTo === m.platformConversationId) continue;
    const id = conversationOf(m);
    const taken = await t.get<{ id: number }>('SELECT id FROM conversations WHERE channel_id = ? AND platform_conversation_id = ?', [channelId, m.movesTo]);
    if (taken) continue;
    const from = await t.get<{ k: string }>('SELECT platform_conversation_id AS k FROM conversations WHERE id = ?', [id]);
    await t.run('UPDATE conversations SET platform_conversation_id = ? WHERE id = ?', [m.movesTo, id]);
    await t.run('INSERT INTO conversation_aliases (channel_id, alias, conversation_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (channel_id, alias) DO NOTHING', [channelId, from!.k, id, at]);
    // A new number that was already an alias of this conversation is its key now.
    await t.run('DELETE FROM conversation_aliases WHERE channel_id = ? AND alias = ?', [channelId, m.movesTo]);
    moved.push(id);
  }
  return moved;
}
