export { HubClient, HubRefusal, type HubClientOptions, type StreamEvent } from './client';
export { DEFAULT_RECONNECT, reconnectWait, type ReconnectBackoff } from './backoff';
export { TeamConsole, type TeamConsoleOptions, type TeamSeat } from './seats';
export {
  TeamCache,
  type CachedChannel,
  type CachedConversation,
  type CachedMessage,
  type CachedNote,
  type Notification,
  NOTIFICATION_KINDS,
  type QueuedReply,
} from './cache';
export { MARKER_KINDS, type ConversationView, type CustomerPanelView, type FieldView, type LiveMarker, type MarkerKind, type MessageView, type PresenceView, type RoleGrantView, type FactorResetView, type TeamMember } from './wire';
export { decideReveal, openReveal, type HubCaller } from './reveals';
export { countHeld, discardHeld, listHeld, releaseHeld, type HeldCountView, type HeldListing, type HeldMessageView, type HeldPick } from './held';
