import { DiwanError } from '../shared/errors';
import type { ConnectorSink } from '../shared/messages';
import type { Clock } from '../shared/ports';
import type { Db, Store } from '../store';
import { DRILL_KINDS, DRILL_MINUTES, type DrillKind, type Drills } from '../guard';
import { DEMO_CHANNEL_ID } from './channels';

/**
 * Phishing drills as the console runs them: an administrator starts one on the demo channel, which delivers one scam
 * attempt per kind at once (through the same guarded sink as every connector, each in its own conversation); agents'
 * reports and replies on those messages are recorded by `Drills`.
 */
export interface PhishingDrillRunner {
  start(args: { schedulerUsername: string; role: 'admin' | 'lead' | 'agent'; channelId?: string; kinds?: DrillKind[] }): { drillId: string; conversationIds: number[] };
  /** The drill message among the stored message ids, if any (its platform id is the drill message id). */
  drillMessageOf(messageId: number): string | null;
  /** Every drill message a customer sent in the conversation. */
  drillMessagesIn(conversationId: number): string[];
}

export function createPhishingDrillRunner(deps: { db: Db; store: Store; drills: Drills; sink: ConnectorSink; clock: Clock }): PhishingDrillRunner {
  const platformIdOf = deps.db.prepare("SELECT platform_message_id p FROM messages WHERE id = ? AND direction = 'in'");
  const inConversation = deps.db.prepare("SELECT platform_message_id p FROM messages WHERE conversation_id = ? AND direction = 'in' AND platform_message_id LIKE 'drillmsg-%'");
  return {
    start(args) {
      const channelId = args.channelId ?? DEMO_CHANNEL_ID;
      const channel = deps.store.channels.list().find((c) => c.id === channelId);
      if (!channel || channel.kind !== 'demo') throw new DiwanError('drill_needs_demo_channel', 'Phishing drills run on the demo channel. Choose a demo channel.');
      const now = deps.clock.now();
      const kinds = args.kinds?.length ? args.kinds : DRILL_KINDS;
      const drillId = deps.drills.schedule({ adminId: args.schedulerUsername, role: args.role, channelId, startsAt: now, endsAt: now + DRILL_MINUTES * 60_000, kinds });
      const conversationIds: number[] = [];
      for (const kind of kinds) {
        const m = deps.drills.nextDrillMessage(kind, channelId);
        if (!m) continue;
        const result = deps.sink.ingest(channelId, [
          {
            platformMessageId: m.drillMessageId,
            platformConversationId: m.drillMessageId,
            contact: { platformUserId: m.drillMessageId },
            direction: 'in',
            text: m.text,
            sentAt: now,
          },
        ]);
        conversationIds.push(...result.conversationIds);
      }
      return { drillId, conversationIds };
    },
    drillMessageOf(messageId) {
      const row = platformIdOf.get(messageId) as { p: string | null } | undefined;
      return row?.p && deps.drills.isDrillMessage(row.p) ? row.p : null;
    },
    drillMessagesIn(conversationId) {
      return (inConversation.all(conversationId) as Array<{ p: string }>).map((r) => r.p).filter((p) => deps.drills.isDrillMessage(p));
    },
  };
}
