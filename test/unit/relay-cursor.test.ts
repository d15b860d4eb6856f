import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RelayConnector, type RelayLink } from '../../main/core/connectors/relay-client';
import type { ConnectorContext } from '../../main/core/connectors/context';

/** A link that answers every events request with `events` and records the `after` it was asked for. */
function recordingLink(relayId: string, events: Array<{ seq: number }>) {
  const asked: number[] = [];
  const link = {
    relayId,
    ensureSession: async () => {},
    call: async (_method: string, path: string) => {
      asked.push(Number(new URL(path, 'https://relay.invalid').searchParams.get('after')));
      return { status: 200, body: { events: events.map((e) => ({ seq: e.seq, kind: 'receipt', receipt: { platformMessageId: `m${e.seq}`, state: 'delivered' } })), more: false } };
    },
    expect: <T>(reply: { body: unknown }, schema: { parse: (v: unknown) => T }) => schema.parse(reply.body),
  };
  return { link: link as unknown as RelayLink, asked };
}

const ctx = { config: { id: 'wa', kind: 'whatsapp', settings: { via: 'relay' } } } as unknown as ConnectorContext;
const relayIds = fc.stringMatching(/^[0-9a-f]{12}$/);

describe('the relay cursor names its relay', () => {
  it('asks after the stored number for the same relay (or a bare number), from the start for another relay or a cursor it cannot read', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 2 ** 40 }), relayIds, relayIds, fc.string({ maxLength: 20 }), async (seq, current, other, junk) => {
        const { link, asked } = recordingLink(current, []);
        const c = new RelayConnector(ctx, link, 0);
        const signal = new AbortController().signal;
        await c.pull(`${seq}@${current}`, signal);
        await c.pull(String(seq), signal);
        await c.pull(`${seq}@${other}`, signal);
        await c.pull(null, signal);
        if (!/^\d+(@[0-9a-f]+)?$/.test(junk)) await c.pull(junk, signal);
        expect(asked).toEqual([seq, seq, other === current ? seq : 0, 0, ...(/^\d+(@[0-9a-f]+)?$/.test(junk) ? [] : [0])]);
      }),
      { numRuns: 200 },
    );
  });

  it('hands back the newest number with the relay it came from; with nothing new, the cursor it was given', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 30 }), relayIds, async (seqs, id) => {
        const signal = new AbortController().signal;
        const batch = await new RelayConnector(ctx, recordingLink(id, seqs.map((seq) => ({ seq }))).link, 0).pull(null, signal);
        expect(batch.cursor).toBe(`${Math.max(...seqs)}@${id}`);
        const idle = await new RelayConnector(ctx, recordingLink(id, []).link, 0).pull(`7@${id}`, signal);
        expect(idle.cursor).toBe(`7@${id}`);
      }),
      { numRuns: 100 },
    );
  });
});
