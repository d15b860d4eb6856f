import type { Bridge } from '../../main/ipc/bridge';
import type { ChannelName, RequestOf, ResponseOf } from '../../main/ipc/contract';
import type { IpcError, IpcResult } from '../../main/ipc/result';
import i18next from './i18n';
import { ERROR_CODES } from '../../main/ipc/vocabulary';

declare global {
  interface Window {
    diwan?: Bridge;
  }
}

/** A failed call, carrying the typed error main answered with. */
export class BridgeError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
  }
}

export function getBridge(): Bridge {
  if (!window.diwan) throw new Error('The Diwan bridge is missing: open the console through Diwan or the test bridge.');
  return window.diwan;
}

/** Calls one channel and unwraps its result; a typed error becomes a BridgeError. */
export async function call<K extends ChannelName>(name: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const fn = getBridge()[name] as unknown as (req: RequestOf<K>) => Promise<IpcResult<ResponseOf<K>>>;
  const result = await fn(request);
  if (!result.ok) throw new BridgeError(result.error);
  return result.value;
}

/** The generic codes the locales translate under `errors.*`. */
const KNOWN_CODES = new Set<string>([ERROR_CODES.unauthenticated, ERROR_CODES.locked, ERROR_CODES.forbidden, ERROR_CODES.badRequest, ERROR_CODES.internal]);

/**
 * A calm, actionable sentence for any failure. Generic codes are translated here, and so are the domain codes the
 * locales know (`errors.codes.*`); any other domain error carries main's own English sentence (written for a
 * person, never holding customer data).
 */
export function errorText(e: unknown, t: (key: string) => string): string {
  if (!(e instanceof BridgeError)) return t('errors.bridge');
  if (KNOWN_CODES.has(e.error.code)) return t(`errors.${e.error.code}`);
  const domain = `errors.codes.${e.error.code}`;
  return i18next.exists(domain) ? t(domain) : e.error.message;
}

export function errorCode(e: unknown): string | null {
  return e instanceof BridgeError ? e.error.code : null;
}
