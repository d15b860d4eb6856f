import { describe, expect, it } from 'vitest';
import { signIn } from '../helpers/console-people';
import { callInPage } from '../helpers/contract-window';
import { teamConsoleSuite } from '../helpers/team-console';
import { PASSWORD } from './harness';

const CARD = '4111 1111 1111 1111';

/**
 * The console's own screens in team mode: the signed IT policy names the hub, so sign-in, the inbox, assignment,
 * reveals and replies go to a real hub (its own process, on a real PostgreSQL) instead of the console's database.
 */
describe('a console in team mode, in Chromium', () => {
  const desk = teamConsoleSuite({
    users: [
      { username: 'amal', role: 'agent' },
      { username: 'layla', role: 'lead' },
      { username: 'nadia', role: 'auditor' },
      { username: 'salma', role: 'admin' },
    ],
    nodes: 1,
    channels: true,
    chromium: true,
  });

  it('signs in at the hub, shows the shared inbox masked, reveals with a lead’s approval from another desk, and replies through the hub', async () => {
    const agent = await desk.page();
    const lead = await desk.page();
    try {
      // No local accounts exist: these are the hub's people, signed in with the hub's password and device proof.
      await signIn(agent.page, { username: 'amal', password: PASSWORD });
      await signIn(lead.page, { username: 'layla', password: PASSWORD });
      expect(await callInPage(agent.page, 'getSession')).toMatchObject({
        ok: true,
        value: { signedIn: true, user: { username: 'amal', role: 'agent' }, team: { hub: new URL(desk.team.lb.url).host } },
      });
      // The lead's screen shows what the hub offers (review, approvals, reports, alerts).
      await lead.page.getByTestId('nav-lead').click();
      await lead.page.getByTestId('tab-approvals').waitFor();
      expect(await lead.page.getByTestId('tab-review').count()).toBe(1);
      expect(await lead.page.getByTestId('tab-reports').count()).toBe(1);
      // The console runs no channel of its own in team mode: the hub polls the team's bot.
      expect(desk.bridge.core.channels.runtime.health()).toEqual([]);

      desk.team.tg.addText(7001, `Hi, I was charged twice on card ${CARD}`, { first_name: 'Noura' });
      const row = agent.page.locator('[data-testid=conversation-row]').first();
      await row.waitFor({ timeout: 20_000 });
      await row.click();
      const message = agent.page.getByTestId('message').last();
      await expect.poll(() => message.textContent()).toContain('I was charged twice');
      expect(await agent.page.content()).not.toContain('4111 1111');
      const conversationId = Number(await row.getAttribute('data-id'));

      // Assignment goes to the hub (compare-and-set), and the lead's window hears it from the stream.
      expect(await callInPage(agent.page, 'assignConversation', { conversationId, assignee: 'me' })).toMatchObject({ ok: true, value: { assignee: { name: 'amal' } } });
      // Bounded by attempts that each wait for the stream, not by the machine's speed (a loaded CI box is slow).
      await expect
        .poll(async () => {
          const r = await callInPage(lead.page, 'listConversations', { filter: { scope: 'all' }, cursor: null, limit: 50 });
          return r.ok ? (r.value as { items: Array<{ assignee: { name: string } | null }> }).items[0]?.assignee?.name : null;
        }, { timeout: 30_000 })
        .toBe('amal');

      // A card needs a lead: the agent asks with a reason, the lead approves from her own window, the chip shows it.
      await message.getByTestId('chip').click();
      await agent.page.getByTestId('reveal-reason').fill('Customer disputes a double charge');
      await agent.page.getByTestId('reveal-submit').click();
      await expect
        .poll(async () => {
          const r = await callInPage(lead.page, 'listRevealApprovals');
          return r.ok ? (r.value as { requests: Array<{ requestId: string; fieldType: string; requestedBy: string }> }).requests.length : 0;
        })
        .toBe(1);
      const approvals = (await callInPage(lead.page, 'listRevealApprovals')) as { ok: true; value: { requests: Array<{ requestId: string; fieldType: string; requestedBy: string }> } };
      expect(approvals.value.requests[0]).toMatchObject({ fieldType: 'CARD', requestedBy: 'amal' });
      expect(await callInPage(agent.page, 'decideReveal', { requestId: approvals.value.requests[0]!.requestId, approve: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // Approving from a window of the requester's own computer is refused by the custodian: the countersignature must
      // come from another enrolled device. The lead approves from her own desk (her console, its own device key).
      expect(await callInPage(lead.page, 'decideReveal', { requestId: approvals.value.requests[0]!.requestId, approve: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await desk.team.consoles.layla.do('decideReveal', Number(approvals.value.requests[0]!.requestId), true);
      await expect.poll(() => message.getByTestId('chip-revealed').textContent(), { timeout: 15_000 }).toContain(CARD);

      // The reply goes through the hub's outbox and the team's bot; its delivery comes back on the stream.
      await agent.page.getByTestId('composer').fill('Thanks Noura, the second charge will be refunded within 3 days.');
      await expect.poll(() => agent.page.getByTestId('verdict').getAttribute('data-verdict')).toBe('allow');
      await agent.page.getByTestId('send').click();
      await expect.poll(() => desk.team.tg.sent.some((m) => /second charge will be refunded/.test(m.text))).toBe(true);
      const reply = agent.page.getByTestId('message').last();
      await expect.poll(() => reply.getByTestId('delivery').getAttribute('data-state'), { timeout: 15_000 }).toMatch(/^(sent|delivered|read)$/);

      // A reply asking for the code is refused by the hub too, even if a renderer skipped the preview.
      const opened = (await callInPage(agent.page, 'openConversation', { conversationId })) as { ok: true; value: { latestInboundId: number } };
      const blocked = await callInPage(agent.page, 'sendReply', {
        conversationId,
        text: 'Please send me the verification code we just texted you.',
        humanAgentTag: false,
        seenInboundId: opened.value.latestInboundId,
      });
      expect(blocked).toMatchObject({ ok: false, error: { code: 'guard_blocked' } });
      expect(desk.team.tg.sent.some((m) => /verification code/.test(m.text))).toBe(false);

      // Starting a phishing drill is an administrator's: refused to an agent, in team mode as in single-seat.
      expect(await callInPage(agent.page, 'scheduleDrill', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      await agent.close();
      await lead.close();
    }
  }, 180_000);

  it('lets a person change their own password at the hub and an auditor read and verify the hub’s trail', async () => {
    const agent = await desk.page();
    const auditor = await desk.page();
    try {
      await signIn(agent.page, { username: 'amal', password: PASSWORD });
      expect(await callInPage(agent.page, 'changePassword', { current: 'not my password at all', next: 'a new and long passphrase 42' })).toMatchObject({
        ok: false,
        error: { code: 'password_wrong' },
      });
      expect(await callInPage(agent.page, 'changePassword', { current: PASSWORD, next: 'a new and long passphrase 42' })).toMatchObject({ ok: true });
      // Still signed in on this desk; the old password no longer works anywhere.
      expect(await callInPage(agent.page, 'listConversations', { filter: { scope: 'all' }, cursor: null, limit: 5 })).toMatchObject({ ok: true });
      expect(await callInPage(agent.page, 'signOut')).toMatchObject({ ok: true });
      expect(await callInPage(agent.page, 'signIn', { username: 'amal', password: PASSWORD })).toMatchObject({ ok: false });
      expect(await callInPage(agent.page, 'signIn', { username: 'amal', password: 'a new and long passphrase 42' })).toMatchObject({ ok: true, value: { status: 'signed_in' } });
      expect(await callInPage(agent.page, 'listAudit', { limit: 10 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      expect(await callInPage(auditor.page, 'signIn', { username: 'nadia', password: PASSWORD })).toMatchObject({ ok: true, value: { status: 'signed_in' } });
      const trail = (await callInPage(auditor.page, 'listAudit', { limit: 500 })) as { ok: true; value: { entries: Array<{ action: string; actor: string }> } };
      expect(trail.ok).toBe(true);
      expect(trail.value.entries.some((e) => e.action === 'user.password_changed' && e.actor === 'amal')).toBe(true);
      expect(trail.value.entries.some((e) => e.action === 'user.password_change_refused')).toBe(true);
      // (Not a bare "4111": the entries' hex hashes may contain it.)
      expect(JSON.stringify(trail.value.entries)).not.toMatch(/passphrase|4111 1111/);
      expect(await callInPage(auditor.page, 'verifyAudit')).toMatchObject({ ok: true, value: { ok: true, problems: [] } });
    } finally {
      await agent.close();
      await auditor.close();
    }
  }, 120_000);

  it('lets an administrator choose the channels a person works, at the hub, from the Users tab', async () => {
    const admin = await desk.page();
    try {
      await signIn(admin.page, { username: 'salma', password: PASSWORD });
      await admin.page.getByTestId('nav-admin').click();
      // Channels are set up at the hub through this form (their secrets go to the hub's sealed store); drills run at the
      // hub too.
      await admin.page.getByTestId('channel-form').waitFor();
      expect(await admin.page.getByTestId('tab-drills').count()).toBe(1);
      await admin.page.getByTestId('tab-users').click();
      const row = admin.page.locator('[data-testid=user-row][data-username=amal]');
      await expect.poll(() => row.getByTestId('user-channels').textContent()).toContain('All channels');
      expect(await row.getByTestId('user-role').inputValue()).toBe('agent');
      await row.getByTestId('user-channels-edit').click();
      await admin.page.locator('[data-testid=user-channel-option][data-channel=tg]').check();
      await admin.page.getByTestId('user-channels-save').click();
      await expect.poll(() => row.getByTestId('user-channels').textContent()).toContain('Support bot');
      expect((await desk.team.seed.store.userByName('amal'))!.channels).toEqual(['tg']);
      expect(admin.errors, admin.errors.join('\n')).toEqual([]);
    } finally {
      await admin.close();
    }
  }, 120_000);

  it('uses the hub’s labels, canned replies, quality review and alerts from the console’s own calls', async () => {
    const lead = await desk.page();
    const admin = await desk.page();
    const agent = await desk.page();
    try {
      for (const [w, who] of [[lead, 'layla'], [admin, 'salma'], [agent, 'amal']] as const) {
        const r = await callInPage(w.page, 'signIn', { username: who, password: who === 'amal' ? 'a new and long passphrase 42' : PASSWORD });
        expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
      }
      const list = (await callInPage(lead.page, 'listConversations', { filter: { scope: 'all' }, cursor: null, limit: 5 })) as { ok: true; value: { items: Array<{ id: number }> } };
      const conversationId = list.value.items[0]!.id;
      // A lead labels the conversation (the label joins the team's list); the agent's inbox filters by it.
      expect(await callInPage(lead.page, 'setLabels', { conversationId, labels: ['billing'] })).toMatchObject({ ok: true, value: { labels: ['billing'] } });
      await expect
        .poll(async () => {
          const r = (await callInPage(agent.page, 'listConversations', { filter: { scope: 'all', label: 'billing' }, cursor: null, limit: 5 })) as { ok: boolean; value?: { total: number } };
          return r.value?.total;
        })
        .toBe(1);
      // An agent may not grow the team's label list.
      expect(await callInPage(agent.page, 'setLabels', { conversationId, labels: ['billing', 'vip'] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      // The administrator's canned reply reaches the agent's picker through the stream, and fills from masked data.
      const saved = (await callInPage(admin.page, 'saveCannedReply', { shortcut: 'refund', title: 'Refund', body: 'Hello {{customer.firstName}}, the refund is on its way.' })) as { ok: true; value: { id: number } };
      expect(saved.ok).toBe(true);
      await expect.poll(async () => ((await callInPage(agent.page, 'listCannedReplies')) as { value: Array<{ shortcut: string }> }).value.map((c) => c.shortcut)).toContain('refund');
      expect(await callInPage(agent.page, 'fillCannedReply', { conversationId, cannedReplyId: saved.value.id })).toMatchObject({ ok: true, value: { text: 'Hello Noura, the refund is on its way.' } });

      // Quality review of a transcript, kept at the hub.
      const scored = await callInPage(lead.page, 'setQualityScore', { conversationId, score: 4, comment: 'Clear and kind' });
      expect(scored, JSON.stringify(scored)).toMatchObject({ ok: true, value: { score: 4, reviewer: 'layla' } });
      expect(await callInPage(lead.page, 'getReviewTranscript', { conversationId })).toMatchObject({ ok: true, value: { reviews: [{ score: 4 }] } });
      // The earlier code-asking reply raised an alert at the hub; the lead sees and acknowledges it.
      type Alerts = { ok: true; value: Array<{ id: number; kind: string; acknowledged: boolean }> };
      const findSecret = async () => ((await callInPage(lead.page, 'listAlerts')) as Alerts).value.find((a) => a.kind === 'reply_secret_request');
      await expect.poll(findSecret, { timeout: 30_000 }).toBeTruthy();
      const secret = await findSecret();
      expect(await callInPage(lead.page, 'acknowledgeAlert', { alertId: secret!.id })).toMatchObject({ ok: true, value: { acknowledged: true } });
    } finally {
      await lead.close();
      await admin.close();
      await agent.close();
    }
  }, 120_000);

  it('lets a lead keep the team’s label list at the hub from the Labels tab; agents may not', async () => {
    const lead = await desk.page({ lang: 'fa' });
    const agent = await desk.page();
    try {
      await signIn(lead.page, { username: 'layla', password: PASSWORD });
      // Amal changed her password in an earlier case; run alone, this case finds the first one.
      let r = await callInPage(agent.page, 'signIn', { username: 'amal', password: 'a new and long passphrase 42' });
      if (!r.ok) r = await callInPage(agent.page, 'signIn', { username: 'amal', password: PASSWORD });
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
      await lead.page.getByTestId('nav-lead').click();
      await lead.page.getByTestId('tab-labels').click();
      // Created, renamed and deleted from the screen; each goes to the hub's routes, which record it.
      await lead.page.getByTestId('label-new-name').fill('شکایت');
      await lead.page.getByTestId('label-create').click();
      const item = lead.page.locator('[data-testid=label-item][data-name="شکایت"]');
      await item.waitFor();
      await item.getByTestId('label-rename').click();
      await lead.page.getByTestId('label-rename-input').fill('شکایت مشتری');
      await lead.page.getByTestId('label-rename-save').click();
      const renamed = lead.page.locator('[data-testid=label-item][data-name="شکایت مشتری"]');
      await renamed.waitFor();
      const hubLabels = async () => (await desk.team.seed.store.q.all<{ name: string }>('SELECT name FROM labels ORDER BY id')).map((l) => l.name);
      expect(await hubLabels()).toContain('شکایت مشتری');
      expect(await hubLabels()).not.toContain('شکایت');
      // A duplicate in another letter case is the hub's refusal, shown as its sentence.
      await lead.page.getByTestId('label-new-name').fill('Shipping');
      await lead.page.getByTestId('label-create').click();
      await lead.page.locator('[data-testid=label-item][data-name="Shipping"]').waitFor();
      await lead.page.getByTestId('label-new-name').fill('SHIPPING');
      await lead.page.getByTestId('label-create').click();
      await expect.poll(() => lead.page.getByRole('alert').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('برچسبی با این نام هست')]));
      expect(await lead.page.locator('[data-testid=label-item][data-name="Shipping"]').count()).toBe(1);
      expect(await lead.page.locator('[data-testid=label-item][data-name="SHIPPING"]').count()).toBe(0);

      const labels = (await callInPage(agent.page, 'listLabels')) as { ok: true; value: Array<{ id: number; name: string }> };
      const shipping = labels.value.find((l) => l.name === 'Shipping')!;
      expect(await callInPage(agent.page, 'saveLabel', { id: shipping.id, name: 'mine now' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await callInPage(agent.page, 'deleteLabel', { id: shipping.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      await renamed.getByTestId('label-delete').click();
      await lead.page.getByTestId('label-confirm-go').click();
      await expect.poll(() => renamed.count()).toBe(0);
      expect(await hubLabels()).not.toContain('شکایت مشتری');
      await expect.poll(async () => ((await callInPage(agent.page, 'listLabels')) as { value: Array<{ name: string }> }).value.map((l) => l.name)).not.toContain('شکایت مشتری');
      const trail = await desk.team.seed.store.q.all<{ action: string }>("SELECT action FROM audit WHERE action LIKE 'label.%' ORDER BY seq");
      expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['label.created', 'label.renamed', 'label.deleted']));
      expect(lead.errors, lead.errors.join('\n')).toEqual([]);
    } finally {
      await lead.close();
      await agent.close();
    }
  }, 120_000);
});
