export { HubClient, HubRefusal, type HubClientOptions } from './client';
export { TeamCache, type CachedConversation, type CachedMessage, type QueuedReply } from './cache';
export type { ConversationView, FieldView, MessageView, TeamMember } from './wire';
export { decideReveal, openReveal, type HubCaller } from './reveals';
