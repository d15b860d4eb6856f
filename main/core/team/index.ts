export { HubClient, HubRefusal, type HubClientOptions, type StreamEvent } from './client';
export { TeamConsole, type TeamConsoleOptions, type TeamSeat } from './seats';
export { TeamCache, type CachedChannel, type CachedConversation, type CachedMessage, type CachedNote, type QueuedReply } from './cache';
export type { ConversationView, FieldView, MessageView, TeamMember } from './wire';
export { decideReveal, openReveal, type HubCaller } from './reveals';
