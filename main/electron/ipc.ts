import { channelNames, EVENT_PREFIX, IPC_PREFIX, type EventName, type EventOf } from '../ipc/contract';
import type { CallContext, Dispatch } from '../ipc/dispatch';
import { newSessionSlot, type SessionSlot } from '../core/auth';
import type { IpcInvokeEventLike, IpcMainLike, WebContentsLike } from './port';
import { isAppUrl } from './protocol';

/** Only the main frame of our own app:// page may call main. Not an iframe, not a navigated-away page. */
export function isTrustedSender(event: IpcInvokeEventLike): boolean {
  const frame = event.senderFrame;
  return !!frame && frame === event.sender.mainFrame && isAppUrl(frame.url);
}

/** One session slot per window's web contents: a second window would have to sign in on its own. */
export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch<CallContext>): void {
  const slots = new WeakMap<object, SessionSlot>();
  const slotOf = (sender: object) => {
    let slot = slots.get(sender);
    if (!slot) slots.set(sender, (slot = newSessionSlot()));
    return slot;
  };
  for (const name of channelNames) {
    ipcMain.handle(IPC_PREFIX + name, (event, request) =>
      dispatch(name, request, { trustedSender: isTrustedSender(event), session: slotOf(event.sender) }),
    );
  }
}

export function sendEvent<E extends EventName>(contents: WebContentsLike, name: E, payload: EventOf<E>): void {
  contents.send(EVENT_PREFIX + name, payload);
}
