import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FloodGate, Quarantine, resolveGuardPolicy, type GuardNotice } from '../../main/core/guard';
import { openDatabase } from '../../main/core/store';
import type { AuditEvent } from '../../main/core/shared/ports';
import { inbound, manualClock, sqliteSink, standInDetectSensitive, testSealer } from '../helpers/guard';
import { tmpDir } from '../helpers/tmp';

function setup(known: string[] = []) {
  const db = openDatabase(path.join(tmpDir(), 'diwan.sqlite'));
  const sink = sqliteSink(db);
  const clock = manualClock();
  const audit: AuditEvent[] = [];
  const notices: GuardNotice[] = [];
  const quarantine = new Quarantine(db, { sealer: testSealer(), detectSensitive: standInDetectSensitive, audit: (e) => audit.push(e) });
  const policy = resolveGuardPolicy({ flood: { senderPerMinute: 6, senderBurst: 3, channelPerSecond: 5, channelBurst: 10, surgeMinPerMinute: 100 } });
  const gate = new FloodGate({ policy, quarantine, isKnownCustomer: (_c, u) => known.includes(u), notify: (n) => notices.push(n), audit: (e) => audit.push(e), clock });
  return { db, sink, clock, quarantine, gate, guarded: gate.guard(sink), audit, notices };
}

