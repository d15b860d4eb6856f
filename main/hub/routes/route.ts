import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Permission, RevealRules } from '../../core/auth';
import type { GuardPolicy } from '../../core/guard';
import { DiwanError } from '../../core/shared/errors';
import type { ConversationView } from '../../core/team/wire';
import type { HubAccounts, SignedIn } from '../accounts';
import type { CustodianPort } from '../custodian-link';
import type { MarkerBoard } from '../markers';
import type { OriginalsSealer } from '../sealing';
import type { HubSecrets } from '../secrets';
import type { ExportSigner } from '../../core/review';
import type { AttachmentContent, SendResult } from '../../core/connectors';
import type { OutboundItem } from '../../core/shared/messages';
import type { HubRelayQueue } from '../store/relay-queue';
import type { RelayBell } from '../relay-bell';
import type { FloodRates } from '../flood';
import type { ConsentStore, HubChannel, HubStore, WorkflowStore } from '../store';
import type { ChannelCheck } from '../../core/app/channel-check';

// What every area of the hub's API (`routes/*.ts`, assembled by `../api.ts`) is built from. It lives apart from
// `api.ts` so the areas do not import the module that imports them.

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  params: string[];
  query: URLSearchParams;
  body: unknown;
  who: SignedIn | null;
}

export type Handler = (c: Ctx) => Promise<unknown>;

/** One HTTP route of the hub; each area of the API (`routes/*.ts`) returns a list of these. */
export interface Route {
  method: 'GET' | 'POST';
  path: RegExp;
  /** null: no session needed (sign-in itself); `enrolment`: any session, or a sign-in that must set up its second factor first. */
  permission: Permission | 'session' | 'enrolment' | null;
  handle: Handler;
}

export interface ApiDeps {
  store: HubStore;
  /** Signs transcript exports: the hub's grant key (`routes/transcript-export.ts`). */
  exportSigner: ExportSigner;
  /** The hub's secrets (IT's store with the channel secrets set from consoles over it); routes learn only whether one exists. */
  secrets: HubSecrets;
  accounts: HubAccounts;
  sealer: OriginalsSealer;
  /** The custodian that opens a granted field for the requesting device (the hub cannot). */
  custodian: CustodianPort;
  team: string;
  now: () => number;
  reveal: RevealRules;
  maxBodyBytes: number;
  /** A reply was queued: the node running its channel should look at its outbox. */
  replyQueued: (channelId: string) => void;
  /** A handover was asked for: this node serves it at once if it runs the channel (other nodes hear a NOTIFY). */
  handoverAsked?: () => void;
  /** A customer's file by its stored platform reference, fetched through the channel (`HubChannels.fetchAttachment`). */
  fetchAttachment: (channelId: string, ref: string, signal: AbortSignal) => Promise<AttachmentContent>;
  /** An administrator's Test of a channel's credentials (`HubChannels.checkCredentials`); absent, the route says so. */
  checkChannel?: (channel: HubChannel) => Promise<ChannelCheck>;
  /** The hub's policy: resetting a user's second factor from a console needs a second administrator's confirmation. */
  factorResetNeedsSecondAdmin?: boolean;
  /** The hub's policy: a lead, administrator or auditor role given from a console needs a second administrator's confirmation. */
  roleGrantNeedsSecondAdmin?: boolean;
  /** The people IT's signed policy names for a privileged role (`privilegedUserKey`): the embedded hub's console policy. */
  privilegedUsers?: () => ReadonlySet<string>;
  /** The hub's configuration `oneMachine`: a lead may approve a reveal on the device that asked (another person, their own sign-in). */
  oneMachine?: boolean;
  /** The webhook flood limits (`webhooks.flood`), shown beside held messages so a lead reads what "too many" meant. */
  floodRates?: FloodRates;
  /** The outbound guard's settings (`DEFAULT_GUARD_POLICY` when absent). */
  guardPolicy?: GuardPolicy;
  /**
   * Set on a hub that serves `settings.via = "relay"` channels through the office relay (the embedded hub): whether
   * the signed policy names one now. A team hub takes webhooks itself and refuses such channels.
   */
  relay?: { named(): boolean };
  /**
   * The console ⇄ relay protocol v1 this hub serves for `settings.relayTo` channels (`routes/relay.ts`): the queue,
   * this node's bell for waiting polls, and one send of a device's reply with the channel's token held at the hub.
   */
  relayHub?: { queue: HubRelayQueue; bell: RelayBell; send: (channelId: string, item: OutboundItem, signal: AbortSignal) => Promise<SendResult> };
  /** The team workflow (issue 18): rules, presence, markers; `changed` asks this node to sweep soon. */
  workflow: { store: WorkflowStore; consent: ConsentStore; markers: MarkerBoard; presenceTtlMs: number; changed: () => void };
}

export const parse = <T>(schema: z.ZodType<T>, value: unknown): T => {
  const r = schema.safeParse(value);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new DiwanError('bad_request', `The request is not valid: ${i.path.join('.') || 'body'} ${i.message}.`);
  }
  return r.data;
};

/** What a route module gets besides the dependencies: who acts, and a conversation the caller may read. */
export interface AreaHelpers {
  actorOf(w: SignedIn): { actor: string; device: string };
  conversationFor(w: SignedIn, conversationId: number): Promise<ConversationView>;
}
