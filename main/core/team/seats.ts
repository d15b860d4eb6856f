import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROLE_PERMISSIONS, roleHas, type Permission, type Role, type SessionSlot } from '../auth';
import type { DeviceSigner } from '../connectors/relay-client/link';
import { DiwanError } from '../shared/errors';
import { systemClock, type Clock } from '../shared/ports';
import type { Vault } from '../vault';
import { TeamCache } from './cache';
import { HubClient, type StreamEvent } from './client';
import type { LiveMarker } from './wire';

/** The person signed in at the hub from one console window, with their own masked cache and outbox. */
export interface TeamSeat {
  readonly client: HubClient;
  readonly cache: TeamCache;
  readonly user: { id: number; username: string; displayName: string; role: Role; channels: string[] };
  /** Whether this sign-in passed a second factor (or set one up). */
  secondFactor: boolean;
  /** The policy requires a second factor this person has not set up: until they do, the seat may only set one up. */
  mustEnrol: boolean;
}

export interface TeamConsoleOptions {
  /** The hub as the signed IT policy names it. */
  url: string;
  pin: string;
  device: () => Promise<DeviceSigner>;
  vault: Vault;
  /** Where this console keeps its per-person caches. */
  dataDir: string;
  /** Names the caches of this hub; default a hash of its URL (the embedded hub's port changes at every start). */
  cacheName?: string;
  clock?: Clock;
  /** Frames the hub pushed to a seat (after the cache applied them): the shell tells the renderer what changed. */
  onEvents?: (seat: TeamSeat, events: StreamEvent[]) => void;
  /** Colleagues' live markers the hub pushed to a seat (kept in memory only; the shell tells the renderer). */
  onMarkers?: (seat: TeamSeat, markers: LiveMarker[]) => void;
  reconnect?: { baseMs: number; capMs: number };
  /** Where a failing stream listener is reported (by name only). */
  log?: (line: string) => void;
}

const OUTBOX_KEY = 'team:outbox-key';

/**
 * A console in team mode: sign-in happens at the hub, and each signed-in window (a session slot) gets a seat — a
 * hub client following the event stream into that person's own cache file. Permissions are the core's role table
 * applied to the role the hub reports; the hub checks every call again.
 */
export class TeamConsole {
  private readonly seats = new Map<string, TeamSeat>();
  private readonly pending = new Map<string, HubClient>();
  private readonly clock: Clock;

  constructor(readonly o: TeamConsoleOptions) {
    this.clock = o.clock ?? systemClock;
  }

  get url(): string {
    return this.o.url;
  }

  seat(slot: SessionSlot): TeamSeat | null {
    const seat = slot.sessionId ? this.seats.get(slot.sessionId) : undefined;
    if (!seat) return null;
    if (!seat.client.signedIn) {
      // The hub ended the session (expired, disabled, role changed): the window signs in again.
      this.end(slot);
      return null;
    }
    return seat;
  }

  requireSeat(slot: SessionSlot): TeamSeat {
    const seat = this.seat(slot);
    if (!seat) throw new DiwanError('unauthenticated', 'Sign in to Diwan first.');
    return seat;
  }

  check(slot: SessionSlot, permission: Permission): { code: string; message: string } | null {
    if (permission === 'public') return null;
    const seat = this.seat(slot);
    if (!seat) return { code: 'unauthenticated', message: 'Sign in to Diwan first.' };
    if (permission === 'session' || (!seat.mustEnrol && roleHas(seat.user.role, permission))) return null;
    if (seat.mustEnrol) return { code: 'two_factor_enrolment_required', message: 'Set up two-step sign-in first (Account), as your organisation requires.' };
    return { code: 'forbidden', message: 'Your role does not allow this. Ask your administrator if you need it.' };
  }

  pendingSecondFactor(slot: SessionSlot): boolean {
    return !!slot.pendingSignIn && this.pending.has(slot.pendingSignIn);
  }

  permissions(slot: SessionSlot): Permission[] {
    const seat = this.seat(slot);
    if (!seat) return [];
    return seat.mustEnrol ? ['session'] : [...ROLE_PERMISSIONS[seat.user.role]];
  }

