import type { z } from 'zod';
import type { Permission } from '../core/auth';

/**
 * One IPC channel's declaration: its request and response schemas and the permission it needs. Both contract
 * files (`contract.ts`, `console-contract.ts`) declare their channels with `channel()`; it lives here so neither
 * imports the other for it.
 */
export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  permission: Permission;
}

export function channel<Req extends z.ZodType, Res extends z.ZodType>(spec: ChannelSpec<Req, Res>): ChannelSpec<Req, Res> {
  return spec;
}
