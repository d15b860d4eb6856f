/**
 * The words the core, the IPC contract and the renderer share, each written once: roles, channel kinds,
 * interface languages, sensitive field types (and which are never revealable), conversation statuses, delivery
 * states, phishing-drill kinds and the error codes a caller acts on.
 *
 * This module imports nothing, so the renderer may import it as values (through `main/ipc/vocabulary.ts`, the one
 * exception the renderer's lint rule makes for main-process code); the import-graph test holds it to that.
 */

export const ROLES = ['agent', 'lead', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** The console's interface languages; the core words its explanations (guard findings, refusals) in these. */
export const INTERFACE_LANGUAGES = ['en', 'ar', 'fa'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

/** The kinds of sensitive value the masking detectors find; a masked field chip carries one of these. */
export const SENSITIVE_TYPES = ['PHONE', 'NATIONAL_ID', 'EMAIL', 'CARD', 'IBAN', 'DOB', 'OTP', 'PASSPORT', 'CVV', 'CARD_EXPIRY'] as const;
export type SensitiveType = (typeof SENSITIVE_TYPES)[number];

/**
 * Types no policy can make revealable: a one-time code or a card security code is never shown again, to anyone.
 * The reveal rules (auth/reveal.ts, the custodian) refuse them, and the console says so on the chip up front.
 */
export const NEVER_REVEALABLE: readonly SensitiveType[] = ['OTP', 'CVV'];

/**
 * The reveal scope "whole original": a message's original as the platform sent it (an e-mail's HTML), kept sealed as
 * one more field of the message under this type, after its masked fields. A reveal of it shows the original
 * unmasked (rendered safely; one-time codes and security codes still blotted), so the reveal rules treat it as a
 * type of its own: who may ask and whether a lead must approve are IT's policy, like any field type.
 */
export const WHOLE_ORIGINAL = 'ORIGINAL';

/** Every kind of channel a console or hub can run (`demo` is the built-in channel of a console with none configured). */
export const CHANNEL_KINDS = ['telegram', 'x', 'messenger', 'instagram', 'whatsapp', 'email', 'demo'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const CONVERSATION_STATUSES = ['open', 'pending', 'snoozed', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** Where an agent's reply is: `unknown` when the app stopped mid-send and only the agent can decide what happened. */
export const DELIVERY_STATES = ['queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'unknown'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** The scams a phishing drill (`guard/drills/`) can imitate. */
export const DRILL_KINDS = ['lookalike_link', 'fake_support_number', 'upgrade_fee', 'account_frozen', 'code_forward'] as const;
export type DrillKind = (typeof DRILL_KINDS)[number];

/**
 * Error codes a caller branches on. Every failure carries a stable code and a sentence for a person (`DiwanError`);
 * the codes here are the ones the IPC layer itself answers with and the ones the renderer compares against, so
 * both sides name them from this list instead of typing the string twice.
 */
export const ERROR_CODES = {
  // the IPC layer's own answers (main/ipc/dispatch.ts)
  unknownChannel: 'unknown_channel',
  untrustedSender: 'untrusted_sender',
  badRequest: 'bad_request',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  locked: 'locked',
  internal: 'internal',
  // things that are not there (or not for this caller)
  conversationUnknown: 'conversation_unknown',
  userUnknown: 'user_unknown',
  // four eyes: nobody approves their own request (a reveal, a blocked reply)
  selfApproval: 'self_approval',
  // reveal grants
  revealPending: 'reveal_pending',
  revealDenied: 'reveal_denied',
  revealRequestStale: 'reveal_request_stale',
  // the composer
  newerMessage: 'newer_message',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/**
 * The bounds of what a lead or an administrator writes in the team workflow's settings: the schemas
 * (core/workflow/rules.ts) check them and the console's sentences name them.
 */
export const WORKFLOW_LIMITS = {
  capacity: { min: 1, max: 1_000 },
  /** SLA targets, in minutes (a year at most). */
  slaMinutes: { min: 1, max: 525_600 },
  /** 0: back to the queue as soon as the assignee is away or offline. */
  returnAfterMinutes: { min: 0, max: 525_600 },
  noticeText: { min: 20, max: 2_000 },
} as const;

/** How a channel's conversations are handed out (core/workflow/assignment.ts decides). */
export const ASSIGN_MODES = ['manual', 'round-robin', 'least-open'] as const;

/** The days of a business calendar's week (core/sla/calendar.ts), Sunday first. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * What each platform accepts as the text of one reply, by channel kind; a kind not listed has no platform limit
 * beyond the store's. The core refuses a longer reply before queuing it (`reply-limits.ts`) and the composer counts
 * with the same table, so the agent sees the limit while typing.
 */
export const REPLY_LIMITS: Readonly<Partial<Record<ChannelKind, { max: number; unit: 'characters' | 'bytes'; platform: string }>>> = {
  telegram: { max: 4096, unit: 'characters', platform: 'Telegram' },
  whatsapp: { max: 4096, unit: 'characters', platform: 'WhatsApp' },
  messenger: { max: 2000, unit: 'characters', platform: 'Messenger' },
  // Instagram counts UTF-8 bytes: 1,000 bytes is about 500 Arabic or Persian letters.
  instagram: { max: 1000, unit: 'bytes', platform: 'Instagram' },
  x: { max: 10_000, unit: 'characters', platform: 'X' },
  demo: { max: 4096, unit: 'characters', platform: 'The demo channel' },
};

/** The length of a reply as its platform counts it: UTF-8 bytes, or code points (not UTF-16 units) for characters. */
export function replyLength(text: string, unit: 'characters' | 'bytes'): number {
  return unit === 'bytes' ? new TextEncoder().encode(text).length : [...text].length;
}

/** Messenger's and Instagram's handover protocol, as the conversation view offers it (`take_thread_control`, …). */
export const THREAD_CONTROL_ACTIONS = ['take', 'pass', 'request'] as const;
export type ThreadControlAction = (typeof THREAD_CONTROL_ACTIONS)[number];
/** The channel kinds whose connectors hand a thread over (`Connector.threadControl`). */
export const THREAD_CONTROL_KINDS: readonly string[] = ['messenger', 'instagram'];

/** What an administrator's "Test" of a channel found (`core/app/channel-check.ts`); the console words each one. */
export const CHANNEL_CHECK_OUTCOMES = ['ok', 'no_credentials', 'token_rejected', 'unreachable', 'rate_limited', 'platform_error', 'rejected'] as const;
export type ChannelCheckOutcome = (typeof CHANNEL_CHECK_OUTCOMES)[number];
