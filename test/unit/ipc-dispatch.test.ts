import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher, createMainDispatch, type CallContext, type Handlers } from '../../main/ipc';
import { DiwanError } from '../../main/core/shared/errors';
import type { Core } from '../../main/core/app';
import { unboundConsole } from '../../main/ipc/console-unbound';
import { testCore } from '../helpers/core';

/** Only getStatus matters to these tests; the other channels are never called. */
const only = (getStatus: Handlers['getStatus']) => ({ getStatus }) as unknown as Handlers;
const unbound = () => unboundConsole({ notify: () => false });

const trusted: CallContext = { trustedSender: true };
let core: Core | undefined;
afterEach(() => core?.close());

function dispatcherWith(getStatus: Handlers['getStatus'], errors: string[] = []) {
  return createDispatcher({
    handlers: only(getStatus),
    authorize: () => null,
    onInternalError: (channel, e) => errors.push(`${channel}:${(e as Error).message}`),
  });
}

const goodStatus = {
  appVersion: '1',
  dataDir: '/d',
  databaseFile: '/d/x',
  schemaVersion: 1,
  keychain: { available: true },
};

describe('IPC dispatch', () => {
  it('answers a valid call through the real core', async () => {
    core = testCore();
    const result = await createMainDispatch(core, unbound())('getStatus', {}, trusted);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject({ schemaVersion: expect.any(Number), dataDir: core.dataDir });
  });

  it.each([
    ['a string', 'x'],
    ['an array', []],
    ['null', null],
    ['an extra key', { admin: true }],
    ['a huge object', { x: 'a'.repeat(100_000) }],
  ])('rejects %s as a request with bad_request and never runs the handler', async (_label, request) => {
    let ran = false;
    const result = await dispatcherWith(() => {
      ran = true;
      return goodStatus;
    })('getStatus', request, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(ran).toBe(false);
  });

  it('rejects unknown channels, including prototype keys', async () => {
    const d = dispatcherWith(() => goodStatus);
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 42, null]) {
      expect(await d(name, {}, trusted)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('rejects an untrusted sender before anything else', async () => {
    let ran = false;
    const result = await dispatcherWith(() => {
      ran = true;
      return goodStatus;
    })('getStatus', {}, { trustedSender: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    expect(ran).toBe(false);
  });

  it('denies by permission before parsing', async () => {
    const d = createDispatcher({
      handlers: only(() => goodStatus),
      authorize: () => ({ code: 'forbidden', message: 'no' }),
    });
    expect(await d('getStatus', 'garbage', trusted)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('turns a thrown error into a typed internal error without its message', async () => {
    const errors: string[] = [];
    const result = await dispatcherWith(() => {
      throw new Error('secret-token-123 leaked in message');
    }, errors)('getStatus', {}, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret-token-123');
    expect(errors).toHaveLength(1);
  });

  it('passes a DiwanError through with its code and message', async () => {
    const result = await dispatcherWith(() => {
      throw new DiwanError('db_newer', 'Newer database.');
    })('getStatus', {}, trusted);
    expect(result).toEqual({ ok: false, error: { code: 'db_newer', message: 'Newer database.', details: undefined } });
  });

  it('strips response fields the contract does not declare', async () => {
    const result = await dispatcherWith(() => ({ ...goodStatus, token: 'should-not-leave' }) as typeof goodStatus)(
      'getStatus',
      {},
      trusted,
    );
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain('should-not-leave');
  });

  it('refuses a response that does not match the contract', async () => {
    const result = await dispatcherWith(() => ({ nope: 1 }) as unknown as typeof goodStatus)('getStatus', {}, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('withholds the answer of a call during which the console locked', async () => {
    let locked = false;
    const d = createDispatcher({
      handlers: only(async () => {
        locked = true; // the gate locks while the handler runs
        return goodStatus;
      }),
      authorize: () => (locked ? { code: 'locked', message: 'Locked.' } : null),
    });
    const result = await d('getStatus', {}, trusted);
    expect(result).toEqual({ ok: false, error: { code: 'locked', message: 'Locked.' } });
  });

  it('the main dispatcher lets public channels through without a session', async () => {
    core = testCore();
    const d = createMainDispatch(core, unbound());
    expect(await d('getStatus', {}, trusted)).toMatchObject({ ok: true });
  });

  it('the main dispatcher refuses console calls without a signed-in user, and unbound services say so plainly', async () => {
    core = testCore();
    const d = createMainDispatch(core, unbound());
    expect(await d('listConversations', { filter: {} }, trusted)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await d('getSession', {}, trusted)).toMatchObject({ ok: true, value: { state: 'signed_out' } });
    expect(await d('signIn', { username: 'a', password: 'b' }, trusted)).toMatchObject({ ok: false, error: { code: 'not_ready' } });
  });
});
