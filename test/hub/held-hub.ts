import { HubRefusal, type HubCaller } from '../../main/core/team';
import { HubApi, TestDesk } from '../helpers/hub-desk';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { CustodianProcess } from './custody-fixture';
import { hubFiles, PASSWORD, seedHub, type HubFiles } from './harness';

const IT = { actor: 'it:test' };

/**
 * What the tests of flood control with a hub node share: a real PostgreSQL, the hub's files and its custodian process,
 * an agent (amal) and a lead (layla) seeded, the lead's desk enrolled, and the hub's API as the lead calls it. `channels`
 * runs once the files exist and before the seed (a channel's emulator, its credentials files) and gives the seed's
 * channel base URL, if any. `close` stops what this started; the test closes its own hub node and emulators first.
 */
export async function heldHub(hubUrl: () => string, channels?: (files: HubFiles) => Promise<{ channelBaseUrl?: string }>) {
  const pg: TestPostgres = await startTestPostgres();
  const files = await hubFiles();
  const custodian = new CustodianProcess(files.custody);
  await custodian.start();
  const more = (await channels?.(files)) ?? {};
  const seed = await seedHub(pg.url, { users: [{ username: 'amal', role: 'agent' }, { username: 'layla', role: 'lead' }], ...more });
  const leadDesk = new TestDesk();
  await seed.store.enrolDevice({ fingerprint: leadDesk.fingerprint, publicKey: leadDesk.publicKeyPem, label: 'lead desk' }, IT);
  const api = new HubApi(hubUrl);
  return {
    pg,
    files,
    seed,
    leadDesk,
    api,
    /** Signs the agent and the lead in on the lead's desk (the agent's refusals are part of the tests). */
    async signIn(): Promise<void> {
      await api.signIn('layla', leadDesk, PASSWORD);
      await api.signIn('amal', leadDesk, PASSWORD);
    },
    /** The lead's calls as the console's held-messages functions make them; a refusal throws the hub's words. */
    lead: {
      call: async (method, p, json) => {
        const r = await api.call(method, p, 'layla', json);
        if (r.status !== 200) throw new HubRefusal(String(r.body.error), String(r.body.message), r.status);
        return r.body;
      },
    } satisfies HubCaller,
    async close(): Promise<void> {
      await api.close();
      await custodian.stop();
      await seed.store.close();
      await pg.destroy();
    },
  };
}
