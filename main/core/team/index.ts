export { HubClient, HubRefusal, type HubClientOptions } from './client';
export { TeamCache, type CachedConversation, type CachedMessage, type Mention, type QueuedReply } from './cache';
export { MARKER_KINDS, type ConversationView, type FieldView, type LiveMarker, type MarkerKind, type MessageView, type PresenceView, type TeamMember } from './wire';
