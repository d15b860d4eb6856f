import { channelNames, eventNames, EVENT_PREFIX, IPC_PREFIX } from '../main/ipc/contract';

interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/**
 * Exactly the contract's functions, nothing else: no raw ipcRenderer, no generic invoke, and event listeners
 * receive the payload only (never the IPC event object, which would expose the sender).
 */
export function buildPreloadApi(ipc: IpcRendererLike): Record<string, unknown> {
  const api: Record<string, unknown> = {};
  for (const name of channelNames) {
    api[name] = (request: unknown) => ipc.invoke(IPC_PREFIX + name, request);
  }
  const on: Record<string, unknown> = {};
  for (const name of eventNames) {
    on[name] = (listener: (payload: unknown) => void) => {
      const handler = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(EVENT_PREFIX + name, handler);
      return () => void ipc.removeListener(EVENT_PREFIX + name, handler);
    };
  }
  api.on = Object.freeze(on);
  return Object.freeze(api);
}
