import type { Core } from '../../main/core/app';
import { newSessionSlot, type Role, type SessionSlot } from '../../main/core/auth';
import { DEMO_CHANNEL_ID } from '../../main/core/app/channels';
import { confirmAsSecondAdmin } from './console-people';
import { ingestMessage } from './intake';

/** A clock tests move by hand. */
export class TestClock {
  constructor(public t = Date.UTC(2025, 0, 6, 9, 0, 0)) {}
  now = () => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** Creates a user with the role and signs them in through the real sign-in; returns their session slot. */
export async function signedInAs(core: Core, role: Role, username: string = role): Promise<SessionSlot> {
  await core.ready();
  const admin = ensureAdminSession(core);
  const made = await core.identity.createUser(admin, { username, displayName: username, role, password: TEST_PASSWORD });
  if (made.pendingRole) confirmAsSecondAdmin(core, made.id);
  const slot = newSessionSlot();
  await core.identity.signIn(slot, { username, password: TEST_PASSWORD });
  return slot;
}

/** A session for the first administrator, made without going through the IPC layer. */
export function ensureAdminSession(core: Core) {
  const existing = core.identity.users.list().find((u) => u.role === 'admin');
  const user =
    existing ??
    core.identity.users.insert({ username: 'root-admin', displayName: 'Root', role: 'admin', passwordHash: 'x' }, core.clock.now());
  return core.identity.sessions.start(user, core.identity.deviceIdentity.fingerprint, false);
}

/**
 * A customer's message taken in through the real store's intake on the demo channel (made if missing), masked by the
 * core's own detectors. Returns its conversation and message ids (the store's, as production makes them) and, for a
 * field type, the `{ messageId, fieldIndex }` a reveal names; it throws when the detectors did not mask that type.
 */
export function customerMessage(core: Core, m: { contact: string; text: string; sentAt?: number }) {
  if (!core.store.channels.list().some((c) => c.id === DEMO_CHANNEL_ID)) core.store.channels.create({ id: DEMO_CHANNEL_ID, kind: 'demo', name: 'Demo' });
  const conversationId = ingestMessage(core, m);
  const message = core.store.conversations.messages(conversationId, { limit: 500 }).reduce((a, b) => (b.id > a.id ? b : a));
  const field = (type: string) => {
    const f = message.fields.find((x) => x.type === type);
    if (!f) throw new Error(`the message was not masked as expected: no ${type} in "${message.maskedText}"`);
    return { messageId: message.id, fieldIndex: f.n };
  };
  return { conversationId, messageId: message.id, field };
}

/** Calls a channel through the real main dispatcher as the given slot; returns the IpcResult. */
export function caller(dispatch: import('../../main/ipc').Dispatch) {
  return (slot: SessionSlot, channel: string, request: unknown = {}) => dispatch(channel, request, { trustedSender: true, session: slot });
}

/** The audit entries with a given action. */
export function entriesOf(core: Core, action: string) {
  return core.auditTrail.list({ limit: 10_000 }).filter((e) => e.action === action);
}
