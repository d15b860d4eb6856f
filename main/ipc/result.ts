import type { ErrorCode } from '../core/shared/vocabulary';

/** What every IPC call resolves to. Calls never reject: a failure is a typed error object. */
export type IpcErrorCode = ErrorCode | (string & {});

export interface IpcError {
  code: IpcErrorCode;
  message: string;
  details?: Record<string, string | number | boolean>;
  /** For bad_request: where the request was wrong (paths and reasons, never the values sent). */
  issues?: Array<{ path: string; message: string }>;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };
