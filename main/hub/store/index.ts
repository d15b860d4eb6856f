export { HubStore, toMember, publicReveal } from './hub-store';
export { HUB_SCHEMA_VERSION, migrate, schemaVersion, checkSchema } from './migrations';
export { sqliteExecutor } from './sqlite';
export { postgresExecutor, describePgError, isConnectionError, newPgPool } from './postgres';
export type { SqlExecutor, SqlValue } from './executor';
export type * from './types';
export { WebhookIntakeStore, type WebhookDelivery, type WebhookJob, type WebhookOutcome } from './webhooks';
export { WorkflowStore, DEFAULT_RULE, type ChannelRule, type PresenceView, type RiskRow } from './workflow';
export { ConsentStore, type ConsentNotice, type ConsentRecord, type PrepareText } from './consent';
