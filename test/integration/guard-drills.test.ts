import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Drills, evaluateReply, inspectInbound, resolveGuardPolicy, DRILL_KINDS } from '../../main/core/guard';
import { openDatabase } from '../../main/core/store';
import type { AuditEvent } from '../../main/core/shared/ports';
import { manualClock, standInDetectSensitive } from '../helpers/guard';
import { tmpDir } from '../helpers/tmp';

const policy = resolveGuardPolicy({ companyDomains: ['acme.com'] });

function setup() {
  const db = openDatabase(path.join(tmpDir(), 'diwan.sqlite'));
  const clock = manualClock();
  const audit: AuditEvent[] = [];
  const judge = (t: string) => {
    const f = evaluateReply(t, 'en', policy, standInDetectSensitive);
    return f.some((x) => x.verdict === 'block') ? 'block' : f.length ? 'warn' : 'allow';
  };
  const drills = new Drills({ db, judgeReply: judge, companyDomain: 'acme.com', audit: (e) => audit.push(e), clock });
  return { db, clock, drills, audit };
}

describe('phishing drills', () => {
  it('only an administrator schedules one; outside its window or channel the demo channel gets nothing', () => {
    const { clock, drills } = setup();
    expect(() => drills.schedule({ adminId: 'l', role: 'lead', channelId: 'demo', startsAt: 0, endsAt: 1 })).toThrow(expect.objectContaining({ code: 'drill_forbidden' }));
    expect(() => drills.schedule({ adminId: 'a', role: 'admin', channelId: 'demo', startsAt: 5, endsAt: 5 })).toThrow(expect.objectContaining({ code: 'drill_bad_window' }));
    drills.schedule({ adminId: 'a', role: 'admin', channelId: 'demo', startsAt: clock.now() + 60_000, endsAt: clock.now() + 3600_000, kinds: ['lookalike_link'] });
    expect(drills.nextDrillMessage('lookalike_link', 'demo')).toBeNull();
    clock.advance(120_000);
    expect(drills.nextDrillMessage('lookalike_link', 'other')).toBeNull();
    expect(drills.nextDrillMessage('upgrade_fee', 'demo')).toBeNull();
    expect(drills.nextDrillMessage('lookalike_link', 'demo')).not.toBeNull();
  });

  it('its scam attempts are ones the inbound guard flags', () => {
    const { clock, drills } = setup();
    drills.schedule({ adminId: 'a', role: 'admin', channelId: 'demo', startsAt: clock.now(), endsAt: clock.now() + 3600_000 });
    for (const kind of ['lookalike_link', 'account_frozen'] as const) {
      for (let i = 0; i < 6; i++) {
        const m = drills.nextDrillMessage(kind, 'demo')!;
        expect(inspectInbound(m.text, 'en', { policy, detectSensitive: standInDetectSensitive }).flags.length).toBeGreaterThan(0);
      }
    }
    expect(DRILL_KINDS.every((k) => drills.nextDrillMessage(k, 'demo'))).toBe(true);
  });

  it('the report shows who flagged the attempts and who replied unsafely, without storing reply text', () => {
    const { db, clock, drills, audit } = setup();
    const id = drills.schedule({ adminId: 'a', role: 'admin', channelId: 'demo', startsAt: clock.now(), endsAt: clock.now() + 3600_000 });
    const m1 = drills.nextDrillMessage('code_forward', 'demo')!;
    const m2 = drills.nextDrillMessage('lookalike_link', 'demo')!;
    expect(drills.isDrillMessage(m1.drillMessageId)).toBe(true);
    expect(drills.isDrillMessage('12345')).toBe(false);
    drills.recordFlag(m1.drillMessageId, 'alice');
    drills.recordFlag(m2.drillMessageId, 'alice');
    expect(drills.recordReply(m1.drillMessageId, 'bob', 'Sure, send me the verification code you received and I will pass it on')).toBe('unsafe_reply');
    expect(drills.recordReply(m2.drillMessageId, 'carol', 'We never ask you to log in anywhere but acme.com.')).toBe('safe_reply');
    expect(() => drills.recordFlag('not-a-drill', 'alice')).toThrow(expect.objectContaining({ code: 'drill_message_unknown' }));
    const r = drills.report(id);
    expect(r.messagesSent).toBe(2);
    expect(r.agents).toEqual([
      { agentUsername: 'alice', flagged: 2, unsafeReplies: 0, safeReplies: 0 },
      { agentUsername: 'bob', flagged: 0, unsafeReplies: 1, safeReplies: 0 },
      { agentUsername: 'carol', flagged: 0, unsafeReplies: 0, safeReplies: 1 },
    ]);
    const dump = JSON.stringify(db.prepare('SELECT * FROM guard_drill_outcomes').all()) + JSON.stringify(audit);
    expect(dump).not.toContain('verification code you received');
  });
});
