import { DiwanError } from '../../core/shared/errors';
import type { SqlExecutor } from './executor';

/**
 * The hub's schema, numbered. Written once for both dialects: `{ID}` is the auto-numbered primary key, `{BLOB}` raw
 * bytes, `{INT8}` a 64-bit integer. Ciphertext columns hold only sealed originals; text columns only masked text.
 */
const MIGRATIONS: readonly string[] = [
  // 1: accounts, devices, channels, conversations, messages, outbox, reveals, the event table, cursors, audit.
  `
  CREATE TABLE hub_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE users (
    id {ID}, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, role TEXT NOT NULL,
    password_hash TEXT NOT NULL, totp_secret TEXT, disabled INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0, locked_until {INT8} NOT NULL DEFAULT 0, totp_last_step {INT8}, created_at {INT8} NOT NULL);
  CREATE TABLE user_channels (user_id {INT8} NOT NULL REFERENCES users(id), channel_id TEXT NOT NULL, PRIMARY KEY (user_id, channel_id));
  CREATE TABLE devices (
    fingerprint TEXT PRIMARY KEY, public_key TEXT NOT NULL, label TEXT NOT NULL, enrolled_at {INT8} NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0);
  CREATE TABLE device_challenges (nonce TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, expires_at {INT8} NOT NULL);
  CREATE INDEX device_challenges_device ON device_challenges(fingerprint);
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY, user_id {INT8} NOT NULL REFERENCES users(id), device TEXT NOT NULL,
    stage TEXT NOT NULL, created_at {INT8} NOT NULL, expires_at {INT8} NOT NULL);
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE channels (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, config TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1, cursor TEXT);
  CREATE TABLE contacts (
    id {ID}, channel_id TEXT NOT NULL REFERENCES channels(id), platform_user_id TEXT NOT NULL,
    display_name TEXT, handle TEXT, UNIQUE (channel_id, platform_user_id));
  CREATE TABLE conversations (
    id {ID}, channel_id TEXT NOT NULL REFERENCES channels(id), platform_conversation_id TEXT NOT NULL,
    contact_id {INT8} NOT NULL REFERENCES contacts(id), status TEXT NOT NULL DEFAULT 'open',
    assignee_id {INT8} REFERENCES users(id), last_message_at {INT8} NOT NULL, version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (channel_id, platform_conversation_id));
  CREATE INDEX conversations_activity ON conversations(last_message_at);
  CREATE TABLE messages (
    id {ID}, conversation_id {INT8} NOT NULL REFERENCES conversations(id), channel_id TEXT NOT NULL,
    platform_message_id TEXT, direction TEXT NOT NULL, author_id {INT8} REFERENCES users(id),
    masked_text TEXT NOT NULL, sealed_text {BLOB}, sent_at {INT8} NOT NULL, attachments TEXT,
    UNIQUE (channel_id, platform_message_id));
  CREATE INDEX messages_conversation ON messages(conversation_id, id);
  CREATE TABLE message_fields (
    message_id {INT8} NOT NULL REFERENCES messages(id), n INTEGER NOT NULL, type TEXT NOT NULL, shown TEXT NOT NULL,
    sealed {BLOB} NOT NULL, PRIMARY KEY (message_id, n));
  CREATE TABLE notes (
    id {ID}, conversation_id {INT8} NOT NULL REFERENCES conversations(id), author_id {INT8} NOT NULL REFERENCES users(id),
    masked_text TEXT NOT NULL, sealed_text {BLOB}, created_at {INT8} NOT NULL);
  CREATE TABLE outbox (
    id {ID}, message_id {INT8} NOT NULL UNIQUE REFERENCES messages(id), channel_id TEXT NOT NULL,
    platform_conversation_id TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
    not_before {INT8} NOT NULL DEFAULT 0, reason TEXT, device TEXT NOT NULL, client_id TEXT NOT NULL,
    UNIQUE (device, client_id));
  CREATE INDEX outbox_due ON outbox(channel_id, state, not_before);
  CREATE TABLE reveals (
    id {ID}, message_id {INT8} NOT NULL REFERENCES messages(id), field_n INTEGER NOT NULL,
    requester_id {INT8} NOT NULL REFERENCES users(id), device TEXT NOT NULL, reason TEXT NOT NULL, state TEXT NOT NULL,
    approver_id {INT8} REFERENCES users(id), created_at {INT8} NOT NULL, expires_at {INT8} NOT NULL);
  CREATE TABLE events (
    seq {ID}, at {INT8} NOT NULL, kind TEXT NOT NULL, audience TEXT NOT NULL, channel_id TEXT,
    conversation_id {INT8}, user_id {INT8}, payload TEXT NOT NULL);
  CREATE TABLE cursors (
    user_id {INT8} NOT NULL, device TEXT NOT NULL, seq {INT8} NOT NULL, at {INT8} NOT NULL, PRIMARY KEY (user_id, device));
  CREATE TABLE audit (
    seq {ID}, at {INT8} NOT NULL, actor TEXT NOT NULL, device TEXT, action TEXT NOT NULL, target TEXT,
    details TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
  `,
  // 2: the team's remaining data: labels, canned replies, reply approvals, quality reviews, alerts, and requests an
  // administrator makes that a second one confirms (second-factor resets). Names and texts are masked staff text.
  `
  CREATE TABLE labels (id {ID}, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, created_at {INT8} NOT NULL);
  CREATE TABLE conversation_labels (
    conversation_id {INT8} NOT NULL REFERENCES conversations(id), label_id {INT8} NOT NULL REFERENCES labels(id),
    PRIMARY KEY (conversation_id, label_id));
  CREATE INDEX conversation_labels_label ON conversation_labels(label_id);
  CREATE TABLE canned_replies (
    id {ID}, shortcut TEXT NOT NULL, shortcut_key TEXT NOT NULL UNIQUE, title TEXT NOT NULL, body TEXT NOT NULL,
    updated_at {INT8} NOT NULL, updated_by {INT8} REFERENCES users(id));
  CREATE TABLE reply_approvals (
    id {ID}, conversation_id {INT8} NOT NULL REFERENCES conversations(id), requester_id {INT8} NOT NULL REFERENCES users(id),
    device TEXT NOT NULL, text_hash TEXT NOT NULL, masked_text TEXT NOT NULL, reasons TEXT NOT NULL, state TEXT NOT NULL,
    decider_id {INT8} REFERENCES users(id), created_at {INT8} NOT NULL, expires_at {INT8} NOT NULL, message_id {INT8});
  CREATE INDEX reply_approvals_state ON reply_approvals(state, expires_at);
  CREATE TABLE quality_reviews (
    conversation_id {INT8} NOT NULL REFERENCES conversations(id), reviewer_id {INT8} NOT NULL REFERENCES users(id),
    score INTEGER NOT NULL, comment TEXT NOT NULL, updated_at {INT8} NOT NULL, PRIMARY KEY (conversation_id, reviewer_id));
  CREATE TABLE alerts (
    id {ID}, kind TEXT NOT NULL, raised_at {INT8} NOT NULL, channel_id TEXT, conversation_id {INT8}, payload TEXT NOT NULL,
    acknowledged_at {INT8}, acknowledged_by TEXT);
  CREATE INDEX alerts_raised ON alerts(raised_at);
  CREATE TABLE admin_requests (
    id {ID}, kind TEXT NOT NULL, user_id {INT8} NOT NULL REFERENCES users(id), requested_by_id {INT8} NOT NULL REFERENCES users(id),
    requested_at {INT8} NOT NULL, expires_at {INT8} NOT NULL, UNIQUE (kind, user_id));
  `,
  // 3: webhooks: inbound messages over the flood limits, held sealed (the whole message, under the hub's outbox key) and
  // never shown; one row per platform message id, so a redelivery is recognised.
  `
  CREATE TABLE webhook_quarantine (
    id {ID}, channel_id TEXT NOT NULL, platform_message_id TEXT NOT NULL, reason TEXT NOT NULL, sealed {BLOB} NOT NULL,
    received_at {INT8} NOT NULL, UNIQUE (channel_id, platform_message_id));
  `,
  // 4: key custody: a reply's clear copy for its channel, kept only while it is queued; the lead's device
  // countersignature of an approval, which the custodian checks.
  `
  ALTER TABLE outbox ADD COLUMN pending_text {BLOB};
  ALTER TABLE reveals ADD COLUMN approval TEXT;
  `,
  // 5: team workflow (issue 18): presence with a time-to-live, per-channel assignment and SLA rules, the rotation and
  // capacity of each agent, the team's business-hours calendar, SLA alerts sent once, and the episode start of a
  // conversation (the customer's first message since it was opened or reopened) that SLA clocks count from, and when
  // it was last resolved (the lead's board); per-channel consent notices, versioned, and each contact's record.
  `
  CREATE TABLE presence (
    user_id {INT8} PRIMARY KEY REFERENCES users(id), state TEXT NOT NULL, expires_at {INT8} NOT NULL, changed_at {INT8} NOT NULL);
  CREATE TABLE channel_workflow (
    channel_id TEXT PRIMARY KEY REFERENCES channels(id), mode TEXT NOT NULL DEFAULT 'manual', capacity INTEGER NOT NULL DEFAULT 5,
    return_after_minutes INTEGER, assignee_only_reply INTEGER NOT NULL DEFAULT 0,
    first_response_minutes INTEGER, next_response_minutes INTEGER, resolution_minutes INTEGER, updated_at {INT8} NOT NULL);
  CREATE TABLE agent_workload (user_id {INT8} PRIMARY KEY REFERENCES users(id), capacity INTEGER, turn {INT8} NOT NULL DEFAULT 0);
  CREATE TABLE business_calendar (id INTEGER PRIMARY KEY CHECK (id = 1), spec TEXT NOT NULL, updated_at {INT8} NOT NULL);
  CREATE TABLE sla_alerts (
    conversation_id {INT8} NOT NULL REFERENCES conversations(id), target TEXT NOT NULL, due_at {INT8} NOT NULL, at {INT8} NOT NULL,
    PRIMARY KEY (conversation_id, target, due_at));
  ALTER TABLE conversations ADD COLUMN opened_at {INT8};
  ALTER TABLE conversations ADD COLUMN resolved_at {INT8};
  CREATE INDEX conversations_workload ON conversations(assignee_id, status);
  CREATE INDEX conversations_queue ON conversations(channel_id, status, assignee_id);
  CREATE INDEX messages_timeline ON messages(conversation_id, direction, sent_at);
  CREATE TABLE consent_notices (
    channel_id TEXT NOT NULL REFERENCES channels(id), version INTEGER NOT NULL, text TEXT NOT NULL,
    after_message_id {INT8} NOT NULL, created_at {INT8} NOT NULL, created_by TEXT NOT NULL, PRIMARY KEY (channel_id, version));
  CREATE TABLE contact_consent (
    contact_id {INT8} PRIMARY KEY REFERENCES contacts(id), channel_id TEXT NOT NULL, version INTEGER NOT NULL,
    notice_message_id {INT8} NOT NULL REFERENCES messages(id), notified_at {INT8} NOT NULL, acknowledged_at {INT8});
  CREATE INDEX contact_consent_notice ON contact_consent(notice_message_id);
  `,
  // 6: moving single-seat installs onto the hub (`diwan hub import`): which source conversation became which, so a
  // move that was interrupted or run twice never brings a conversation in twice.
  `
  CREATE TABLE moved_conversations (
    source_db TEXT NOT NULL, source_id {INT8} NOT NULL, conversation_id {INT8} NOT NULL REFERENCES conversations(id),
    moved_at {INT8} NOT NULL, PRIMARY KEY (source_db, source_id));
  `,
  // 7: flood buckets shared by every node (milli-tokens), so N nodes behind a load balancer do not allow N times the rate.
  `
  CREATE TABLE flood_buckets (key TEXT PRIMARY KEY, milli {INT8} NOT NULL, at {INT8} NOT NULL);
  `,
  // 8: conversation lists that stay fast after a year (bench/hub/store-scale.ts): one agent's newest, by status, and the
  // queue of unassigned unresolved ones (a small partial index, so an empty queue is not a scan of every conversation).
  `
  CREATE INDEX conversations_assignee_recent ON conversations(assignee_id, last_message_at DESC, id DESC);
  CREATE INDEX conversations_status_recent ON conversations(status, last_message_at DESC, id DESC);
  CREATE INDEX conversations_unassigned_recent ON conversations(last_message_at DESC, id DESC) WHERE assignee_id IS NULL AND status IN ('open', 'pending');
  `,
  // 9: team parity A (issue 16): a snoozed conversation's wake-up time (any node wakes it, once), and the scam
  // reports agents make on customers' messages (one per person and message; ids only, never the text).
  `
  ALTER TABLE conversations ADD COLUMN snoozed_until {INT8};
  CREATE INDEX conversations_snoozed ON conversations(status, snoozed_until);
  CREATE TABLE scam_reports (
    id {ID}, message_id {INT8} NOT NULL REFERENCES messages(id), conversation_id {INT8} NOT NULL REFERENCES conversations(id),
    channel_id TEXT NOT NULL, reporter_id {INT8} NOT NULL REFERENCES users(id), device TEXT NOT NULL, created_at {INT8} NOT NULL,
    UNIQUE (message_id, reporter_id));
  `,
  // 10: feature parity B: a person's own two-step sign-in set-up (the secret waiting for its first code, sealed under
  // the hub's outbox key, and the recovery codes' hashes); channel secrets an administrator typed into a console (sealed
  // under the outbox key, shared by every node) and each channel's revision, so the node running it restarts it on a
  // change; each channel's health as the node running it reports it.
  `
  CREATE TABLE hub_secrets (name TEXT PRIMARY KEY, sealed {BLOB} NOT NULL, updated_at {INT8} NOT NULL, updated_by TEXT NOT NULL);
  ALTER TABLE channels ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE totp_enrolments (user_id {INT8} PRIMARY KEY REFERENCES users(id), sealed_secret TEXT NOT NULL, expires_at {INT8} NOT NULL);
  CREATE TABLE recovery_codes (
    user_id {INT8} NOT NULL REFERENCES users(id), code_hash TEXT NOT NULL, used_at {INT8}, PRIMARY KEY (user_id, code_hash));
  CREATE TABLE channel_health (
    channel_id TEXT PRIMARY KEY REFERENCES channels(id), state TEXT NOT NULL, detail TEXT, node TEXT NOT NULL, checked_at {INT8} NOT NULL);
  `,
  // 11: a label's page from an index (bench/hub/store-scale.ts, issue 26): each label row carries its conversation's
  // activity (kept by store/label-activity.ts in the transaction that moves it), so the newest 50 with a label are read
  // from the front of one index instead of every conversation carrying the label being sorted.
  `
  ALTER TABLE conversation_labels ADD COLUMN last_message_at {INT8} NOT NULL DEFAULT 0;
  UPDATE conversation_labels SET last_message_at = (SELECT c.last_message_at FROM conversations c WHERE c.id = conversation_labels.conversation_id);
  CREATE INDEX conversation_labels_recent ON conversation_labels(label_id, last_message_at DESC, conversation_id DESC);
  `,
  // 12: consent notices in the customer's language (issue 18): each version holds a text per language, and a
  // contact's record says which language the notice went out in (null: a notice written before languages).
  `
  CREATE TABLE consent_notice_texts (
    channel_id TEXT NOT NULL, version INTEGER NOT NULL, language TEXT NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (channel_id, version, language));
  ALTER TABLE contact_consent ADD COLUMN language TEXT;
  `,
  // 13: the other ids a platform knows a conversation's customer by (a WhatsApp phone number, business-scoped user
  // id, the number before a number change): a message keyed by any of them joins the one conversation (alias table).
  `
  CREATE TABLE conversation_aliases (
    channel_id TEXT NOT NULL, alias TEXT NOT NULL, conversation_id {INT8} NOT NULL REFERENCES conversations(id),
    created_at {INT8} NOT NULL, PRIMARY KEY (channel_id, alias));
  CREATE INDEX conversation_aliases_by_conversation ON conversation_aliases(conversation_id);
  `,
  // 14: phishing drills at the hub (issue 16): a drill an administrator started for an agent on a channel, its scam
  // attempts (each a stored customer message in its own conversation) and each person's first response to one
  // (flagged, safe or unsafe reply; never the reply's text). And when a reply left (Messenger's read and delivery
  // watermarks apply to replies sent up to a time).
  `
  ALTER TABLE outbox ADD COLUMN sent_at {INT8};
  CREATE TABLE drills (
    id TEXT PRIMARY KEY, created_by {INT8} NOT NULL REFERENCES users(id), created_at {INT8} NOT NULL, starts_at {INT8} NOT NULL,
    ends_at {INT8} NOT NULL, kinds TEXT NOT NULL, channel_id TEXT NOT NULL REFERENCES channels(id), target_id {INT8} REFERENCES users(id));
  CREATE TABLE drill_messages (
    id TEXT PRIMARY KEY, drill_id TEXT NOT NULL REFERENCES drills(id), kind TEXT NOT NULL, sent_at {INT8} NOT NULL,
    message_id {INT8} NOT NULL UNIQUE REFERENCES messages(id), conversation_id {INT8} NOT NULL REFERENCES conversations(id));
  CREATE INDEX drill_messages_conversation ON drill_messages(conversation_id);
  CREATE TABLE drill_outcomes (
    drill_message_id TEXT NOT NULL REFERENCES drill_messages(id), user_id {INT8} NOT NULL REFERENCES users(id),
    outcome TEXT NOT NULL, at {INT8} NOT NULL, PRIMARY KEY (drill_message_id, user_id));
  `,
  // 15: a customer edited or deleted a message (issue 19): the new version is a message of its own (history kept);
  // the original says what happened to it and which message superseded it (store/revisions.ts).
  `
  ALTER TABLE messages ADD COLUMN revision TEXT;
  ALTER TABLE messages ADD COLUMN revised_by {INT8} REFERENCES messages(id);
  `,
  // 16: a privileged role asked for from a console, waiting for a second administrator (store/role-grants.ts): the
  // role asked for, the role the person had then (a change meanwhile voids the request) and whether confirming also
  // enables the account (one created for this role, disabled until then).
  `
  ALTER TABLE admin_requests ADD COLUMN role TEXT;
  ALTER TABLE admin_requests ADD COLUMN from_role TEXT;
  ALTER TABLE admin_requests ADD COLUMN enable_on_confirm INTEGER NOT NULL DEFAULT 0;
  `,
  // 17: a reply's per-connector choices (the human-agent tag, as single-seat's outbox keeps them); Messenger's and
  // Instagram's handover asked for from a console, waiting for the node that runs the channel (store/handover.ts); an
  // edit or deletion that arrived before its original, waiting to mark it when it comes (store/revisions.ts).
  `
  ALTER TABLE outbox ADD COLUMN options TEXT;
  CREATE TABLE early_revisions (
    channel_id TEXT NOT NULL, original TEXT NOT NULL, kind TEXT NOT NULL, by_message {INT8} NOT NULL REFERENCES messages(id),
    PRIMARY KEY (channel_id, original, by_message));
  CREATE TABLE thread_control_requests (
    id {ID}, conversation_id {INT8} NOT NULL REFERENCES conversations(id), channel_id TEXT NOT NULL,
    platform_conversation_id TEXT NOT NULL, action TEXT NOT NULL, actor TEXT NOT NULL, device TEXT NOT NULL,
    state TEXT NOT NULL, code TEXT, reason TEXT, created_at {INT8} NOT NULL, done_at {INT8});
  CREATE INDEX thread_control_waiting ON thread_control_requests(channel_id, state);
  `,
  // 18: a channel an administrator removed (store/channel-removal.ts): the row stays, disabled, because its
  // conversations refer to it; the Channels tab leaves it out; saving its id again clears the mark.
  `
  ALTER TABLE channels ADD COLUMN removed_at {INT8};
  `,
  // 19: retention and one customer's erasure at the hub (store/customer-data.ts): each channel's policy and how far its
  // `originals` pass has gone (a keyset position, so a stopped run resumes and the next one starts where it ended);
  // indexes that let retention walk a channel by age, and erase find every row of a customer — and PostgreSQL check
  // each deleted row's foreign keys — without a scan (bench/hub/customer-data.ts: a 10,000-message erase took minutes).
  `
  CREATE TABLE channel_retention (
    channel_id TEXT PRIMARY KEY REFERENCES channels(id), mode TEXT NOT NULL, days INTEGER, updated_at {INT8} NOT NULL,
    updated_by TEXT NOT NULL, position_at {INT8} NOT NULL DEFAULT -1, position_id {INT8} NOT NULL DEFAULT 0);
  CREATE INDEX messages_channel_age ON messages(channel_id, sent_at, id);
  CREATE INDEX conversations_channel_age ON conversations(channel_id, last_message_at, id);
  CREATE INDEX notes_conversation ON notes(conversation_id);
  CREATE INDEX reveals_message ON reveals(message_id);
  CREATE INDEX reply_approvals_conversation ON reply_approvals(conversation_id);
  CREATE INDEX events_conversation ON events(conversation_id);
  CREATE INDEX conversations_contact ON conversations(contact_id);
  CREATE INDEX messages_revised_by ON messages(revised_by) WHERE revised_by IS NOT NULL;
  CREATE INDEX early_revisions_by_message ON early_revisions(by_message);
  CREATE INDEX moved_conversations_conversation ON moved_conversations(conversation_id);
  CREATE INDEX scam_reports_conversation ON scam_reports(conversation_id);
  CREATE INDEX thread_control_conversation ON thread_control_requests(conversation_id);
  `,
  // The console ⇄ relay protocol v1 served by the hub (routes/relay.ts, store/relay-queue.ts): inbound events of a
  // channel the hub relays to named devices, sealed under the hub's outbox-key and erased once the device acknowledges
  // them; device sessions of that protocol; and the devices' replies, idempotent by their outbox id.
  `
  CREATE TABLE relay_events (
    seq {ID}, channel_id TEXT NOT NULL REFERENCES channels(id), device TEXT NOT NULL, dedup TEXT NOT NULL,
    sealed {BLOB} NOT NULL, created_at {INT8} NOT NULL, UNIQUE (channel_id, device, dedup));
  CREATE INDEX relay_events_device ON relay_events(channel_id, device, seq);
  CREATE TABLE relay_sessions (token_hash TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, expires_at {INT8} NOT NULL);
  CREATE TABLE relay_replies (
    channel_id TEXT NOT NULL REFERENCES channels(id), outbox_id TEXT NOT NULL, device TEXT NOT NULL, state TEXT NOT NULL,
    platform_message_id TEXT, at {INT8}, reason TEXT, created_at {INT8} NOT NULL, PRIMARY KEY (channel_id, outbox_id));
  `,
  // The relay queue's bounds and health (store/relay-queue.ts): when each desk last asked for its events and what the
  // age limit erased unread for it; when each relayed channel's last webhook arrived; events found by age. Held
  // messages name their sender (the platform's user id, as contacts do), so erasing a customer and retention find them.
  `
  CREATE TABLE relay_desks (
    channel_id TEXT NOT NULL, device TEXT NOT NULL, collected_at {INT8}, expired {INT8} NOT NULL DEFAULT 0, expired_at {INT8},
    PRIMARY KEY (channel_id, device));
  CREATE TABLE relay_channels (channel_id TEXT PRIMARY KEY, last_webhook_at {INT8} NOT NULL);
  CREATE INDEX relay_events_age ON relay_events(created_at);
  CREATE INDEX webhook_quarantine_channel ON webhook_quarantine(channel_id, id);
  ALTER TABLE webhook_quarantine ADD COLUMN sender TEXT;
  CREATE INDEX webhook_quarantine_sender ON webhook_quarantine(channel_id, sender);
  `,
  // Near-duplicate collapse and surge mode at the hub (store/flood-campaigns.ts), shared by every node: a cluster per
  // campaign text (its SimHash, never the text; copies; up to 64 senders as salted hashes, never their ids), swept
  // when it leaves the window; each channel's surge volume.
  `
  CREATE TABLE flood_clusters (
    id {ID}, channel_id TEXT NOT NULL, fp_hi {INT8} NOT NULL, fp_lo {INT8} NOT NULL, copies INTEGER NOT NULL,
    senders TEXT NOT NULL, opened INTEGER NOT NULL, last_seen {INT8} NOT NULL);
  CREATE INDEX flood_clusters_seen ON flood_clusters(channel_id, last_seen);
  CREATE TABLE flood_surge (channel_id TEXT PRIMARY KEY, state TEXT NOT NULL);
  `,
  // Collapsed copies counted on their conversation (store/held-copies.ts): a cluster remembers its first stored copy
  // (`opener`, a platform message id); a copy held as `duplicate` names it (`copy_of`) and the conversation it went
  // into. Rows from before stay NULL: held, counted nowhere, released or discarded as before.
  `
  ALTER TABLE flood_clusters ADD COLUMN opener TEXT;
  ALTER TABLE webhook_quarantine ADD COLUMN copy_of TEXT;
  ALTER TABLE webhook_quarantine ADD COLUMN conversation_id {INT8};
  CREATE INDEX webhook_quarantine_conversation ON webhook_quarantine(conversation_id);
  CREATE INDEX webhook_quarantine_copy_of ON webhook_quarantine(channel_id, copy_of);
  `,
  // Sign-in attempts at names that are no account (accounts.ts), counted as an account's are so the lock-out says
  // nothing about which names exist; both with the time of their last failure, so a name with no failure for a day
  // starts again from zero (the single seat's rule) and the table of unknown names is swept.
  `
  CREATE TABLE signin_names (name TEXT PRIMARY KEY, failures INTEGER NOT NULL, last_failure_at {INT8} NOT NULL, locked_until {INT8} NOT NULL);
  CREATE INDEX signin_names_last_failure ON signin_names(last_failure_at);
  ALTER TABLE users ADD COLUMN last_failure_at {INT8} NOT NULL DEFAULT 0;
  `,
];

