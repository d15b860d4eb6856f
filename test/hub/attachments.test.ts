import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialsDirSecrets, startHubNode, type RunningHub } from '../../main/hub';
import { TelegramEmulator } from '../emulators/telegram';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { HubApi, TestDesk } from '../helpers/hub-desk';
import { CustodianProcess } from './custody-fixture';
import { hubFiles, inProcessHubConfig, PASSWORD, seedHub, until, type HubFiles } from './harness';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.7\n%%EOF\n');

/**
 * Attachments in team mode: the hub stores the platform's reference, streams only metadata (masked name, no
 * reference), and answers `GET /v1/messages/:id/attachments/:n` by fetching through the channel, checking the bytes
 * and auditing, for those who may read the conversation.
 */
describe('attachments at the hub (PostgreSQL, Telegram emulator)', () => {
  let custodian: CustodianProcess;
  let pg: TestPostgres;
  let files: HubFiles;
  let hub: RunningHub;
  let tg: TelegramEmulator;
  let seed: Awaited<ReturnType<typeof seedHub>>;
  const desk = new TestDesk();
  const api = new HubApi(() => hub.url);
  const call = api.call.bind(api);
  const signIn = (username: string) => api.signIn(username, desk, PASSWORD);

  beforeAll(async () => {
    pg = await startTestPostgres();
    files = await hubFiles();
    tg = await TelegramEmulator.start(files.channelToken, 300_000);
    custodian = new CustodianProcess(files.custody);
    await custodian.start();
    seed = await seedHub(pg.url, { users: [{ username: 'amal', role: 'agent' }, { username: 'nadia', role: 'auditor' }], channelBaseUrl: tg.url });
    await seed.store.enrolDevice({ fingerprint: desk.fingerprint, publicKey: desk.publicKeyPem, label: 'desk' }, { actor: 'it:test' });
    tg.files.set('large', { path: 'photos/file_1.jpg', content: PNG });
    tg.files.set('doc1', { path: 'documents/file_2.pdf', content: PDF });
    tg.addPhoto(5550001, 'the box was damaged');
    tg.addDocument(5550001);
    hub = await startHubNode({ config: inProcessHubConfig(files, pg.url, { officeRanges: ['127.0.0.1/32'] }), secrets: new CredentialsDirSecrets(files.credentials), log: () => {} });
    await signIn('amal');
    await signIn('nadia');
  }, 120_000);

  afterAll(async () => {
    await hub?.close();
    await custodian?.stop();
    await tg?.close();
    await api.close();
    await seed?.store.close();
    await pg?.destroy();
  });

  it('streams metadata only, shows a picture, saves a document, refuses the rest, and audits each', async () => {
    const conversationId = await until(async () => (await seed.store.conversations())[0]?.id, 'the hub to store the customer\'s files');
    const messages = await until(async () => {
      const m = await seed.store.messages(conversationId);
      return m.length === 2 ? m : null;
    }, 'both messages');
    expect(messages.map((m) => m.attachments)).toEqual([
      [{ kind: 'photo', size: 84211, fetchable: true }],
      [{ kind: 'document', fileName: 'invoice.pdf', mimeType: 'application/pdf', size: 5500, fetchable: true }],
    ]);
    expect(JSON.stringify(messages)).not.toMatch(/large|doc1/); // the platform's references stay at the hub
    const [photo, doc] = messages.map((m) => m.id);

    const shown = await call('GET', `/v1/messages/${photo}/attachments/0?purpose=show`, 'amal');
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    expect(shown.body).toMatchObject({ mimeType: 'image/png', display: 'image', dataBase64: PNG.toString('base64') });
    expect((await call('GET', `/v1/messages/${doc}/attachments/0?purpose=show`, 'amal')).status).toBe(415);
    const saved = await call('GET', `/v1/messages/${doc}/attachments/0?purpose=save`, 'amal');
    expect(saved.body).toMatchObject({ mimeType: 'application/pdf', fileName: 'file_2.pdf', display: 'file' });
    expect(Buffer.from(String(saved.body.dataBase64), 'base64').equals(PDF)).toBe(true);
    expect((await call('GET', `/v1/messages/${doc}/attachments/3?purpose=save`, 'amal')).status).toBe(404);
    expect((await call('GET', `/v1/messages/${photo}/attachments/0?purpose=show`, 'nadia')).status).toBe(403); // auditors read no customer data

    const audit = await seed.store.q.all<{ action: string; actor: string; target: string; details: string }>(
      "SELECT action, actor, target, details FROM audit WHERE action LIKE 'attachment.%' ORDER BY seq",
    );
    expect(audit.map((a) => [a.action, a.actor, a.target])).toEqual([
      ['attachment.opened', 'amal', `message:${photo}/attachment:0`],
      ['attachment.refused', 'amal', `message:${doc}/attachment:0`],
      ['attachment.saved', 'amal', `message:${doc}/attachment:0`],
    ]);
    expect(audit.map((a) => a.details).join(' ')).not.toMatch(/invoice|file_2|large|doc1/);
  });
});
