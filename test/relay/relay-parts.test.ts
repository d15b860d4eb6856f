import crypto from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/core/store';
import { TokenBucketFloodGate } from '../../main/relay/flood';
import { GroupCommit } from '../../main/relay/group-commit';
import { relayMigrations } from '../../main/relay/migrations';
import { officeRangeCheck } from '../../main/relay/office-ranges';
import { RelayOutbox } from '../../main/relay/outbox';
import { RelayQueue } from '../../main/relay/queue';
import { QueueCipher } from '../../main/relay/queue-cipher';
import { tmpDir } from '../helpers/tmp';

describe('relay parts', () => {
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
    expect([gate.admit('c', 'a', t), gate.admit('c', 'a', t), gate.admit('c', 'a', t)]).toEqual([true, true, false]);
    expect(gate.admit('c', 'a', t + 1_000)).toBe(true); // one token a second
    expect(gate.admit('c', 'b', t + 1_000)).toBe(false); // the channel's burst of 3 is spent
    expect(gate.admit('other', 'b', t + 1_000)).toBe(true);
  });

  it('commits concurrent work together, rolls back a failing piece alone, and settles only after the commit', async () => {
    const db = openDatabase(path.join(tmpDir(), 'g.sqlite'), { migrations: [{ version: 1, name: 't', sql: 'CREATE TABLE t (v TEXT PRIMARY KEY) STRICT;' }] });
    try {
      const commits = new GroupCommit(db);
      const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
      let committedWhenSettled = -1;
      const a = commits.submit(() => insert.run('a').changes).then((v) => {
        committedWhenSettled = (db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;
        return v;
      });
      const b = commits.submit(() => {
        insert.run('b');
        throw new Error('this piece fails after writing');
      });
      const c = commits.submit(() => insert.run('c').changes);
      await expect(a).resolves.toBe(1);
      await expect(b).rejects.toThrow(/fails/);
      await expect(c).resolves.toBe(1);
      expect(db.prepare('SELECT v FROM t ORDER BY v').all()).toEqual([{ v: 'a' }, { v: 'c' }]);
      expect(committedWhenSettled).toBe(2);
      expect(db.inTransaction).toBe(false);
    } finally {
      db.close();
    }
  });

  it('never sends a reply twice: an interrupted send becomes unknown and stays so; only a failed one is queued again', () => {
    const file = path.join(tmpDir(), 'relay.sqlite');
    const cipher = QueueCipher.fromKey(crypto.randomBytes(32));
    const open = () => {
      const db = openDatabase(file, { migrations: relayMigrations });
      const queue = new RelayQueue(db, cipher, new TokenBucketFloodGate({ perSender: { perMinute: 60, burst: 10 }, perChannel: { perMinute: 60, burst: 10 } }), () => 1_000);
      return { db, outbox: new RelayOutbox(db, cipher, queue, () => 1_000) };
    };
    const fp = 'f'.repeat(64);
    let r = open();
    r.outbox.submit(fp, 'wa', { outboxId: '7', platformConversationId: '346', text: 'hello' });
    r.outbox.submit(fp, 'wa', { outboxId: '8', platformConversationId: '346', text: 'second' });
    expect(r.outbox.claim('wa', 1_000)).toMatchObject({ messageId: '7', platformConversationId: '346', text: 'hello', attempts: 1 });
    r.db.close(); // the relay dies mid-send

    r = open();
    expect(r.outbox.recoverInterrupted()).toBe(1);
    expect(r.outbox.status(fp, 'wa', '7')).toMatchObject({ state: 'unknown' });
    expect(r.outbox.submit(fp, 'wa', { outboxId: '7', platformConversationId: '346', text: 'hello' })).toMatchObject({ state: 'unknown', created: false });
    const second = r.outbox.claim('wa', 1_000)!;
    expect(second.messageId).toBe('8');
    expect(r.outbox.claim('wa', 1_000)).toBeNull();
    r.outbox.markFailed(second.outboxId, 'recipient blocked the business', null);
    expect(r.outbox.submit(fp, 'wa', { outboxId: '8', platformConversationId: '346', text: 'second' })).toMatchObject({ state: 'queued', created: true });
    expect(r.outbox.status('e'.repeat(64), 'wa', '8')).toBeNull(); // another console's outbox number 8 is another reply
    r.db.close();
  });
});
