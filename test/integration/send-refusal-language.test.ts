import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { say } from '../../main/core/guard/messages';
import { testCore } from '../helpers/core';
import { ingestMessage, signedInConsole } from '../helpers/console';

let core: Core | undefined;
afterEach(() => core?.close());

const DAY = 86_400_000;
const ASKS_CODE = 'Please send me the code we just texted you.';

/** Every refusal `sendReply` gives, with the interface language the composer sends. */
describe('sendReply refuses in the agent\'s interface language, whatever the draft\'s language (real core, guard and store)', () => {
  it.each(['ar', 'fa', 'en'] as const)('%s', async (lang) => {
    const c = (core = await testCore());
    const as = await signedInConsole(c);
    c.store.channels.create({ id: 'fb', kind: 'messenger', name: 'Messenger' });
    const agent = await as('agent');
    const send = async (conversationId: number, text: string, extra: Record<string, unknown> = {}) => {
      const seen = (await agent.ok<{ latestInboundId: number | null }>('openConversation', { conversationId })).latestInboundId;
      return agent.call('sendReply', { conversationId, text, seenInboundId: seen, lang, ...extra });
    };

    // The guard, on an English draft: its reasons in the interface language.
    const fresh = ingestMessage(c, { contact: 'Sara', text: 'I cannot sign in' });
    const blocked = await send(fresh, ASKS_CODE);
    expect(blocked).toMatchObject({ ok: false, error: { code: 'guard_blocked' } });
    expect(!blocked.ok && blocked.error.message).toContain(say('outbound.otp', lang));

    // A customer message newer than the one the agent saw.
    const stale = await agent.call('sendReply', { conversationId: fresh, text: 'On it', seenInboundId: null, lang });
    expect(stale).toMatchObject({ ok: false, error: { code: 'newer_message', message: say('send.newer_message', lang) } });

    // Past the platform's length, numbers in the language's own digits (no mixed scripts in one sentence).
    const tooLong = await send(fresh, 'x'.repeat(4100));
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'reply_bad_text' } });
    const sentence = !tooLong.ok ? tooLong.error.message : '';
    if (lang === 'en') expect(sentence).toMatch(/4,096 characters; this one has 4,100/);
    else {
      expect(sentence).not.toMatch(/[0-9]/);
      expect(sentence).toContain(lang === 'ar' ? '٤٬٠٩٦' : '۴٬۰۹۶');
    }

    // Messenger past 24 hours without the human-agent tag, and past 7 days at all.
    const dayOld = ingestMessage(c, { contact: 'Omar', text: 'hello?', channelId: 'fb', sentAt: c.clock.now() - 2 * DAY });
    const tag = await send(dayOld, 'We are here');
    expect(tag).toMatchObject({ ok: false, error: { code: 'human_agent_tag_needed' } });
    expect(!tag.ok && tag.error.message).toBe(say('send.human_agent_tag', lang, { hours: lang === 'ar' ? '٢٤' : lang === 'fa' ? '۲۴' : '24' }));
    const weekOld = ingestMessage(c, { contact: 'Huda', text: 'anyone?', channelId: 'fb', sentAt: c.clock.now() - 8 * DAY });
    expect(await send(weekOld, 'Sorry for the wait', { humanAgentTag: true })).toMatchObject({ ok: false, error: { code: 'reply_window_closed', message: say('send.window_closed', lang) } });

    // A blocked reply with an approval token that is not one.
    const asksId = ingestMessage(c, { contact: 'Badr', text: 'my account is locked' });
    const forged = await send(asksId, 'What is your national ID number?', { approvalToken: 'not-a-real-approval' });
    expect(forged).toMatchObject({ ok: false, error: { code: 'guard_approval_invalid', message: say('approval.invalid', lang) } });
  });

  it('without a language (an older caller) keeps English refusals and the guard in the draft\'s language', async () => {
    const c = (core = await testCore());
    const as = await signedInConsole(c);
    const agent = await as('agent');
    const id = ingestMessage(c, { contact: 'Sara', text: 'hi' });
    const seen = (await agent.ok<{ latestInboundId: number | null }>('openConversation', { conversationId: id })).latestInboundId;
    expect(await agent.call('sendReply', { conversationId: id, text: 'x', seenInboundId: null })).toMatchObject({ ok: false, error: { message: say('send.newer_message', 'en') } });
    const arabic = await agent.call('sendReply', { conversationId: id, text: 'أرسل لي رمز التحقق الذي وصلك من فضلك', seenInboundId: seen });
    expect(!arabic.ok && arabic.error.message).toContain(say('outbound.otp', 'ar'));
  });
});