/** The newest schema this code knows. */
export const HUB_SCHEMA_VERSION = MIGRATIONS.length;

const DIALECT = {
  postgres: { ID: 'BIGSERIAL PRIMARY KEY', BLOB: 'BYTEA', INT8: 'BIGINT' },
  sqlite: { ID: 'INTEGER PRIMARY KEY AUTOINCREMENT', BLOB: 'BLOB', INT8: 'INTEGER' },
} as const;

function render(sql: string, dialect: SqlExecutor['dialect']): string[] {
  const words = DIALECT[dialect];
  return sql
    .replace(/\{(ID|BLOB|INT8)\}/g, (_, k: keyof typeof words) => words[k])
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Key of the session-wide advisory lock that keeps two nodes from migrating at once. */
const MIGRATION_LOCK = 7_241_000;

export async function schemaVersion(q: SqlExecutor): Promise<number> {
  const exists =
    q.dialect === 'postgres'
      ? await q.get<{ t: string | null }>("SELECT to_regclass('hub_meta')::text AS t")
      : await q.get<{ t: string | null }>("SELECT name AS t FROM sqlite_master WHERE type = 'table' AND name = 'hub_meta'");
  if (!exists?.t) return 0;
  const row = await q.get<{ value: string }>("SELECT value FROM hub_meta WHERE key = 'schema.version'");
  return row ? Number(row.value) : 0;
}

/**
 * Applies every pending migration in one transaction. Refuses a database newer than this code. `upTo` stops at an
 * earlier schema, as an older release left the database (tests of a migration over rows from before it).
 */
export async function migrate(q: SqlExecutor, upTo = HUB_SCHEMA_VERSION): Promise<{ from: number; to: number }> {
  return q.tx(async (t) => {
    if (t.dialect === 'postgres') await t.run('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    const from = await schemaVersion(t);
    refuseNewer(from);
    for (let v = from + 1; v <= upTo; v++) {
      for (const statement of render(MIGRATIONS[v - 1]!, t.dialect)) await t.run(statement);
      await t.run("INSERT INTO hub_meta (key, value) VALUES ('schema.version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [String(v)]);
    }
    return { from, to: Math.max(from, upTo) };
  });
}

export function refuseNewer(version: number): void {
  if (version > HUB_SCHEMA_VERSION) {
    throw new DiwanError(
      'hub_schema_newer',
      `The hub database is at schema ${version}, newer than this hub (${HUB_SCHEMA_VERSION}). Upgrade this node to the release the other nodes run; do not run an older hub against it.`,
    );
  }
}

/** A node runs only on the exact schema it was built for; `diwan hub migrate` moves an older database forward. */
export async function checkSchema(q: SqlExecutor): Promise<void> {
  const v = await schemaVersion(q);
  refuseNewer(v);
  if (v < HUB_SCHEMA_VERSION) {
    throw new DiwanError(
      'hub_schema_older',
      `The hub database is at schema ${v}; this hub needs ${HUB_SCHEMA_VERSION}. Run \`diwan hub migrate\` once (with every node stopped or upgraded), then start the nodes.`,
    );
  }
}
