import { channelNames, EVENT_PREFIX, IPC_PREFIX, type EventName, type EventOf } from '../ipc/contract';
import type { CallContext, Dispatch } from '../ipc/dispatch';
import type { IpcInvokeEventLike, IpcMainLike, WebContentsLike } from './port';
import { isAppUrl } from './protocol';

/** Only the main frame of our own app:// page may call main. Not an iframe, not a navigated-away page. */
export function isTrustedSender(event: IpcInvokeEventLike): boolean {
  const frame = event.senderFrame;
  return !!frame && frame === event.sender.mainFrame && isAppUrl(frame.url);
}

export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch<CallContext>): void {
  for (const name of channelNames) {
    ipcMain.handle(IPC_PREFIX + name, (event, request) =>
      dispatch(name, request, { trustedSender: isTrustedSender(event) }),
    );
  }
}

export function sendEvent<E extends EventName>(contents: WebContentsLike, name: E, payload: EventOf<E>): void {
  contents.send(EVENT_PREFIX + name, payload);
}
