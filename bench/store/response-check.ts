/**
 * The inbox page's response check alone (issue #26, round 19): zod's `safeParse` of a 100-row `listConversations`
 * answer against the check compiled from the same schema (`main/ipc/compiled-check.ts`), in one process, alternating.
 *   node --import tsx bench/store/response-check.ts [--pages 2000] [--rounds 3]
 * Rows shaped as the console's (segments with a masked field, an assignee on two rows of three, two labels). CPU of
 * this thread a page, each round; the load average beside it.
 */
import os from 'node:os';
import { compiledCheck } from '../../main/ipc/compiled-check';
import { consoleContract } from '../../main/ipc/console-contract';
import { argValue } from './common';

const pages = argValue('--pages', 2000);
const rounds = argValue('--rounds', 3);
const schema = consoleContract.listConversations.response;
const segments = (t: string) => [{ kind: 'text', text: t }, { kind: 'field', fieldIndex: 0, type: 'PHONE', hint: '••42' }, { kind: 'text', text: ' thanks' }];
const row = (i: number) => ({
  id: i + 1,
  channelId: 'tg-1',
  channelKind: 'telegram',
  channelName: 'Telegram',
  contactName: [{ kind: 'text', text: `Customer ${i}` }],
  preview: segments('hello my order '),
  previewDirection: 'ltr',
  status: 'open',
  snoozedUntil: null,
  assignee: i % 3 ? { id: `u${i % 20}`, name: `Agent ${i % 20}` } : null,
  unread: i % 4,
  labels: ['vip', 'billing'],
  lastActivityAt: 1_700_000_000_000 + i,
});
const page = { items: Array.from({ length: 100 }, (_, i) => row(i)), nextCursor: '1700000000000:5', total: 12345 };
const compiled = compiledCheck(schema);
if (!compiled) throw new Error('the inbox page did not compile');
if (JSON.stringify(compiled(page)) !== JSON.stringify(schema.safeParse(page))) throw new Error('the two checks disagree');

const cpu = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1e3;
};
const perPage = (f: () => unknown) => {
  const c0 = cpu();
  for (let k = 0; k < pages; k++) f();
  return ((cpu() - c0) / pages) * 1e3; // µs
};
for (let r = 0; r < rounds; r++) {
  const zod = perPage(() => schema.safeParse(page));
  const fast = perPage(() => compiled(page));
  console.log(`round ${r + 1}: zod ${zod.toFixed(1)} µs a page, compiled ${fast.toFixed(1)} µs (${(zod / fast).toFixed(1)}×); load ${os.loadavg()[0]!.toFixed(1)}`);
}
