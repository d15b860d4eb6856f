import type { Core } from '../../core/app';
import { UserRepo } from '../../core/auth/users';
import type { SignedSeatGrant } from '../../core/custody';
import type { AttachmentKind, InboundAttachment, InboundMessage } from '../../core/shared/messages';
import { refuseMissingSettings } from '../config';
import { CHANNEL_KINDS_FOR_HUB } from '../kinds';
import type { OriginalsSealer } from '../sealing';
import { HubLabels } from '../store/labels';
import { HubCannedReplies } from '../store/canned-replies';
import { HubMoveIn } from '../store/move-in';
import type { Actor, HubStore } from '../store';

export interface MoveReport {
  users: { created: string[]; existing: string[] };
  channels: { created: string[]; existing: string[]; skipped: Array<{ id: string; why: string }>; secretsToSet: string[] };
  labels: number;
  cannedReplies: number;
  conversations: { moved: number; alreadyThere: number };
  messages: number;
}


/**
 * Brings a single-seat install's team data onto the hub: people (with their password hashes: the same hashing on
 * both sides, so everyone signs in with the password they have; second factors are enrolled again at the hub),
 * channels (settings only; tokens go into the hub's secret store by IT), labels, canned replies and every
 * conversation with its messages, notes, labels, assignee and status. Originals are read from the single-seat store
 * (the caller has signed an administrator in and audited the move there) and leave this process only sealed to the
 * custodian's key by the hub's own ingest step; nothing is written in clear.
 */
