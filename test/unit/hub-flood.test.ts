import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { takeFromBoth, TokenBucketFloodGate } from '../../main/hub/flood';
import { officeRangeCheck } from '../../main/hub/office-ranges';

/** The hub's edge pieces (moved from the relay with their tests). */
describe('hub edge: office ranges and flood control', () => {
  it('checks peer addresses against office ranges, IPv4-mapped IPv6 included', () => {
    const inOffice = officeRangeCheck(['10.20.0.0/16', '2001:db8:20::/48']);
    expect(inOffice('10.20.3.4')).toBe(true);
    expect(inOffice('::ffff:10.20.3.4')).toBe(true);
    expect(inOffice('2001:db8:20::1')).toBe(true);
    expect(inOffice('10.21.0.1')).toBe(false);
    expect(inOffice('::ffff:192.168.1.1')).toBe(false);
    expect(inOffice(undefined)).toBe(false);
    expect(inOffice('not an address')).toBe(false);
  });

  it('lets a burst through per sender, then refills over time; one channel limit covers all senders', () => {
    const gate = new TokenBucketFloodGate({ perSender: { perMinute: 60, burst: 2 }, perChannel: { perMinute: 6, burst: 3 } });
    const t = 1_000_000;
    expect([gate.admitNow('c', 'a', t), gate.admitNow('c', 'a', t), gate.admitNow('c', 'a', t)]).toEqual([true, true, false]);
    expect(gate.admitNow('c', 'a', t + 1_000)).toBe(true); // one token a second
    expect(gate.admitNow('c', 'b', t + 1_000)).toBe(false); // the channel's burst of 3 is spent
    expect(gate.admitNow('other', 'b', t + 1_000)).toBe(true);
  });

  it('lets an exempt message past an empty channel bucket on the sender’s own token, never past an empty sender bucket', () => {
    const rates = { perSender: { perMinute: 0.001, burst: 1 }, perChannel: { perMinute: 0.001, burst: 1 } };
    const emptyChannel = { tokens: 0, at: 0 };
    expect(takeFromBoth(emptyChannel, null, rates, 0)).toMatchObject({ admit: false, over: 'channel_rate' });
    const exempt = takeFromBoth(emptyChannel, null, rates, 0, true);
    expect(exempt).toMatchObject({ admit: true, over: null, channel: { tokens: 0 }, sender: { tokens: 0 } });
    expect(takeFromBoth(emptyChannel, exempt.sender, rates, 0, true)).toMatchObject({ admit: false, over: 'sender_rate' });
    // With a token in the channel's bucket, an exempt message takes it like any other.
    expect(takeFromBoth(null, null, rates, 0, true)).toMatchObject({ admit: true, channel: { tokens: 0 } });
  });

  it('never admits more from one sender than its burst plus what the rate refilled, whatever the arrival pattern', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 600 }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 300 }),
        (burst, perMinute, gaps) => {
          const gate = new TokenBucketFloodGate({ perSender: { perMinute, burst }, perChannel: { perMinute: 1e6, burst: 1e6 } });
          let t = 0;
          let admitted = 0;
          for (const gap of gaps) {
            t += gap;
            if (gate.admitNow('c', 's', t)) admitted++;
          }
          expect(admitted).toBeLessThanOrEqual(burst + Math.floor((t / 60_000) * perMinute) + 1);
          // Another sender is not held back by this one.
          expect(gate.admitNow('c', 'someone-else', t)).toBe(true);
        },
      ),
    );
  });
});
