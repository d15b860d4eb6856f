import { z } from 'zod';
import type { Permission } from '../core/auth';
import { consoleContract, consoleEvents } from './console-contract';
import { AppStatusSchema, Empty, NetworkStatusSchema } from './schemas';

/**
 * The one IPC contract. Each channel is declared once: its request and response schemas and the permission
 * it needs. Main validates every call against it, the preload exposes exactly these names as `window.diwan`,
 * the renderer gets its types from it, and the loopback test bridge serves the same calls.
 *
 * Responses are parsed too: zod objects strip keys that are not declared, so a handler cannot leak a field
 * by accident.
 */
export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  permission: Permission;
}

function channel<Req extends z.ZodType, Res extends z.ZodType>(spec: ChannelSpec<Req, Res>): ChannelSpec<Req, Res> {
  return spec;
}

export const contract = {
  getStatus: channel({ request: Empty, response: AppStatusSchema, permission: 'public' }),
  /** Public so the lock screen can say why it is locked and notice the way back. */
  getNetworkStatus: channel({ request: Empty, response: NetworkStatusSchema, permission: 'public' }),
  ...consoleContract,
} as const;

/** Events main pushes to the renderer (never customer data the renderer was not granted). */
export const events = {
  /** The console locked itself (off-network, idle, OS lock): drop every customer datum held. */
  locked: z.object({ reason: z.string() }),
  ...consoleEvents,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type EventName = keyof typeof events;
export type RequestOf<K extends ChannelName> = z.input<Contract[K]['request']>;
export type ResponseOf<K extends ChannelName> = z.output<Contract[K]['response']>;
export type EventOf<K extends EventName> = z.output<(typeof events)[K]>;

export const IPC_PREFIX = 'diwan:';
export const EVENT_PREFIX = 'diwan-event:';
export const channelNames = Object.keys(contract) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
