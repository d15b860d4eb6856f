import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startBridge, type RunningBridge } from '../bridge/server';
import { PASSWORD, startTeamHub, until, type ConsoleProcess } from '../hub/harness';
import { launchChromium, RENDERER_DIR } from './browser';
import { openWindow } from './console-page';
import { signIn } from './console-people';
import { contractWindow } from './contract-window';
import { testKeychain } from './keychain';
import { interfaces, makeSigner, managedLocation, policyBody, siteFor, startTestBeacon, writeSignedPolicy } from './network';
import { tmpDir } from './tmp';

export type TeamHub<U extends string> = Awaited<ReturnType<typeof startTeamHub<U>>>;

export type TeamConsoleOptions<U extends string> = Parameters<typeof startTeamHub<U>>[0] & {
  /** Run the console's channels, as the desktop app does (the test bridge leaves them off unless asked). */
  channels?: boolean;
  /** Drive the console's screens in Chromium (needs the built renderer: `npx electron-vite build`). */
  chromium?: boolean;
  /** IT's set-up at the hub before the console starts: rules, calendars, people the harness does not make. */
  prepare?: (team: TeamHub<U>) => Promise<void>;
};

export interface TeamConsole<U extends string> {
  team: TeamHub<U>;
  /** The console: the real core behind the test bridge, in team mode. */
  bridge: RunningBridge;
  /** Chromium, when the suite asked for it. */
  browser: Browser;
  /** A new window without a browser (its own session), making contract calls as the renderer does. */
  window(): ReturnType<typeof contractWindow>;
  /** A new window in Chromium (its own session). */
  page(opts?: Parameters<typeof openWindow>[2]): ReturnType<typeof openWindow>;
  /**
   * A Chromium window per person, each signed in on the sign-in screen with the hub's password; `run` gets them by
   * name. When `run` ends, no window may have logged a console or page error; the windows close whatever happens.
   */
  withPeople<P extends U>(people: readonly P[], run: (windows: Record<P, ConsoleWindow>) => Promise<void>, opts?: Parameters<typeof openWindow>[2]): Promise<void>;
}

export type ConsoleWindow = Awaited<ReturnType<typeof openWindow>>;

/**
 * A console on its own computer, as IT sets one up: its own data folder and keychain, IT's signed office policy naming
 * the hub, inside the office, following the hub, its device enrolled at the hub. Close it with `bridge.close()`.
 */
export async function startOfficeConsole<U extends string>(team: TeamHub<U>, o: { label: string; chromium?: boolean; channels?: boolean }): Promise<RunningBridge> {
  const beacon = await startTestBeacon('hq');
  const signer = makeSigner();
  const loc = managedLocation([signer]);
  writeSignedPolicy(loc.policyFile, policyBody([siteFor('hq', beacon, ['10.20.0.0/16'])], { hub: { url: team.lb.url, pin: team.files.pin } }), signer);
  const { keychain, service } = testKeychain();
  const bridge = await startBridge({
    embedded: 'store',
    dataDir: tmpDir(),
    rendererDir: o.chromium ? RENDERER_DIR : tmpDir(),
    keychain,
    keychainService: service,
    channels: o.channels,
    network: { ...loc, interfaces: () => interfaces({ eth0: ['10.20.1.5'] }), dnsSuffixes: async () => [], debounceMs: 10 },
  });
  await until(async () => (bridge.core.gate.current()?.state === 'office' ? true : null), 'the gate to find the office');
  await until(async () => (bridge.core.team()?.url === team.lb.url ? true : null), 'the console to take the hub from the policy');
  const device = bridge.core.identity.deviceIdentity;
  await team.seed.store.enrolDevice({ fingerprint: device.fingerprint, publicKey: device.publicKeyPem, label: o.label }, { actor: 'it:test' });
  return bridge;
}

/**
 * A console in team mode, as IT sets one up, for the suite that calls it (it registers its own beforeAll/afterAll):
 * a hub (`startTeamHub`: own processes, a real PostgreSQL, the custodian, one console process per user), IT's signed
 * office policy naming that hub, and the console inside the office, following the hub, its device enrolled at the hub
 * and with the custodian. Each test then opens the windows it needs and signs in the people it checks.
 */
export function teamConsoleSuite<U extends string>(o: TeamConsoleOptions<U>): TeamConsole<U> {
  let team: TeamHub<U> | undefined;
  let bridge: RunningBridge | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    team = await startTeamHub(o);
    await o.prepare?.(team);
    bridge = await startOfficeConsole(team, { label: 'front desk', chromium: o.chromium, channels: o.channels });
    const device = bridge.core.identity.deviceIdentity;
    // The custodian checks devices against IT's signed policy too: this desk joins the consoles the harness enrolled.
    const leads = o.users.filter((u) => u.role === 'lead').map((u) => u.username);
    team.files.custody.enrol([...Object.values<ConsoleProcess>(team.consoles).map((c) => c.fingerprint), device.fingerprint], leads);
    if (o.chromium) browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
    await team?.close();
  }, 120_000);

  const started = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`${what} is not running: use it inside the suite's tests (and ask for chromium to get a browser).`);
    return v;
  };
  return {
    get team() {
      return started(team, 'the team hub');
    },
    get bridge() {
      return started(bridge, 'the team console');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
    window() {
      return contractWindow(started(bridge, 'the team console'));
    },
    page(opts) {
      return openWindow(started(browser, 'Chromium'), started(bridge, 'the team console').anotherWindow(), opts);
    },
    async withPeople(people, run, opts) {
      const windows = {} as Record<(typeof people)[number], ConsoleWindow>;
      try {
        for (const who of people) windows[who] = await this.page(opts);
        for (const who of people) await signIn(windows[who].page, { username: who, password: PASSWORD });
        await run(windows);
        for (const w of Object.values<ConsoleWindow>(windows)) expect(w.errors, w.errors.join('\n')).toEqual([]);
      } finally {
        for (const w of Object.values<ConsoleWindow>(windows)) await w.close();
      }
    },
  };
}