describe('flood gate before the store', () => {
  it('quarantines a sender over its limit, keeps everything, and release hands every message back once', () => {
    const { sink, clock, quarantine, guarded, audit } = setup();
    const msgs = Array.from({ length: 40 }, (_, i) => inbound(`m${i}`, 'noisy', `message number ${i} with the code ${100000 + i}`, clock.now()));
    guarded.ingest('tg', msgs, 'cursor-1');
    expect(sink.count('tg')).toBe(3);
    expect(quarantine.pendingCount('tg')).toBe(37);
    expect(sink.cursor('tg')).toBe('cursor-1');
    const [group] = quarantine.summary('tg');
    expect(group).toMatchObject({ reason: 'sender_rate', pending: 37 });
    expect(group!.samples).toHaveLength(3);
    expect(group!.samples.join(' ')).not.toMatch(/1000\d\d/); // samples are masked
    guarded.ingest('tg', msgs); // a connector retrying the batch: held messages are not held twice
    expect(quarantine.pendingCount('tg')).toBeLessThanOrEqual(40);

    expect(quarantine.release({ channelId: 'tg', reason: 'sender_rate' }, sink, 'lead-1', clock.now()).released).toBeGreaterThanOrEqual(37);
    expect(sink.count('tg')).toBe(40);
    for (const m of msgs) expect(sink.has('tg', m.platformMessageId)).toBe(true);
    expect(quarantine.pendingCount('tg')).toBe(0);
    expect(quarantine.release({ channelId: 'tg' }, sink, 'lead-1', clock.now())).toEqual({ released: 0 });
    expect(audit.find((e) => e.action === 'guard.quarantine.released')).toMatchObject({ actor: 'lead-1', target: 'channel:tg' });
  });

  it('a release that fails part-way loses nothing and can be run again', () => {
    const { sink, clock, quarantine, guarded } = setup();
    guarded.ingest('tg', Array.from({ length: 1200 }, (_, i) => inbound(`m${i}`, 'noisy', `text ${i}`, clock.now())));
    const pending = quarantine.pendingCount('tg');
    let calls = 0;
    const flaky = { ingest: (c: string, m: Parameters<typeof sink.ingest>[1]) => (++calls === 2 ? (() => { throw new Error('disk full'); })() : sink.ingest(c, m)) };
    expect(() => quarantine.release({ channelId: 'tg' }, flaky, 'lead-1', clock.now())).toThrow(/disk full/);
    expect(quarantine.pendingCount('tg')).toBe(pending - 500);
    quarantine.release({ channelId: 'tg' }, sink, 'lead-1', clock.now());
    expect(sink.count('tg')).toBe(1200);
  });

  it('collapses a campaign into one conversation with a counter; known customers never collapse', () => {
    const { sink, clock, quarantine, guarded } = setup(['vip']);
    const text = (i: number) => `Boycott now until the prices come down, share this everywhere ${i % 3}`;
    for (let i = 0; i < 30; i++) {
      clock.advance(1000);
      guarded.ingest('x', [inbound(`c${i}`, `bot${i}`, text(i), clock.now())]);
    }
    guarded.ingest('x', [inbound('vip1', 'vip', text(1), clock.now())]);
    const groups = quarantine.summary('x');
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group!.reason).toBe('duplicate');
    const cluster = quarantine.cluster(group!.clusterId!)!;
    expect(cluster.count).toBe(1 + group!.pending);
    expect(cluster.conversationRef).toBeTruthy();
    expect(sink.count('x') + group!.pending).toBe(31);
    expect(sink.has('x', 'vip1')).toBe(true);
    expect(sink.count('x')).toBeLessThanOrEqual(4);
  });

  it('counts a campaign\'s waiting copies on the conversation its first stored copy opened, and only those', () => {
    const { sink, clock, quarantine, guarded } = setup();
    const text = 'Boycott now until the prices come down, share this everywhere today';
    for (const channel of ['x', 'tg']) {
      for (let i = 0; i < 6; i++) {
        clock.advance(1000);
        guarded.ingest(channel, [inbound(`${channel}-c${i}`, `${channel}-bot${i}`, text, clock.now())]);
      }
    }
    // One sender over its own limit: held, but not a copy of anything.
    guarded.ingest('x', Array.from({ length: 5 }, (_, i) => inbound(`noisy${i}`, 'noisy', `question ${i} about my order`, clock.now())));
    const ref = quarantine.cluster(quarantine.summary('x').find((g) => g.reason === 'duplicate')!.clusterId!)!.conversationRef!;
    expect(ref).toBe('conv-x-bot2');
    expect(sink.has('x', 'x-c2')).toBe(true);
    expect(quarantine.copiesOn('x', [ref, 'conv-x-bot0', 'conv-noisy', 'conv-nobody'])).toEqual(new Map([[ref, 3]]));
    expect(quarantine.copiesOn('tg', [ref])).toEqual(new Map());
    expect(quarantine.campaignConversations('x')).toEqual([ref]);

    const [first] = quarantine.list({ channelId: 'x', reason: 'duplicate' });
    quarantine.release({ channelId: 'x', ids: [first!.id] }, sink, 'lead-1', clock.now());
    expect(quarantine.copiesOn('x', [ref])).toEqual(new Map([[ref, 2]]));
    quarantine.discard({ channelId: 'x', reason: 'duplicate' }, 'lead-1');
    expect(quarantine.copiesOn('x', [ref])).toEqual(new Map());
    expect(quarantine.copiesOn('tg', ['conv-tg-bot2'])).toEqual(new Map([['conv-tg-bot2', 3]]));
  });

  it('under a flood, surge mode starts, the lead is told, known customers and first messages get through', () => {
    const { sink, clock, quarantine, guarded, gate, notices } = setup(['vip']);
    let n = 0;
    for (let s = 0; s < 30; s++) {
      clock.advance(1000);
      const batch = Array.from({ length: 20 }, (_, i) => inbound(`f${++n}`, `spammer${i % 4}`, `random junk ${n} ${Math.sin(n)}`, clock.now()));
      if (s % 10 === 0) batch.push(inbound(`v${s}`, 'vip', `where is my order, day ${s}`, clock.now()));
      if (s === 20) batch.push(inbound('new1', 'newcomer', 'hello, my SIM stopped working today', clock.now()));
      guarded.ingest('wa', batch);
    }
    expect(gate.inSurge('wa')).toBe(true);
    expect(notices.map((x) => x.kind)).toContain('surge_entered');
    for (let s = 0; s < 30; s += 10) expect(sink.has('wa', `v${s}`)).toBe(true);
    expect(sink.has('wa', 'new1')).toBe(true);
    expect(sink.count('wa') + quarantine.pendingCount('wa')).toBe(n + 4);
  });
});
