/**
 * One console in team mode, as its own process (forked by the hub scenarios): its device key in the real OS
 * keychain, its masked cache in its own SQLite file, its own outbox. The test drives it over the fork IPC channel.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { loadOrCreateDeviceIdentity } from '../../main/core/auth';
import { HubClient, TeamCache } from '../../main/core/team';
import { loadOsKeychain, Vault } from '../../main/core/vault';

let client: HubClient | null = null;
let cache: TeamCache | null = null;
let service = '';
const os = loadOsKeychain();
const changes: string[] = [];
const markers: Array<Record<string, unknown> & { receivedAt: number }> = [];

type Op = { id: number; op: string; args: unknown[] };

const ops: Record<string, (...a: never[]) => unknown> = {
  async init(o: { url: string; pin: string; dir: string; service: string }) {
    service = o.service;
    const vault = new Vault(os, o.service);
    const device = await loadOrCreateDeviceIdentity(vault);
    let key = await vault.get('team:outbox-key');
    if (!key) {
      key = crypto.randomBytes(32).toString('base64');
      await vault.set('team:outbox-key', key);
    }
    cache = new TeamCache(path.join(o.dir, 'team-cache.sqlite'), Buffer.from(key, 'base64'));
    client = new HubClient({ url: o.url, pin: o.pin, device, cache, reconnect: { baseMs: 100, capMs: 1_000 } });
    client.onChange((kinds) => changes.push(...kinds));
    client.onMarkers((ms) => markers.push(...ms.map((m) => ({ ...m, receivedAt: Date.now() }))));
    return { fingerprint: device.fingerprint, publicKeyPem: device.publicKeyPem };
  },
  signIn: (u: string, p: string, code?: string) => client!.signIn(u, p, code),
  follow: () => client!.follow(),
  state: () => ({ connected: client!.connected, problem: client!.streamProblem, cursor: cache!.cursor(), changes: changes.length }),
  conversations: () => cache!.conversations(),
  messages: (id: number) => cache!.messages(id),
  team: () => cache!.team(),
  teamData: () => ({ labels: cache!.labels(), cannedReplies: cache!.cannedReplies() }),
  labelIdsOf: (conversationId: number) => cache!.labelIdsOf(conversationId),
  openReveal: (id: number) => client!.openReveal(id),
  decideReveal: (id: number, approve: boolean) => client!.decideReveal(id, approve),
  call: (method: 'GET' | 'POST', p: string, json?: unknown) => client!.call(method, p, json),
  reply: (conversationId: number, text: string, o?: { humanAgentTag?: boolean }) => client!.reply(conversationId, text, undefined, o),
  threadControl: (conversationId: number, action: 'take' | 'pass' | 'request') => client!.threadControl(conversationId, action),
  flush: () => client!.flush(),
  outbox: () => cache!.outboxStates(),
  mark: (conversationId: number, kind: 'viewing' | 'writing' | 'left') => client!.mark(conversationId, kind),
  markers: () => markers,
  setPresence: (state: 'online' | 'away') => client!.setPresence(state),
  presence: () => cache!.presence(),
  notifications: () => cache!.notifications(),
  sendAnyway: (clientId: string) => client!.sendAnyway(clientId),
  async stop() {
    await client?.stop();
    cache?.close();
    for (const a of ['device', 'team:outbox-key']) await os.deletePassword(service, a).catch(() => {});
    return true;
  },
};

process.on('message', (m: Op) => {
  void (async () => {
    try {
      const result = await (ops[m.op] as (...a: unknown[]) => unknown)(...m.args);
      process.send!({ id: m.id, ok: true, result: result ?? null });
    } catch (e) {
      const err = e as { code?: string; message?: string; status?: number };
      process.send!({ id: m.id, ok: false, error: { code: err.code ?? 'error', message: err.message ?? String(e), status: err.status } });
    }
  })();
});
process.on('disconnect', () => process.exit(0));
