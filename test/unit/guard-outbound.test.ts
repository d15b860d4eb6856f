import { describe, expect, it } from 'vitest';
import { OutboundGuard, evaluateReply, findSecretRequests, hashReply, judgeReply, resolveGuardPolicy } from '../../main/core/guard';
import type { AuditEvent } from '../../main/core/shared/ports';
import { BENCH_POLICY, loadJsonl, scoreOutbound, type OutboundRow } from '../../bench/guard/eval';
import { manualClock, standInDetectSensitive } from '../helpers/guard';

const policy = resolveGuardPolicy({ companyDomains: ['acme.com'], serviceNeedsOnlyPhoneAndActivationCode: true });
const blocked = (t: string) => evaluateReply(t, 'en', policy, standInDetectSensitive).some((f) => f.verdict === 'block');

describe('outbound guard: what it blocks', () => {
  it.each([
    'Please send me the code you received',
    'Could you read me the digits from the SMS we just sent?',
    'Your OTP, please.',
    'Don\'t forget to send us the verification code',
    'You got a code by SMS. Send it to me please',
    'May I have the full card number and the CVV?',
    'ابعتلي الكود اللي جالك',
    'عطني رمز التحقق لو سمحت',
    'يرجى تزويدنا برمز التحقق المرسل إلى هاتفكم',
    'الكود كام يا افندم؟',
    'لطفاً کد تایید را برای ما ارسال کنید',
    'رمز دوم کارتتون رو بگید',
    'ab3atli el code elly wasalak',
    'code taeed ro inja benevisid',
    'ممكن رقم الهوية؟',
    'کد ملی تون رو بفرستید',
  ])('blocks %s', (text) => expect(blocked(text)).toBe(true));
});

describe('outbound guard: what it lets through', () => {
  it.each([
    'Never share your code with anyone, not even us.',
    'We will never ask for your password.',
    'If anyone asks for your OTP, it is a scam.',
    'Could you confirm the last 4 digits of your card?',
    'What is your order number?',
    'We have sent you a verification code, enter it in the app.',
    'Please use promo code SAVE10 at checkout.',
    'لا تشارك الرمز مع أي شخص',
    'متديش الكود لأي حد خالص',
    'يرجى عدم إرسال كلمة المرور لأي جهة',
    'سيتم إرسال رمز التحقق إلى جوالك، أدخله في التطبيق',
    'کد را به کسی ندهید',
    'از ارسال رمز کارت به دیگران خودداری کنید',
    'کد تایید برایتان ارسال شد، آن را در اپلیکیشن وارد کنید',
    'hargez code ro be kasi nadid',
  ])('allows %s', (text) => expect(blocked(text)).toBe(false));

  it('holds a request for a national ID or full name for a lead under any policy, never allows it silently', () => {
    const off = resolveGuardPolicy({ serviceNeedsOnlyPhoneAndActivationCode: false });
    expect(findSecretRequests('Please send your national ID number', { phoneAndActivationOnly: true })[0]?.kind).toBe('national_id');
    expect(findSecretRequests('Please send your national ID number', { phoneAndActivationOnly: false })[0]?.kind).toBe('national_id');
    for (const [text, code] of [['Please send your national ID number', 'asks_national_id'], ['ممكن اسمك الرباعي كما في الهوية؟', 'asks_full_name'], ['لطفا کد ملی‌تون رو بفرستید', 'asks_national_id']] as const) {
      const held = judgeReply(text, 'en', off, standInDetectSensitive);
      expect(held, text).toMatchObject({ verdict: 'block', approvable: true, findings: [expect.objectContaining({ code, approvable: true })] });
      expect(held.findings[0]!.reason).toMatch(/held until a team lead approves it/);
    }
    // …and where the policy lists nothing as approvable, nobody can let it through
    expect(judgeReply('Please send your national ID number', 'en', resolveGuardPolicy({ approvableRequests: [] }), standInDetectSensitive)).toMatchObject({ verdict: 'block', approvable: false });
    expect(blocked('Please send the activation code printed on the SIM pack')).toBe(false);
    expect(evaluateReply('Please send the activation code', 'en', off, standInDetectSensitive)[0]?.code).toBe('asks_otp');
  });

  it('warns, without blocking, on "enter the code" with no place named, on outside links and on pasted values', () => {
    const f = evaluateReply('Enter the code to continue. Details at https://acme-help.net/x, order 4111111111111111', 'ar', policy, standInDetectSensitive);
    expect(f.map((x) => x.code).sort()).toEqual(['entry_unclear', 'link_outside_allowlist', 'pasted_sensitive_value']);
    expect(f.every((x) => x.verdict === 'warn')).toBe(true);
    expect(f.find((x) => x.code === 'link_outside_allowlist')!.reason).toMatch(/acme-help\.net/);
    expect(f.find((x) => x.code === 'pasted_sensitive_value')!.reason).not.toMatch(/4111/);
    expect(evaluateReply('See https://help.acme.com/faq', 'en', policy, standInDetectSensitive)).toEqual([]);
  });

  it('gives its reasons in the agent\'s language', () => {
    const reason = (lang: 'en' | 'ar' | 'fa') => evaluateReply('send me the OTP', lang, policy, standInDetectSensitive)[0]!.reason;
    expect(reason('en')).toMatch(/one-time/);
    expect(reason('ar')).toMatch(/رمز/);
    expect(reason('fa')).toMatch(/کد/);
  });
});

