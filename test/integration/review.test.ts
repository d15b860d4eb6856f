import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { verifyEd25519 } from '../../main/core/auth';
import { createMainDispatch } from '../../main/ipc';
import { testCore } from '../helpers/core';
import { caller, signedInAs, testConversations, TestClock } from '../helpers/identity';

let core: Core | undefined;
afterEach(() => core?.close());

const CARD = '4111 1111 1111 1111';

async function setup() {
  const clock = new TestClock();
  const conversations = testConversations();
  conversations.addMessage({
    id: 71,
    conversationId: 7,
    direction: 'in',
    sentAt: clock.t,
    maskedText: 'my card is [CARD] <script>alert(1)</script>',
    fields: [{ type: 'CARD', value: CARD }],
  });
  conversations.addMessage({ id: 72, conversationId: 7, direction: 'out', sentAt: clock.t + 60_000, maskedText: 'Never share your card.\nThanks!', fields: [] });
  core = await testCore({ clock, originals: conversations, transcripts: conversations });
  const call = caller(createMainDispatch(core));
  return { core, clock, call, lead: await signedInAs(core, 'lead', 'lina'), lead2: await signedInAs(core, 'lead', 'layla') };
}

describe('team-lead review', () => {
  it('shows the masked transcript only, with the quality scores', async () => {
    const t = await setup();
    await t.call(t.lead, 'setQualityScore', { conversationId: 7, score: 5, comment: 'textbook' });
    await t.call(t.lead2, 'setQualityScore', { conversationId: 7, score: 3, comment: 'slow first reply' });
    await t.call(t.lead, 'setQualityScore', { conversationId: 7, score: 4, comment: 'good, revised' });
    const r = await t.call(t.lead, 'getReviewTranscript', { conversationId: 7 });
    expect(r).toMatchObject({
      ok: true,
      value: {
        conversationId: 7,
        messages: [{ id: '71', text: expect.stringContaining('[CARD]') }, { id: '72', direction: 'out' }],
        reviews: [
          { reviewer: 'layla', score: 3, comment: 'slow first reply' },
          { reviewer: 'lina', score: 4, comment: 'good, revised' },
        ],
      },
    });
    expect(JSON.stringify(r)).not.toContain(CARD);
    const quoted = await t.call(t.lead, 'setQualityScore', { conversationId: 7, score: 2, comment: `agent read back the card ${CARD} aloud` });
    expect(JSON.stringify(quoted)).not.toContain(CARD);
    expect(JSON.stringify(await t.call(t.lead, 'getReviewTranscript', { conversationId: 7 }))).toContain('⟦CARD');
    expect(await t.call(t.lead, 'setQualityScore', { conversationId: 7, score: 6, comment: '' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await t.call(t.lead, 'getReviewTranscript', { conversationId: 404 })).toMatchObject({ ok: false, error: { code: 'conversation_not_found' } });
    const agent = await signedInAs(t.core, 'agent', 'amal');
    expect(await t.call(agent, 'getReviewTranscript', { conversationId: 7 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('exports a signed masked transcript as JSON and as self-contained HTML without scripts', async () => {
    const t = await setup();
    await t.call(t.lead, 'setQualityScore', { conversationId: 7, score: 4, comment: 'kind <b>and</b> clear' });
    const fp = t.core.identity.deviceIdentity.fingerprint;

    const json = await t.call(t.lead, 'exportTranscript', { conversationId: 7, format: 'json' });
    if (!json.ok) throw new Error(JSON.stringify(json));
    const j = json.value as { fileName: string; content: string; signature: { device: string; publicKey: string; signature: string } };
    expect(j.fileName).toBe('diwan-transcript-7.json');
    expect(JSON.parse(j.content)).toMatchObject({ format: 'diwan-masked-transcript-v1', exportedBy: 'lina', device: fp, reviews: [{ score: 4 }] });
    expect(j.signature.device).toBe(fp);
    expect(verifyEd25519(j.signature.publicKey, j.content, j.signature.signature)).toBe(true);
    expect(verifyEd25519(j.signature.publicKey, j.content.replace('lina', 'lena'), j.signature.signature)).toBe(false);

    const html = await t.call(t.lead, 'exportTranscript', { conversationId: 7, format: 'html' });
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
