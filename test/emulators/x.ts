import { FaultPlan, json, listen, playFault, type Exchange, type LoopbackServer } from './server';

/** A DM event as X lists it: `MessageCreate`, `ParticipantsJoin`, `ParticipantsLeave`… (fixtures may be malformed on purpose). */
interface XEvent {
  id: string;
  event_type: string;
  text?: string;
  sender_id?: string;
  dm_conversation_id?: string;
  created_at?: string;
  participant_ids?: string[];
  attachments?: { media_keys?: string[] };
}

/**
 * X API v2 direct messages on 127.0.0.1 (platform-apis.md §4): `dm_events` newest first with `next_token`, the
 * `x-rate-limit-*` headers and 429 at zero remaining, sends answering 201 (and appearing in `dm_events` as the
 * account's own events), `users/me`, and an OAuth 2.0 token endpoint that rotates refresh tokens.
 */
export class XEmulator {
  readonly faults = new FaultPlan();
  readonly me = { id: '1100000009', username: 'acme' };
  readonly clientId = 'client-abc';
  events: XEvent[] = [];
  sent: Array<{ participant: string; text: string; id: string }> = [];
  accessTokens = new Set<string>();
  refreshTokens = new Set<string>();
  calls: Array<{ route: string; at: number; status: number }> = [];
  /** Where each `dm_events` page served began (0 for the newest; a walk from no cursor reaches the oldest). */
  listedFrom: number[] = [];
  /** A send's answer waits until `dm_events` has listed the sent message (X is not ordered either). */
  answerSendsAfterListing = false;
  private unanswered: Array<() => void> = [];
  pageSize = 100;
  /** Per 15-minute window for dm_events; the reset is `resetAt` (unix seconds). */
  limit = { limit: 300, remaining: 300, resetAt: 0 };
  partialErrorsNext = false;
  /** The next dm_events answer is a 200 carrying only `errors` (no `data`), as X sends for some request problems. */
  errorsOnlyNext = false;
  /** Media objects, served in `includes.media` for the events of a page that reference them. */
  media: Array<{ media_key: string } & Record<string, unknown>> = [];
  /** The emulator's clock (tests give it the runtime's fast clock). */
  now: () => number = () => Date.now();
  private seq = 1_880_000_000_000_000_001n;
  private issued = 0;
  private tokenTag = '';
  private server!: LoopbackServer;

  /** `tokenTag` keeps this emulator's tokens apart from other tests' (which register theirs with the leak scan). */
  static async start(o: { tokenTag?: string } = {}): Promise<XEmulator> {
    const e = new XEmulator();
    e.tokenTag = o.tokenTag ?? '';
    e.server = await listen((x) => e.handle(x));
    return e;
  }

