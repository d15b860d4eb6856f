export { HubClient, HubRefusal, type HubClientOptions } from './client';
export { TeamCache, type CachedConversation, type CachedMessage, type Notification, NOTIFICATION_KINDS, type QueuedReply } from './cache';
export { MARKER_KINDS, type ConversationView, type FieldView, type LiveMarker, type MarkerKind, type MessageView, type PresenceView, type TeamMember } from './wire';