  /**
   * Password first (with the device's proof); a second factor, when the account has one, comes next. A sign-in that
   * must set up its second factor first is signed in with the `session` permission only, as on a single seat.
   */
  async signIn(slot: SessionSlot, username: string, password: string): Promise<'signed_in' | 'second_factor'> {
    this.end(slot);
    const client = new HubClient({ url: this.o.url, pin: this.o.pin, device: await this.o.device(), clock: this.clock, log: this.o.log, ...(this.o.reconnect ? { reconnect: this.o.reconnect } : {}) });
    try {
      const r = await client.signIn(username, password);
      if (r.stage === 'second-factor') {
        const key = crypto.randomBytes(16).toString('base64url');
        this.pending.set(key, client);
        slot.pendingSignIn = key;
        return 'second_factor';
      }
      await this.seatUp(slot, client, false, r.stage === 'enrol');
      return 'signed_in';
    } catch (e) {
      await client.stop();
      throw e;
    }
  }

  async secondFactor(slot: SessionSlot, proof: { code: string } | { recoveryCode: string }): Promise<'signed_in'> {
    const client = slot.pendingSignIn ? this.pending.get(slot.pendingSignIn) : undefined;
    if (!client) throw new DiwanError('no_pending_signin', 'Start again with your username and password.');
    await client.secondFactor(proof);
    this.pending.delete(slot.pendingSignIn!);
    slot.pendingSignIn = null;
    await this.seatUp(slot, client, true);
    return 'signed_in';
  }

  signOut(slot: SessionSlot): void {
    const seat = this.seat(slot);
    if (seat) void seat.client.call('POST', '/v1/sign-out', {}).catch(() => {});
    this.end(slot);
  }

  /** Ends every seat (leaving the office network, locking the screen): each window signs in again. */
  endAll(): void {
    for (const id of [...this.seats.keys()]) this.end({ sessionId: id, pendingSignIn: null });
    for (const [key, client] of this.pending) {
      void client.stop();
      this.pending.delete(key);
    }
  }

  /** The person's second factor is set up (`HubClient.confirmSecondFactor`): a held seat starts following the hub. */
  async enrolled(slot: SessionSlot): Promise<void> {
    const seat = this.requireSeat(slot);
    seat.secondFactor = true;
    if (!seat.mustEnrol) return;
    seat.mustEnrol = false;
    await this.startFollowing(seat);
  }

  private async seatUp(slot: SessionSlot, client: HubClient, secondFactor: boolean, mustEnrol = false): Promise<void> {
    const me = (await client.call('GET', '/v1/me')) as { user: TeamSeat['user'] };
    const cache = new TeamCache(this.cacheFile(me.user.id), await this.outboxKey());
    client.attach(cache);
    const seat: TeamSeat = { client, cache, user: me.user, secondFactor, mustEnrol };
    // Held for its set-up, the seat reads nothing from the hub (which would refuse it) until the second factor exists.
    if (!mustEnrol) await this.startFollowing(seat);
    const id = `team:${crypto.randomBytes(16).toString('base64url')}`;
    this.seats.set(id, seat);
    slot.sessionId = id;
  }

  private async startFollowing(seat: TeamSeat): Promise<void> {
    const { client, cache } = seat;
    const [team, channels] = await Promise.all([client.call('GET', '/v1/team'), client.call('GET', '/v1/channels')]);
    cache.putTeam(team.members as never);
    cache.putChannels(channels.channels as never);
    client.onChange((_kinds, events) => this.o.onEvents?.(seat, events));
    client.onMarkers((markers) => this.o.onMarkers?.(seat, markers));
    client.follow();
  }

  private end(slot: SessionSlot): void {
    const seat = slot.sessionId ? this.seats.get(slot.sessionId) : undefined;
    if (seat) {
      this.seats.delete(slot.sessionId!);
      void seat.client.stop().finally(() => seat.cache.close());
    }
    slot.sessionId = null;
    if (slot.pendingSignIn) {
      void this.pending.get(slot.pendingSignIn)?.stop();
      this.pending.delete(slot.pendingSignIn);
      slot.pendingSignIn = null;
    }
  }

  /** One cache per hub and person: a colleague signing in on this computer never sees another's cached channels. */
  private cacheFile(userId: number): string {
    const hub = this.o.cacheName ?? crypto.createHash('sha256').update(this.o.url).digest('hex').slice(0, 12);
    const dir = path.join(this.o.dataDir, 'team');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return path.join(dir, `${hub}-${userId}.sqlite`);
  }

  private async outboxKey(): Promise<Buffer> {
    let key = await this.o.vault.get(OUTBOX_KEY);
    if (!key) {
      key = crypto.randomBytes(32).toString('base64');
      await this.o.vault.set(OUTBOX_KEY, key);
    }
    return Buffer.from(key, 'base64');
  }

  async close(): Promise<void> {
    this.endAll();
  }
}