describe('outbound guard on the labelled sets (bench/guard/outbound.jsonl)', () => {
  const rows = loadJsonl<OutboundRow>('outbound.jsonl');
  it.each(['dev', 'heldout'] as const)('%s split: recall ≥ 0.95 on unsafe replies, at most 2 percent of safe replies blocked', (split) => {
    const { score } = scoreOutbound(rows.filter((r) => r.split === split), standInDetectSensitive);
    expect(score.n).toBeGreaterThan(50);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.fpr).toBeLessThanOrEqual(0.02);
  });
  it('uses the benchmark policy', () => expect(BENCH_POLICY.serviceNeedsOnlyPhoneAndActivationCode).toBe(true));
});

describe('four-eyes approval', () => {
  const setup = () => {
    const events: AuditEvent[] = [];
    const clock = manualClock();
    let n = 0;
    const guard = new OutboundGuard({ policy, detectSensitive: standInDetectSensitive, audit: (e: AuditEvent) => events.push(e), clock, random: { bytes: (k) => Buffer.alloc(k, ++n) } });
    return { guard, events, clock };
  };
  const ctx = { agentUsername: 'agent-1', conversationId: 1, lang: 'en' as const };
  // Under the test policy the service needs only a phone number and an activation code: asking for the national
  // ID is blocked, and it is the kind of block a lead may approve.
  const text = 'Please send me your national ID number';

  it('an agent cannot send a blocked reply; a lead approves that exact text once; all of it is audited without the text', () => {
    const { guard, events } = setup();
    expect(() => guard.authorizeSend(text, ctx)).toThrow(expect.objectContaining({ code: 'guard_blocked' }));
    expect(() => guard.approve({ text, conversationId: 1, agentUsername: 'agent-1', leadUsername: 'agent-2', leadRole: 'agent', lang: 'en' })).toThrow(expect.objectContaining({ code: 'guard_approval_forbidden' }));
    expect(() => guard.approve({ text, conversationId: 1, agentUsername: 'agent-1', leadUsername: 'agent-1', leadRole: 'lead', lang: 'en' })).toThrow(expect.objectContaining({ code: 'self_approval' }));
    const token = guard.approve({ text, conversationId: 1, agentUsername: 'agent-1', leadUsername: 'lead-1', leadRole: 'lead', lang: 'en' });
    expect(() => guard.authorizeSend(text + ' now', ctx, token)).toThrow(expect.objectContaining({ code: 'guard_approval_invalid' }));
    expect(() => guard.authorizeSend(text, { ...ctx, conversationId: 2 }, token)).toThrow(expect.objectContaining({ code: 'guard_approval_invalid' }));
    expect(guard.authorizeSend(text, ctx, token).verdict).toBe('block');
    expect(() => guard.authorizeSend(text, ctx, token)).toThrow(expect.objectContaining({ code: 'guard_approval_invalid' }));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['guard.reply.blocked', 'guard.reply.approved', 'guard.reply.sent_with_approval']));
    expect(JSON.stringify(events)).not.toContain('national ID');
    expect(events.find((e) => e.action === 'guard.reply.approved')!.details!.textHash).toBe(hashReply(text));
  });

  it('an approval expires', () => {
    const { guard, clock } = setup();
    const token = guard.approve({ text, conversationId: 1, agentUsername: 'agent-1', leadUsername: 'lead-1', leadRole: 'admin', lang: 'en' });
    clock.advance(16 * 60_000);
    expect(() => guard.authorizeSend(text, ctx, token)).toThrow(expect.objectContaining({ code: 'guard_approval_invalid' }));
  });

  it.each([
    'Please send me the verification code you received',
    'What is your password?',
    'I need your card PIN to check the block',
    'Send a photo of the front of your card',
    'What are the three digits on the back?',
    'Please send your national ID and the code we texted you',
  ])('nobody can approve a reply that asks for a code, password, PIN, card or CVV: %s', (reply) => {
    const { guard, events } = setup();
    const decision = guard.check(reply, ctx);
    expect(decision).toMatchObject({ verdict: 'block', approvable: false });
    expect(decision.findings.find((f) => f.verdict === 'block')!.reason).toContain('cannot approve');
    expect(() => guard.approve({ text: reply, conversationId: 1, agentUsername: 'agent-1', leadUsername: 'lead-1', leadRole: 'admin', lang: 'en' })).toThrow(expect.objectContaining({ code: 'guard_not_approvable' }));
    expect(() => guard.approveHash({ textHash: hashReply(reply), conversationId: 1, agentUsername: 'agent-1', leadUsername: 'lead-1', leadRole: 'lead', lang: 'en' })).toThrow(expect.objectContaining({ code: 'guard_not_approvable' }));
    expect(() => guard.authorizeSend(reply, ctx, 'any-token')).toThrow(expect.objectContaining({ code: 'guard_not_approvable' }));
    expect(events.map((e) => e.action)).not.toContain('guard.reply.approved');
  });

  it('a hash the guard never judged cannot be approved (fail closed)', () => {
    const { guard } = setup();
    expect(() => guard.approveHash({ textHash: hashReply('never seen'), conversationId: 1, agentUsername: 'agent-1', leadUsername: 'lead-1', leadRole: 'lead', lang: 'en' })).toThrow(expect.objectContaining({ code: 'guard_approval_unknown' }));
  });

  it('a policy cannot make a code, password, PIN, card or CVV approvable', () => {
    for (const kind of ['otp', 'password', 'pin', 'card', 'cvv']) {
      expect(() => resolveGuardPolicy({ approvableRequests: [kind as 'national_id'] })).toThrow(expect.objectContaining({ code: 'guard_policy_invalid' }));
    }
    expect(resolveGuardPolicy({ approvableRequests: [] }).approvableRequests).toEqual([]);
    const strict = new OutboundGuard({ policy: resolveGuardPolicy({ serviceNeedsOnlyPhoneAndActivationCode: true, approvableRequests: [] }), detectSensitive: standInDetectSensitive });
    expect(strict.check('Please send me your national ID number', ctx)).toMatchObject({ verdict: 'block', approvable: false });
  });

  it('allowed replies need no approval', () => {
    const { guard, events } = setup();
    expect(guard.authorizeSend('Your refund is on its way.', ctx).verdict).toBe('allow');
    expect(events).toEqual([]);
  });
});
