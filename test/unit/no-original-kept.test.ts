/**
 * SECURITY.md: an original is in memory only while it is masked and sealed. The readers' memos (a message's
 * normalised text, a chat line's prefix, a reply's reading, the normaliser's buffer) must not keep one past the call
 * that read it: after masking and both guards, a heap snapshot holds no string with the message's marker. The same
 * snapshot taken inside the call's turn does hold it, so the search can fail.
 */
import { getHeapSnapshot } from 'node:v8';
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { maskMessage, detectSensitive } from '../../main/core/masking';
import { evaluateReply, inspectInbound, resolveGuardPolicy } from '../../main/core/guard';

/**
 * Takes a heap snapshot, then (only then) builds the strings to look for from `digits`, so that the test itself holds
 * none of them while the snapshot is taken: whether any of the message's forms is in the heap.
 */
async function heapHolds(digits: readonly number[]): Promise<boolean> {
  const stream = getHeapSnapshot();
  const forms = [ascii(digits), indic(digits)];
  let json = '';
  for await (const chunk of stream) json += chunk.toString();
  return forms.some((f) => json.includes(f));
}

const ascii = (digits: readonly number[]) => digits.join('');
const indic = (digits: readonly number[]) => digits.map((d) => String.fromCharCode(0x0660 + d)).join('');
/** Twelve digits no other string in the process holds. */
const newDigits = () => Array.from({ length: 12 }, () => randomInt(10));

/** Masks and checks one message holding `digits`, with a kashida and Arabic-Indic digits so that normalisation rewrites it. */
function readMessage(digits: readonly number[]): void {
  const text = `رقـم الهوية ${indic(digits)}\n12/03/26, 10:14 - Sara: code qz${ascii(digits)} and national id ${indic(digits)}`;
  const policy = resolveGuardPolicy({ companyDomains: ['acme.com'] });
  maskMessage(text);
  inspectInbound(text, 'en', { policy, detectSensitive });
  evaluateReply(`please send the code qz${ascii(digits)}`, 'en', policy, detectSensitive);
}

describe('no original outlives its reading', () => {
  it("keeps no message's text in the readers' memos once the call's turn has ended", { timeout: 120_000 }, async () => {
    // inside the call's turn the memos still hold it: the search is able to find it
    const held = newDigits();
    readMessage(held);
    expect(await heapHolds(held)).toBe(true);

    const gone = newDigits();
    readMessage(gone);
    await new Promise((r) => setTimeout(r, 0));
    expect(await heapHolds(gone)).toBe(false);
  });
});
