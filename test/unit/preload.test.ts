import { describe, expect, it } from 'vitest';
import { channelNames, eventNames } from '../../main/ipc/contract';
import { buildPreloadApi } from '../../preload/api';

describe('preload API', () => {
  it('exposes exactly the contract functions and event subscribers, nothing generic', async () => {
    const invoked: Array<[string, unknown]> = [];
    const listeners = new Map<string, (e: unknown, p: unknown) => void>();
    const api = buildPreloadApi({
      invoke: async (c, ...a) => void invoked.push([c, a[0]]),
      on: (c, l) => listeners.set(c, l),
      removeListener: (c) => listeners.delete(c),
    });
    expect(Object.keys(api).sort()).toEqual([...channelNames, 'on'].sort());
    expect(Object.keys(api.on as object).sort()).toEqual([...eventNames].sort());
    for (const forbidden of ['invoke', 'send', 'ipcRenderer', 'process', 'require']) expect(api).not.toHaveProperty(forbidden);
    expect(Object.isFrozen(api)).toBe(true);

    await (api.getStatus as (r: unknown) => Promise<unknown>)({});
    expect(invoked).toEqual([['diwan:getStatus', {}]]);

    const got: unknown[] = [];
    const off = (api.on as Record<string, (l: (p: unknown) => void) => () => void>).locked!((p) => got.push(p));
    listeners.get('diwan-event:locked')!({ sender: 'secret-event-object' }, { reason: 'x' });
    expect(got).toEqual([{ reason: 'x' }]);
    off();
    expect(listeners.has('diwan-event:locked')).toBe(false);
  });
});
