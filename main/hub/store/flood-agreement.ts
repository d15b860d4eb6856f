import { DiwanError } from '../../core/shared/errors';
import type { SqlExecutor } from './executor';

/** Key of the transaction advisory lock that makes two starting nodes compare their settings one after the other. */
const AGREEMENT_LOCK = 7_241_002;

/**
 * Flood control is shared by every node (buckets, clusters and surge state are rows), but each node reads its limits
 * and thresholds from its own file, so two nodes with different `webhooks.flood` would judge the same rows by different
 * rules. At start a PostgreSQL node writes its settings under its id (`hub_meta`, `node.<id>.webhooks.flood`) and
 * compares them with those of every other node running now — one holding a connection named `diwan-hub-<id>` to this
 * database (the pool a node keeps open; its event poll uses it every second). A difference refuses the start, in words;
 * records of nodes that are not running do not count, so stopping every node, changing every file and starting them
 * again changes the team's values. SQLite runs one node: nothing to compare.
 */
export async function agreeOnFloodSettings(q: SqlExecutor, nodeId: string, flood: unknown): Promise<void> {
  if (q.dialect !== 'postgres') return;
  const mine = canonical(flood);
  await q.tx(async (t) => {
    await t.run('SELECT pg_advisory_xact_lock(?)', [AGREEMENT_LOCK]);
    const running = new Set(
      (await t.all<{ a: string }>("SELECT DISTINCT application_name AS a FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'diwan-hub-%'")).map((r) => r.a),
    );
    const others = await t.all<{ key: string; value: string }>("SELECT key, value FROM hub_meta WHERE key LIKE 'node.%.webhooks.flood' AND key <> ? ORDER BY key", [keyOf(nodeId)]);
    for (const o of others) {
      const id = o.key.slice('node.'.length, -'.webhooks.flood'.length);
      if (!running.has(`diwan-hub-${id}`) || o.value === mine) continue;
      const differs = differences(JSON.parse(mine) as unknown, JSON.parse(o.value) as unknown);
      throw new DiwanError(
        'hub_flood_settings_differ',
        `This node's webhooks.flood differs from that of node "${id}", which is running on the same database (${differs.slice(0, 4).join('; ')}). ` +
          'Every node judges the same shared flood rows, so they must use the same values: give this node the same webhooks.flood, or stop every node, change all their files, then start them.',
      );
    }
    await t.run('INSERT INTO hub_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [keyOf(nodeId), mine]);
  });
}

const keyOf = (nodeId: string) => `node.${nodeId}.webhooks.flood`;

/** JSON with keys in order, so equal settings are equal strings. */
function canonical(v: unknown): string {
  const sort = (x: unknown): unknown =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, sort((x as Record<string, unknown>)[k])])) : x;
  return JSON.stringify(sort(v));
}

/** "collapseAfterCopies is 5 here and 3 there", for each leaf that differs. */
function differences(here: unknown, there: unknown, at = ''): string[] {
  if (here && there && typeof here === 'object' && typeof there === 'object') {
    const keys = [...new Set([...Object.keys(here), ...Object.keys(there)])].sort();
    return keys.flatMap((k) => differences((here as Record<string, unknown>)[k], (there as Record<string, unknown>)[k], at ? `${at}.${k}` : k));
  }
  return JSON.stringify(here) === JSON.stringify(there) ? [] : [`${at || 'the whole setting'} is ${JSON.stringify(here) ?? 'not set'} here and ${JSON.stringify(there) ?? 'not set'} there`];
}
