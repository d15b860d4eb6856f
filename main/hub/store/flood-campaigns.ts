import crypto from 'node:crypto';
import { campaignPrint, collapseReached, MAX_SENDERS_TRACKED, sameCampaign, SurgeDetector, type Fingerprint, type SurgeChange, type SurgeSettings, type SurgeState } from '../../core/guard';
import type { CampaignHooks, FloodMessage } from '../flood';
import type { SqlExecutor } from './executor';

/** Near-duplicate collapse at the hub: how long a campaign's copies count together, and the single seat's surge mode. */
export interface CampaignSettings {
  windowMs: number;
  surge: SurgeSettings;
  /** Copies of one text (from at least two senders) at which collapse starts, outside and in surge mode (`COLLAPSE_AT`). */
  collapseAt?: { copies: number; inSurge: number };
}

interface Cluster {
  id: number | null;
  fp: Fingerprint;
  copies: number;
  senders: string[];
  opened: boolean;
  lastSeen: number;
  touched: boolean;
  /** The platform id of the copy that opened the conversation (null for clusters from before hub migration 23). */
  opener: string | null;
}

/** Rows one statement writes at most. */
const CHUNK = 200;

/**
 * One batch's near-duplicate clusters and surge volume for a channel, read from the team's rows in the intake
 * transaction (under the event lock, so two nodes count one campaign together), decided in memory with the single
 * seat's rules (`core/guard`: SimHash, `sameCampaign`, `collapseReached`, `SurgeDetector`) and written back. Only the
 * clusters that share a SimHash band with one of the batch's messages are read. A sender is kept as a salted hash (it
 * only tells senders apart); a text never.
 */
export class CampaignRound implements CampaignHooks {
  readonly changes: SurgeChange[] = [];
  collapsed = 0;
  /** For each collapsed copy (by index in the batch), its campaign's opener, when known. */
  readonly copyOf = new Map<number, string>();

  private constructor(
    private readonly channelId: string,
    private readonly prints: ReadonlyArray<Fingerprint | null>,
    private readonly ids: ReadonlyArray<string | undefined>,
    private readonly clusters: Cluster[],
    private readonly surge: SurgeDetector,
    private readonly now: number,
    private readonly settings: CampaignSettings,
  ) {}

  static async load(t: SqlExecutor, channelId: string, messages: readonly FloodMessage[], now: number, settings: CampaignSettings): Promise<CampaignRound> {
    const prints = messages.map((m) => campaignPrint(m.text));
    const surge = new SurgeDetector(settings.surge);
    const saved = await t.get<{ state: string }>('SELECT state FROM flood_surge WHERE channel_id = ?', [channelId]);
    if (saved) surge.restore(channelId, JSON.parse(saved.state) as SurgeState);
    const clusters: Cluster[] = [];
    const some = prints.filter((p): p is Fingerprint => p !== null);
    if (some.length) {
      // Two prints within MAX_DISTANCE bits share one of the eight bytes exactly (the single seat's band index).
      const byteSets = Array.from({ length: 8 }, (_, i) => [...new Set(some.map((p) => byteOf(p, i)))]);
      const bands = byteSets.map((vals, i) => `((${i < 4 ? 'fp_hi' : 'fp_lo'} / ${2 ** ((i % 4) * 8)}) % 256) IN (${vals.join(', ')})`).join(' OR ');
      const rows = await t.all<{ id: number | string; fp_hi: number | string; fp_lo: number | string; copies: number | string; senders: string; opened: number | string; last_seen: number | string; opener: string | null }>(
        `SELECT id, fp_hi, fp_lo, copies, senders, opened, last_seen, opener FROM flood_clusters WHERE channel_id = ? AND last_seen >= ? AND (${bands}) ORDER BY id`,
        [channelId, now - settings.windowMs],
      );
      for (const r of rows) {
        clusters.push({ id: Number(r.id), fp: { hi: Number(r.fp_hi), lo: Number(r.fp_lo) }, copies: Number(r.copies), senders: JSON.parse(r.senders) as string[], opened: Number(r.opened) === 1, lastSeen: Number(r.last_seen), touched: false, opener: r.opener });
      }
    }
    return new CampaignRound(channelId, prints, messages.map((m) => m.platformMessageId), clusters, surge, now, settings);
  }

  arrive(): void {
    const c = this.surge.record(this.channelId, this.now);
    if (c) this.changes.push(c);
  }

  collapses(index: number, sender: string): boolean {
    const fp = this.prints[index];
    if (!fp) return false;
    let c = this.clusters.find((x) => this.now - x.lastSeen <= this.settings.windowMs && sameCampaign(x.fp, fp));
    if (!c) this.clusters.push((c = { id: null, fp, copies: 0, senders: [], opened: false, lastSeen: this.now, touched: true, opener: null }));
    c.copies++;
    c.lastSeen = this.now;
    c.touched = true;
    const who = crypto.createHash('sha256').update(`diwan-campaign\n${this.channelId}\n${sender}`).digest('base64url').slice(0, 16);
    if (c.senders.length < MAX_SENDERS_TRACKED && !c.senders.includes(who)) c.senders.push(who);
    if (!collapseReached(c.copies, c.senders.length, this.surge.inSurge(this.channelId), this.settings.collapseAt)) return false;
    if (!c.opened) {
      c.opened = true; // the first collapsed copy is stored: it opens the conversation the team answers
      c.opener = this.ids[index] ?? null;
      return false;
    }
    this.collapsed++;
    if (c.opener !== null) this.copyOf.set(index, c.opener);
    return true;
  }

  async save(t: SqlExecutor): Promise<void> {
    const state = this.surge.snapshot(this.channelId);
    if (state) await t.run('INSERT INTO flood_surge (channel_id, state) VALUES (?, ?) ON CONFLICT (channel_id) DO UPDATE SET state = excluded.state', [this.channelId, JSON.stringify(state)]);
    const row = (c: Cluster) => [this.channelId, c.fp.hi, c.fp.lo, c.copies, JSON.stringify(c.senders), c.opened ? 1 : 0, c.lastSeen, c.opener];
    const known = this.clusters.filter((c) => c.touched && c.id !== null);
    const fresh = this.clusters.filter((c) => c.id === null);
    for (let i = 0; i < known.length; i += CHUNK) {
      const part = known.slice(i, i + CHUNK);
      await t.run(
        `INSERT INTO flood_clusters (id, channel_id, fp_hi, fp_lo, copies, senders, opened, last_seen, opener) VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT (id) DO UPDATE SET copies = excluded.copies, senders = excluded.senders, opened = excluded.opened, last_seen = excluded.last_seen, opener = excluded.opener`,
        part.flatMap((c) => [c.id, ...row(c)]),
      );
    }
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const part = fresh.slice(i, i + CHUNK);
      await t.run(`INSERT INTO flood_clusters (channel_id, fp_hi, fp_lo, copies, senders, opened, last_seen, opener) VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`, part.flatMap(row));
    }
  }
}

function byteOf(fp: Fingerprint, i: number): number {
  return ((i < 4 ? fp.hi : fp.lo) >>> ((i % 4) * 8)) & 0xff;
}
