import { DiwanError } from '../../core/shared/errors';
import { HubChannelRemoval } from '../store/channel-removal';
import type { ApiDeps, AreaHelpers, Route } from './route';

const CHANNEL = /^\/v1\/admin\/channels\/([a-z0-9][a-z0-9_-]{0,63})\/(test|remove)$/;

/**
 * An administrator tests or removes one of the team's channels from a console's Channels tab. Test asks the
 * platform, through any node, whether the credentials in the hub's secret store work (one read-only call) and is
 * audited with its outcome; Remove is `HubChannelRemoval` (the conversations stay).
 */
export function channelAdminRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  const removal = new HubChannelRemoval(d.store);
  const liveChannel = async (id: string) => {
    const removed = await removal.removedIds();
    const c = (await d.store.channels()).find((x) => x.id === id && !removed.has(id));
    if (!c) throw new DiwanError('channel_unknown', `There is no channel "${id}" any more; reload the Channels tab.`);
    return c;
  };
  return [
    {
      method: 'POST',
      path: CHANNEL,
      permission: 'channels.manage',
      handle: async ({ who, params }) => {
        const [id, action] = params;
        if (action === 'remove') return removal.remove(id!, h.actorOf(who!));
        const channel = await liveChannel(id!);
        if (!d.checkChannel) throw new DiwanError('channel_test_unavailable', 'This hub cannot test channels.');
        const check = await d.checkChannel(channel);
        await d.store.q.tx((t) => d.store.appendAudit(t, { ...h.actorOf(who!), action: 'channel.tested', target: `channel:${id}`, details: { kind: channel.kind, outcome: check.outcome } }));
        return check;
      },
    },
  ];
}