  get url(): string {
    return this.server.url;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  /** A token pair as the app's OAuth flow would have stored it. */
  issue(): { accessToken: string; refreshToken: string } {
    const n = ++this.issued;
    const pair = { accessToken: `x-access-${this.tokenTag}${n}-${'a'.repeat(20)}`, refreshToken: `x-refresh-${this.tokenTag}${n}-${'r'.repeat(20)}` };
    this.accessTokens.add(pair.accessToken);
    this.refreshTokens.add(pair.refreshToken);
    return pair;
  }

  /** Any event as X would list it (newest first), with the media objects it references. */
  addRaw(event: Record<string, unknown>, media: Array<{ media_key: string } & Record<string, unknown>> = []): void {
    this.events.unshift(event as unknown as XEvent);
    this.media.push(...media);
  }

  addInbound(senderId: string, text: string): string {
    return this.addEvent(senderId, text, pairId(senderId, this.me.id));
  }

  /** A DM the account itself wrote (in X's app, or a reply Diwan sent), as `dm_events` lists it. */
  addOwn(recipientId: string, text: string): string {
    return this.addEvent(this.me.id, text, pairId(recipientId, this.me.id));
  }

  private addEvent(sender: string, text: string, conv: string): string {
    const id = (this.seq++).toString();
    this.events.unshift({ id, event_type: 'MessageCreate', text, sender_id: sender, dm_conversation_id: conv, created_at: new Date(this.now()).toISOString() });
    return id;
  }

  /** DM media served like `ton.twitter.com`: only with the user's bearer token. */
  readonly dmMedia = new Map<string, { content: Buffer; mimeType: string }>();

  private handle(x: Exchange): void {
    const path = x.url.pathname;
    const route =
      path === '/2/oauth2/token' ? 'token' : path === '/2/users/me' ? 'me' : path === '/2/dm_events' ? 'dm_events' : /^\/2\/dm_conversations\//.test(path) ? 'send' : 'unknown';
    const done = (status: number) => void this.calls.push({ route, at: this.now(), status });
    const fault = this.faults.take(route);
    if (playFault(fault, x)) return done(fault?.kind === 'status' ? fault.status : 0);
    if (route === 'token') return done(this.token(x));
    const auth = /^Bearer (.+)$/.exec(x.req.headers.authorization ?? '')?.[1];
    if (!auth || !this.accessTokens.has(auth)) {
      done(401);
      return json(x.res, 401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
    }
    const media = /^\/1\.1\/ton\/data\/dm\/([\w.-]+)$/.exec(path);
    if (media) {
      const f = this.dmMedia.get(media[1]!);
      done(f ? 200 : 404);
      if (!f) return json(x.res, 404, { errors: [{ code: 34, message: 'Sorry, that page does not exist.' }] });
      x.res.writeHead(200, { 'content-type': f.mimeType, 'content-length': f.content.length });
      x.res.end(f.content);
      return;
    }
    if (route === 'me') {
      done(200);
      return json(x.res, 200, { data: this.me });
    }
    if (route === 'dm_events') return done(this.dmEvents(x));
    if (route === 'send') return done(this.send(x, fault?.kind === 'drop-after'));
    done(404);
    json(x.res, 404, { title: 'Not Found', status: 404, detail: 'Not Found' });
  }

  private rateHeaders(): Record<string, string> {
    return {
      'x-rate-limit-limit': String(this.limit.limit),
      'x-rate-limit-remaining': String(this.limit.remaining),
      'x-rate-limit-reset': String(this.limit.resetAt),
    };
  }

  private dmEvents(x: Exchange): number {
    const nowS = Math.floor(this.now() / 1000);
    if (this.limit.remaining <= 0 && nowS < this.limit.resetAt) {
      json(x.res, 429, { title: 'Too Many Requests', type: 'about:blank', status: 429, detail: 'Too Many Requests' }, this.rateHeaders());
      return 429;
    }
    if (this.limit.remaining <= 0) this.limit.remaining = this.limit.limit;
    this.limit.remaining--;
    if (this.errorsOnlyNext) {
      this.errorsOnlyNext = false;
      json(x.res, 200, { errors: [{ title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' }], meta: { result_count: 0 } }, this.rateHeaders());
      return 200;
    }
    const start = Number(/^tok(\d+)$/.exec(String(x.params.pagination_token ?? ''))?.[1] ?? 0);
    const max = Math.min(this.pageSize, Number(x.params.max_results ?? 100));
    this.listedFrom.push(start);
    const page = this.events.slice(start, start + max);
    const next = start + max < this.events.length ? `tok${start + max}` : undefined;
    const ids = page.flatMap((e) => [...(e.sender_id ? [e.sender_id] : []), ...(e.participant_ids ?? [])]);
    const users = [...new Set(ids)].map((id) => ({ id, name: `User ${id}`, username: `user${id}` }));
    const keys = new Set(page.flatMap((e) => e.attachments?.media_keys ?? []));
    const media = this.media.filter((m) => keys.has(m.media_key));
    const body: Record<string, unknown> = {
      data: page,
      includes: { users, ...(media.length ? { media } : {}) },
      meta: { result_count: page.length, ...(next ? { next_token: next } : {}) },
    };
    if (this.partialErrorsNext) {
      this.partialErrorsNext = false;
      body.errors = [{ value: '999', detail: 'Could not find user with id: [999].', title: 'Not Found Error', type: 'https://api.twitter.com/2/problems/resource-not-found' }];
    }
    json(x.res, 200, body, this.rateHeaders());
    for (const answer of this.unanswered.splice(0)) answer();
    return 200;
  }

  private send(x: Exchange, dropAfter: boolean): number {
    const m = /^\/2\/dm_conversations\/with\/(\d+)\/messages$/.exec(x.url.pathname);
    if (!m) {
      json(x.res, 404, { title: 'Not Found', status: 404, detail: 'Not Found' });
      return 404;
    }
    const text = String(x.params.text ?? '');
    if (m[1] === '4030000000') {
      json(x.res, 403, { title: 'Forbidden', type: 'about:blank', status: 403, detail: 'You are not permitted to send a message to this user' });
      return 403;
    }
    const conv = pairId(m[1]!, this.me.id);
    const id = this.addEvent(this.me.id, text, conv);
    this.sent.push({ participant: m[1]!, text, id });
    if (dropAfter) {
      x.req.socket.destroy();
      return 0;
    }
    const answer = () => json(x.res, 201, { data: { dm_conversation_id: conv, dm_event_id: id } });
    if (this.answerSendsAfterListing) this.unanswered.push(answer);
    else answer();
    return 201;
  }

  private token(x: Exchange): number {
    const p = x.params;
    if (p.grant_type !== 'refresh_token' || p.client_id !== this.clientId || !this.refreshTokens.has(String(p.refresh_token))) {
      json(x.res, 400, { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' });
      return 400;
    }
    this.refreshTokens.delete(String(p.refresh_token));
    const pair = this.issue();
    json(x.res, 200, { token_type: 'bearer', expires_in: 7200, access_token: pair.accessToken, refresh_token: pair.refreshToken, scope: 'dm.read dm.write offline.access' });
    return 200;
  }
}

function pairId(a: string, b: string): string {
  return BigInt(a) < BigInt(b) ? `${a}-${b}` : `${b}-${a}`;
}
