import type { Vault } from '../core/vault';
import type { HubChannelKind } from './kinds';
import type { OriginalsSealer } from './sealing';
import { channelVault, withChannelSecrets, type HubSecrets } from './secrets';
import type { HubStore } from './store';
import type { HubChannelSetup } from './store/channel-setup';

/**
 * The secrets one hub node works with: IT's store with the channel secrets saved in the database over it (`secrets`,
 * for webhooks and the API), and the connectors' vault (`vault`). A connector that rotates its own secret (X's
 * refresh token, an OAuth2 mailbox's) saves the new value sealed in `hub_secrets` for every node, only if the stored
 * value is still the one this node read or wrote last (compare-and-set; IT's store answers while the database has
 * none), audited as `hub.secret_rotated` by `hub:<nodeId>`.
 */
export function hubChannelSecrets(o: {
  store: HubStore;
  setup: HubChannelSetup;
  sealer: Pick<OriginalsSealer, 'sealSecret' | 'openSecret'>;
  it: HubSecrets;
  nodeId: string;
}): { secrets: HubSecrets; vault: Vault } {
  const secrets = withChannelSecrets(o.it, async (name) => {
    const sealed = await o.setup.sealedSecret(name);
    return sealed ? o.sealer.openSecret(name, sealed) : null;
  });
  const vault = channelVault(
    secrets,
    // Looked up when a connector starts (rarely), so a channel IT just added is known at once.
    async (channelId) => (await o.store.channels()).find((c) => c.id === channelId)?.kind as HubChannelKind | undefined,
    (name, value, previous) =>
      o.setup.rotateSecret({ name, sealed: o.sealer.sealSecret(name, value) }, { actor: `hub:${o.nodeId}` }, async (stored) =>
        (stored ? o.sealer.openSecret(name, stored) : await o.it.get(name)) === previous,
      ),
  );
  return { secrets, vault };
}
