import type { z } from 'zod';
import { isDiwanError } from '../core/shared/errors';
import type { Permission, SessionSlot } from '../core/auth';
import { compiledCheck } from './compiled-check';
import { contract, isChannelName, type ChannelName, type ResponseOf } from './contract';
import type { IpcError, IpcResult } from './result';

export interface CallContext {
  /** Set by the transport: true only for our own app:// main frame (Electron) or the bridge's page. */
  trustedSender: boolean;
  /** The transport's session slot: one per window (Electron) or per cookie (test bridge). Never sent to the renderer. */
  session: SessionSlot;
}

export type Handlers<Ctx extends CallContext = CallContext> = {
  [K in ChannelName]: (request: ParsedRequestOf<K>, ctx: Ctx) => Promise<ResponseOf<K>> | ResponseOf<K>;
};
/** A request after its schema parsed it (defaults applied, unknown keys stripped). */
export type ParsedRequestOf<K extends ChannelName> = z.output<(typeof contract)[K]['request']>;

/** Returns null when allowed, or the error to answer with. */
export type Authorizer<Ctx extends CallContext> = (permission: Permission, channel: ChannelName, ctx: Ctx) => IpcError | null;

export type Dispatch<Ctx extends CallContext = CallContext> = (
  channel: unknown,
  request: unknown,
  ctx: Ctx,
) => Promise<IpcResult<unknown>>;

export interface DispatcherOptions<Ctx extends CallContext> {
  handlers: Handlers<Ctx>;
  authorize: Authorizer<Ctx>;
  /** Where internal failures are reported. Receives the channel name and error class only, never arguments. */
  onInternalError?: (channel: string, error: unknown) => void;
}

/** Each channel's response check, compiled at its first answer (zod's own `safeParse` where it does not compile). */
const responseChecks = new Map<ChannelName, (value: unknown) => z.ZodSafeParseResult<unknown>>();
function checkResponse(channel: ChannelName, value: unknown): z.ZodSafeParseResult<unknown> {
  let check = responseChecks.get(channel);
  if (!check) {
    const schema: z.ZodType = contract[channel].response;
    check = compiledCheck(schema) ?? ((v) => schema.safeParse(v));
    responseChecks.set(channel, check);
  }
  return check(value);
}

/**
 * The single gate every renderer call passes: known channel, trusted sender, permission, request schema,
 * handler, response schema. Never throws; every failure is a typed `IpcError`.
 */
export function createDispatcher<Ctx extends CallContext>(opts: DispatcherOptions<Ctx>): Dispatch<Ctx> {
  return async (channel, request, ctx) => {
    if (!isChannelName(channel)) return fail('unknown_channel', 'There is no such Diwan call.');
    if (!ctx.trustedSender) return fail('untrusted_sender', 'This call did not come from the Diwan console window.');
    const spec = contract[channel];
    const denied = opts.authorize(spec.permission, channel, ctx);
    if (denied) return { ok: false, error: denied };

    const parsed = spec.request.safeParse(request);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'bad_request',
          message: `The request to ${channel} was not valid.`,
          issues: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })),
        },
      };
    }
    try {
      const handler = opts.handlers[channel] as (req: unknown, ctx: Ctx) => unknown;
      const value = await handler(parsed.data, ctx);
      // Authorized again on the way out: a call answered after the console locked must not deliver its value.
      const lateDenial = opts.authorize(spec.permission, channel, ctx);
      if (lateDenial) return { ok: false, error: lateDenial };
      const out = checkResponse(channel, value);
      if (!out.success) {
        opts.onInternalError?.(channel, new Error('response did not match the contract'));
        return fail('internal', 'Diwan produced an answer it should not have; nothing was changed on screen.');
      }
      return { ok: true, value: out.data };
    } catch (e) {
      if (isDiwanError(e)) return { ok: false, error: { code: e.code, message: e.message, details: e.details } };
      opts.onInternalError?.(channel, e);
      return fail('internal', 'Something went wrong inside Diwan. The error was logged without customer data.');
    }
  };
}

function fail(code: IpcError['code'], message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

