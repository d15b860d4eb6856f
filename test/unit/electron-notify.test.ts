import { describe, expect, it } from 'vitest';
import { createNotifier } from '../../main/electron/notify';
import { fakeElectron } from '../helpers/fake-electron';

describe('OS notifications (main/electron/notify)', () => {
  it('shows the title and body main wrote, without a reply field', () => {
    const electron = fakeElectron();
    expect(createNotifier(electron).notify({ title: 'Diwan', body: 'New conversation assigned to you — Telegram' })).toBe(true);
    expect(electron.notifications).toEqual([{ title: 'Diwan', body: 'New conversation assigned to you — Telegram', silent: false, hasReply: false }]);
  });

  it('reports false and shows nothing where the OS has no notifications', () => {
    const electron = fakeElectron({ notificationsSupported: false });
    expect(createNotifier(electron).notify({ title: 'Diwan', body: 'x' })).toBe(false);
    expect(electron.notifications).toEqual([]);
  });
});
