import type { NotifierPort } from '../ipc/console-port';
import type { ElectronPort } from './port';

/**
 * OS notifications. Callers (main/ipc) write the title and body from non-customer data only; silent, no actions,
 * no reply field, so nothing typed into a notification can bypass the composer's guard.
 */
export function createNotifier(electron: Pick<ElectronPort, 'Notification'>): NotifierPort {
  return {
    notify({ title, body }) {
      if (!electron.Notification.isSupported()) return false;
      new electron.Notification({ title, body, silent: false, hasReply: false }).show();
      return true;
    },
  };
}
