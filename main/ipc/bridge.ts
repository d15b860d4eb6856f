import type { ChannelName, EventName, EventOf, RequestOf, ResponseOf } from './contract';
import type { IpcResult } from './result';

/** What the renderer sees as `window.diwan`: one function per channel, and one subscriber per event. */
export type Bridge = {
  [K in ChannelName]: (request: RequestOf<K>) => Promise<IpcResult<ResponseOf<K>>>;
} & {
  on: { [E in EventName]: (listener: (event: EventOf<E>) => void) => () => void };
};