export async function moveSingleSeatToHub(
  source: Core,
  /** Signs the grant that lets the in-process custodian open one customer's originals for the move. */
  grant: (contactId: number) => SignedSeatGrant,
  /**
   * `kinds`: channel kinds the target runs beyond the hub's own (the embedded hub runs the demo channel too).
   * `relay`: the target serves `via: "relay"` channels through the office relay as the console did (the embedded hub);
   * a team hub takes the webhooks itself, so there the setting is dropped.
   */
  target: { store: HubStore; sealer: OriginalsSealer; actor: Actor; kinds?: readonly string[]; relay?: boolean },
  progress: (line: string) => void = () => {},
): Promise<MoveReport> {
  const { store, sealer, actor } = target;
  const report: MoveReport = {
    users: { created: [], existing: [] },
    channels: { created: [], existing: [], skipped: [], secretsToSet: [] },
    labels: 0,
    cannedReplies: 0,
    conversations: { moved: 0, alreadyThere: 0 },
    messages: 0,
  };

  const userIds = new Map<string, number>();
  const repo = new UserRepo(source.db);
  for (const u of repo.list()) {
    const there = await store.userByName(u.username);
    if (there) {
      userIds.set(u.id, there.id);
      report.users.existing.push(u.username);
      continue;
    }
    const created = await store.createUser({ username: u.username, displayName: u.displayName, role: u.role, passwordHash: repo.secretsById(u.id)!.passwordHash }, actor);
    if (u.disabled) await store.updateUser(created.id, { disabled: true }, { ...actor, action: 'user.disabled' });
    userIds.set(u.id, created.id);
    report.users.created.push(u.username);
  }

  const hubChannels = new Set((await store.channels()).map((c) => c.id));
  const moving = new Set<string>();
  for (const c of source.store.channels.list()) {
    if (!(CHANNEL_KINDS_FOR_HUB as readonly string[]).includes(c.kind) && !target.kinds?.includes(c.kind)) {
      report.channels.skipped.push({ id: c.id, why: `the hub does not run ${c.kind} channels` });
      continue;
    }
    // A single seat keeps `via` beside its other settings (`channelConfig`); the hub keeps it under `settings`.
    const { via, ...config } = c.config;
    const keepRelay = via === 'relay' && target.relay === true;
    try {
      if (!keepRelay) refuseMissingSettings(c.kind, c.config.settings as Record<string, unknown> | undefined, `The channel "${c.id}"`);
    } catch (e) {
      report.channels.skipped.push({ id: c.id, why: (e as Error).message });
      continue;
    }
    moving.add(c.id);
    if (hubChannels.has(c.id)) {
      report.channels.existing.push(c.id);
      continue;
    }
    const settings = keepRelay ? { ...(config.settings as Record<string, unknown> | undefined), via } : config.settings;
    await store.saveChannel({ id: c.id, kind: c.kind, name: c.name, enabled: c.enabled, config: { ...config, ...(settings ? { settings } : {}) } }, actor);
    report.channels.created.push(c.id);
    if (!keepRelay) report.channels.secretsToSet.push(`${c.id}.token`);
  }

  const labels = new HubLabels(store);
  const labelByKey = new Map((await labels.list()).map((l) => [l.name.toLocaleLowerCase(), l.id]));
  const labelIds = new Map<number, number>();
  for (const l of source.store.labels.list()) {
    let id = labelByKey.get(l.name.toLocaleLowerCase());
    if (id === undefined) {
      id = (await labels.create(l.name, actor)).id;
      report.labels++;
    }
    labelIds.set(l.id, id);
  }

  const canned = new HubCannedReplies(store);
  const shortcuts = new Set((await canned.list()).map((r) => r.shortcut.toLocaleLowerCase()));
  const mover = [...userIds.values()][0];
  for (const r of source.store.canned.list()) {
    if (shortcuts.has(r.shortcut.toLocaleLowerCase()) || mover === undefined) continue;
    await canned.save({ shortcut: r.shortcut, title: r.title, body: r.body, authorId: mover }, actor);
    report.cannedReplies++;
  }

  const moveIn = new HubMoveIn(store);
  const database = source.store.dbId;
  for (const contactId of source.store.subjects.contactIds()) {
    const data = source.store.subjects.export({ contactId }, actor.actor, grant);
    if (!moving.has(data.contact.channelId)) continue;
    for (const conv of data.conversations) {
      if (await moveIn.alreadyMoved(database, conv.id)) {
        report.conversations.alreadyThere++;
        continue;
      }
      const summary = source.store.conversations.get(conv.id);
      const messages = conv.messages.map((m, n): InboundMessage => ({
        platformMessageId: m.platformMessageId ?? `moved:${database}:${conv.id}:${n}`,
        platformConversationId: conv.platformConversationId,
        contact: {
          platformUserId: data.contact.platformUserId,
          ...(data.contact.displayName ? { displayName: data.contact.displayName } : {}),
          ...(data.contact.handle ? { handle: data.contact.handle } : {}),
        },
        direction: m.direction === 'out' ? 'out' : 'in',
        text: m.text,
        sentAt: Date.parse(m.sentAt),
        ...(m.attachments.length ? { attachments: m.attachments.map(attachmentOf) } : {}),
        // An e-mail's HTML moves sealed again at the hub, as its whole original.
        ...(m.html ? { html: m.html } : {}),
      }));
      const moved = await moveIn.moveConversation(
        {
          source: { database, conversationId: conv.id },
          channelId: data.contact.channelId,
          messages: messages.map((m) => sealer.prepare(m)),
          status: summary.status,
          snoozedUntil: summary.snoozedUntil,
          assigneeId: summary.assigneeId ? (userIds.get(summary.assigneeId) ?? null) : null,
          labelIds: summary.labelIds.map((id) => labelIds.get(id)).filter((id): id is number => id !== undefined),
          notes: source.store.notes
            .list(conv.id)
            .filter((n) => n.authorId && userIds.has(n.authorId))
            .map((n) => ({ authorId: userIds.get(n.authorId!)!, maskedText: n.maskedText, createdAt: n.createdAt })),
        },
        actor,
      );
      if (!moved) {
        report.conversations.alreadyThere++;
        continue;
      }
      report.conversations.moved++;
      report.messages += moved.messages;
      if (report.conversations.moved % 100 === 0) progress(`${report.conversations.moved} conversations moved`);
    }
  }
  return report;
}

/** An attachment as the customer export lists it (its database columns), in the ingest's terms. */
function attachmentOf(a: Record<string, unknown>): InboundAttachment {
  return {
    kind: String(a.kind) as AttachmentKind,
    ...(typeof a.file_name === 'string' ? { fileName: a.file_name } : {}),
    ...(typeof a.mime_type === 'string' ? { mimeType: a.mime_type } : {}),
    ...(typeof a.size === 'number' ? { size: a.size } : {}),
  };
}
