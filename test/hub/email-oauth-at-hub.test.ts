import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialsDirSecrets, startHubNode, type RunningHub } from '../../main/hub';
import { Dovecot, hubMailboxChannel, rawMail } from '../helpers/mail-servers';
import { startOAuthProvider } from '../helpers/oauth-provider';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { CustodianProcess } from './custody-fixture';
import { hubFiles, inProcessHubConfig, seedHub, until, type HubFiles } from './harness';


/**
 * An OAuth2 mailbox as a team channel (issue 25): the hub reads its mail over XOAUTH2 against a real Dovecot, saves
 * the provider's rotated refresh token in the hub's writable secret store (sealed, compare-and-set), and after a
 * restart uses the saved token — the one IT first gave is spent and the provider refuses it.
 */
describe('an OAuth2 mailbox at the hub', () => {
  let pg: TestPostgres;
  let files: HubFiles;
  let custodian: CustodianProcess;
  let idp: Awaited<ReturnType<typeof startOAuthProvider>>;
  let imap: Dovecot;
  let hub: RunningHub | undefined;
  let seed: Awaited<ReturnType<typeof seedHub>>;
  const start = () =>
    startHubNode({ config: inProcessHubConfig(files, pg.url, { officeRanges: ['127.0.0.1/32'], leaseRetryMs: 200 }), secrets: new CredentialsDirSecrets(files.credentials), log: (l) => logs.push(JSON.stringify(l)) });
  const logs: string[] = [];

  beforeAll(async () => {
    pg = await startTestPostgres();
    files = await hubFiles();
    custodian = new CustodianProcess(files.custody);
    await custodian.start();
    idp = await startOAuthProvider({ initialRefresh: 'rt-hub-initial-4r5t6y', prefix: 'hub-' });
    imap = await Dovecot.start({ oauth2IntrospectionUrl: `${idp.url}/introspect` });
    seed = await seedHub(pg.url, { users: [{ username: 'amal', role: 'agent' }] });
    fs.writeFileSync(
      path.join(files.credentials, 'mail.token'),
      JSON.stringify({ username: imap.user, refreshToken: 'rt-hub-initial-4r5t6y', clientId: 'diwan-mail', tokenUrl: `${idp.url}/token` }),
      { mode: 0o400 },
    );
    await seed.store.saveChannel(hubMailboxChannel(imap, 1), { actor: 'it:test' });
  }, 90_000);

  afterAll(async () => {
    await hub?.close();
    await imap?.stop();
    await idp?.close();
    await custodian?.stop();
    await seed?.store.close();
    await pg?.destroy();
  });

  it('fetches over XOAUTH2, saves the rotated refresh token sealed in the hub store, and uses it after a restart', async () => {
    await imap.append([rawMail({ from: 'o@customer.test', subject: 'OAuth at the hub', messageId: 'hoa1@customer.test', text: 'hello' })]);
    hub = await start();
    await until(async () => (await seed.store.conversations({ channels: ['mail'] })).length === 1, 'the first mail at the hub', 30_000);
    expect(idp.refresh).toBe('rt-hub-1-1a2s3d4f');
    const saved = await seed.store.q.get<{ sealed: Buffer; updated_by: string }>("SELECT sealed, updated_by FROM hub_secrets WHERE name = 'mail.token'");
    expect(saved!.updated_by).toMatch(/^hub:/);
    // Sealed: neither token is readable in the database.
    for (const t of ['rt-hub-1-1a2s3d4f', 'at-hub-1-5t6y7u8i']) expect(Buffer.from(saved!.sealed).toString('latin1')).not.toContain(t);

    await hub.close();
    hub = undefined;
    // The access token dies with the restart, so the next sign-in must refresh — with the saved token, not IT's first one.
    idp.revokeAll();
    await imap.kill();
    await imap.run();
    await imap.append([rawMail({ from: 'o@customer.test', subject: 'Again', messageId: 'hoa2@customer.test', text: 'again' })]);
    hub = await start();
    await until(
      async () => Number((await seed.store.q.get<{ n: number }>("SELECT COUNT(*) AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.channel_id = 'mail'"))!.n) === 2,
      'the second mail after a restart',
      45_000,
    ).catch((e) => {
      throw new Error(`${(e as Error).message}\n${logs.filter((l) => /mail|email|token/.test(l)).slice(-15).join('\n')}`);
    });
    expect(idp.refresh).toBe('rt-hub-2-1a2s3d4f');
    expect(idp.refused).toEqual([]);
  }, 150_000);
});
