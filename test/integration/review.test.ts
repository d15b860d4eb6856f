import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { verifyEd25519 } from '../../main/core/auth';
import { createMainDispatch } from '../../main/ipc';
import { testCore } from '../helpers/core';
import { caller, signedInAs, customerMessage, TestClock } from '../helpers/identity';

let core: Core | undefined;
afterEach(() => core?.close());

const CARD = '4111 1111 1111 1111';

async function setup() {
  const clock = new TestClock();
  core = await testCore({ clock });
  const lead = await signedInAs(core, 'lead', 'lina');
  const lead2 = await signedInAs(core, 'lead', 'layla');
  const agent = await signedInAs(core, 'agent', 'amal');
  const customer = customerMessage(core, { contact: 'Karim', text: `my card is ${CARD} <script>alert(1)</script>` });
  const conversationId = customer.conversationId;
  clock.advance(60_000);
  const agentId = core.identity.users.list().find((u) => u.username === 'amal')!.id;
  core.store.outbox.enqueue({ conversationId, text: 'Never share your card.\nThanks!', authorId: agentId });
  const call = caller(createMainDispatch(core));
  return { core, clock, call, lead, lead2, agent, conversationId, customerMessageId: customer.messageId };
}

describe('team-lead review', () => {
  it('shows the masked transcript only, with the quality scores', async () => {
    const t = await setup();
    await t.call(t.lead, 'setQualityScore', { conversationId: t.conversationId, score: 5, comment: 'textbook' });
    await t.call(t.lead2, 'setQualityScore', { conversationId: t.conversationId, score: 3, comment: 'slow first reply' });
    await t.call(t.lead, 'setQualityScore', { conversationId: t.conversationId, score: 4, comment: 'good, revised' });
    const r = await t.call(t.lead, 'getReviewTranscript', { conversationId: t.conversationId });
    expect(r).toMatchObject({
      ok: true,
      value: {
        conversationId: t.conversationId,
        messages: [
          { id: t.customerMessageId, direction: 'in', author: 'Karim', text: expect.stringContaining('⟦CARD') },
          { direction: 'out', author: 'amal', text: 'Never share your card.\nThanks!' },
        ],
        reviews: [
          { reviewer: 'layla', score: 3, comment: 'slow first reply' },
          { reviewer: 'lina', score: 4, comment: 'good, revised' },
        ],
      },
    });
    expect(JSON.stringify(r)).not.toContain(CARD);
    const quoted = await t.call(t.lead, 'setQualityScore', { conversationId: t.conversationId, score: 2, comment: `agent read back the card ${CARD} aloud` });
    expect(JSON.stringify(quoted)).not.toContain(CARD);
    const revised = (await t.call(t.lead, 'getReviewTranscript', { conversationId: t.conversationId })) as { value: { reviews: Array<{ comment: string }> } };
    expect(revised.value.reviews.map((r) => r.comment)).toContainEqual(expect.stringMatching(/^agent read back the card ⟦CARD.*⟧ aloud$/));
    expect(await t.call(t.lead, 'setQualityScore', { conversationId: t.conversationId, score: 6, comment: '' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await t.call(t.lead, 'getReviewTranscript', { conversationId: t.conversationId + 1_000 })).toMatchObject({ ok: false, error: { code: 'conversation_not_found' } });
    expect(await t.call(t.agent, 'getReviewTranscript', { conversationId: t.conversationId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('exports a signed masked transcript as JSON and as self-contained HTML without scripts', async () => {
    const t = await setup();
    await t.call(t.lead, 'setQualityScore', { conversationId: t.conversationId, score: 4, comment: 'kind <b>and</b> clear' });
    const fp = t.core.identity.deviceIdentity.fingerprint;

    const json = await t.call(t.lead, 'exportTranscript', { conversationId: t.conversationId, format: 'json' });
    if (!json.ok) throw new Error(JSON.stringify(json));
    const j = json.value as { fileName: string; content: string; signature: { device: string; publicKey: string; signature: string } };
    expect(j.fileName).toBe(`diwan-transcript-${t.conversationId}.json`);
    expect(JSON.parse(j.content)).toMatchObject({ format: 'diwan-masked-transcript-v1', exportedBy: 'lina', device: fp, reviews: [{ score: 4 }] });
    // Format v1 as it always was: message ids written as strings, keys in the same order (the signature covers the bytes).
    const exported = (JSON.parse(j.content) as { transcript: { messages: Array<Record<string, unknown>> } }).transcript.messages;
    expect(exported[0]).toEqual({ id: String(t.customerMessageId), direction: 'in', sentAt: t.clock.t - 60_000, author: 'Karim', text: expect.stringContaining('⟦CARD') });
    expect(exported.map((m) => Object.keys(m))).toEqual([
      ['id', 'direction', 'sentAt', 'author', 'text'],
      ['id', 'direction', 'sentAt', 'author', 'text'],
    ]);
    expect(typeof exported[1]!.id).toBe('string');
    expect(j.signature.device).toBe(fp);
    expect(verifyEd25519(j.signature.publicKey, j.content, j.signature.signature)).toBe(true);
    expect(verifyEd25519(j.signature.publicKey, j.content.replace('lina', 'lena'), j.signature.signature)).toBe(false);

    const html = await t.call(t.lead, 'exportTranscript', { conversationId: t.conversationId, format: 'html' });
    if (!html.ok) throw new Error(JSON.stringify(html));
    const h = html.value as { content: string; mediaType: string; signature: { publicKey: string; signature: string } };
    expect(h.mediaType).toBe('text/html');
    expect(verifyEd25519(h.signature.publicKey, h.content, h.signature.signature)).toBe(true);
    expect(h.content).not.toMatch(/<script|src=|href=|@import|url\(/i);
    expect(h.content).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(h.content).toContain('kind &lt;b&gt;and&lt;/b&gt; clear');
    expect(h.content).toContain(`default-src 'none'`);
    for (const c of [j.content, h.content]) expect(c).not.toContain(CARD);
  });
});
