import type { Page } from 'playwright-core';
import type { RunningBridge } from '../bridge/server';

/** What a contract call answers: the value, or the typed error the renderer would get. */
export type ContractAnswer<V = unknown> = { ok: true; value: V } | { ok: false; error: { code: string; message: string } };

/** The value of an answer, or an error naming the channel and the code the call failed with. */
export function valueOf<T = unknown>(channel: string, answer: ContractAnswer): T {
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.code}: ${answer.error.message}`);
  return answer.value as T;
}

/**
 * A console window on the bridge without a browser: its own session cookie (so its own person, as on another
 * computer), each call made through the contract over the bridge's HTTP as the renderer makes it. `call` gives the
 * answer; `ok` the value, throwing on an error.
 */
export async function contractWindow(bridge: RunningBridge, url = bridge.anotherWindow()) {
  const opened = await fetch(url, { redirect: 'manual' });
  const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
  const call = async (channel: string, request: unknown = {}): Promise<ContractAnswer> => {
    const res = await fetch(`${bridge.origin}/__bridge/ipc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: bridge.origin },
      body: JSON.stringify(request),
    });
    return (await res.json()) as ContractAnswer;
  };
  const ok = async <T = unknown>(channel: string, request: unknown = {}): Promise<T> => valueOf<T>(channel, await call(channel, request));
  return { call, ok };
}

export type ContractWindow = Awaited<ReturnType<typeof contractWindow>>;

/** A contract call from inside a Chromium page, through the same `window.diwan` the renderer uses. */
export function callInPage(page: Page, channel: string, request: unknown = {}): Promise<ContractAnswer> {
  return page.evaluate(
    ([c, r]) => (globalThis as unknown as { diwan: Record<string, (x: unknown) => Promise<unknown>> }).diwan[c as string]!(r),
    [channel, request] as const,
  ) as Promise<ContractAnswer>;
}
