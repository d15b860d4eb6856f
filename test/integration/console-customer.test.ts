import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { testCore } from '../helpers/core';
import { ingestMessage, signedInConsole } from '../helpers/console';

let core: Core | undefined;
afterEach(() => core?.close());

const PHONE = '+966 55 987 6543';
const EMAIL = 'layla.haddad@example.com';

describe('the customer panel (real core and store)', () => {
  it('lists the contact details the customer gave, once each, masked as chips; never the values or other field types', async () => {
    const c = (core = await testCore());
    const agent = await (await signedInConsole(c))('agent');
    const id = ingestMessage(c, { contact: 'Layla Haddad', text: `Call me on ${PHONE} please` });
    ingestMessage(c, { contact: 'Layla Haddad', text: `Or write to ${EMAIL}; my number again: ${PHONE}. Card 4111 1111 1111 1111` });
    const detail = await agent.ok<{ customer: { fields: Array<{ label: string; segments: Array<{ kind: string; type?: string }> }> } }>('openConversation', { conversationId: id });
    expect(detail.customer.fields.map((f) => f.label)).toEqual(['PHONE', 'EMAIL']);
    for (const f of detail.customer.fields) expect(f.segments).toEqual([expect.objectContaining({ kind: 'field', type: f.label })]);
    const json = JSON.stringify(detail.customer);
    for (const v of [PHONE, EMAIL, '4111', 'layla.haddad']) expect(json).not.toContain(v);
  });
});
