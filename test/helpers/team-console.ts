import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startBridge, type RunningBridge } from '../bridge/server';
import { MetaEmulator } from '../emulators/meta';
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
 * A WhatsApp channel at the team's hub, as IT adds one: Meta's emulator on loopback, its token and app secret (and the
 * webhook's verify token, when given) in the hub's credential files, the channel saved. Close the emulator when done.
 */
export async function whatsAppAtHub<U extends string>(team: TeamHub<U>, o: { token: string; name: string; verifyToken?: string }): Promise<MetaEmulator> {
  const meta = await MetaEmulator.start(o.token, 900_000);
  const put = (file: string, value: string) => fs.writeFileSync(path.join(team.files.credentials, file), value, { mode: 0o400 });
  put('wa.token', o.token);
  put('wa.app-secret', meta.appSecret);
  if (o.verifyToken) put('wa.verify-token', o.verifyToken);
  await team.seed.store.saveChannel({ id: 'wa', kind: 'whatsapp', name: o.name, enabled: true, config: { baseUrl: meta.url, settings: { phoneNumberId: meta.phoneNumberId } } }, { actor: 'it:test' });
  return meta;
}

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

/** Two administrators and an agent on two hub nodes whose policy makes a privileged role wait for a second administrator. */
export const ROLES_WAIT_FOR_A_SECOND_ADMIN = {
  users: [
    { username: 'aziz', role: 'admin' },
    { username: 'bushra', role: 'admin' },
    { username: 'amal', role: 'agent' },
  ],
  nodes: 2,
  nodeConfig: { sessions: { idleMinutes: 15, requireTwoFactor: false, roleGrantNeedsSecondAdmin: true } },
} satisfies TeamConsoleOptions<'aziz' | 'bushra' | 'amal'>;

/** What `secondAdminSuite` gives a test: the hub, and both administrators on their Users tab. */
export interface SecondAdminDesks<U extends string> {
  team: TeamHub<U>;
  /**
   * Aziz's console and Bushra's (in Arabic) in Chromium, each signed in on the sign-in screen and on the Users tab;
   * when `run` ends, neither window may have logged a console or page error; both close whatever happens.
   */
  withUsersTabs(run: (windows: { aziz: ConsoleWindow; bushra: ConsoleWindow }) => Promise<void>): Promise<void>;
}

/**
 * Two administrators, `aziz` and `bushra` (the suite's `users` name them), each at a computer of their own
 * (`startOfficeConsole`) behind the hub's load balancer, for the suite that calls it (it registers its own
 * beforeAll/afterAll): what a request waiting for a second administrator needs.
 */
export function secondAdminSuite<U extends string>(o: Parameters<typeof startTeamHub<U>>[0] & Pick<TeamConsoleOptions<U>, 'prepare'>): SecondAdminDesks<U> {
  let team: TeamHub<U> | undefined;
  const desks: RunningBridge[] = [];
  let browser: Browser | undefined;

  beforeAll(async () => {
    team = await startTeamHub(o);
    await o.prepare?.(team);
    desks.push(await startOfficeConsole(team, { label: 'aziz desk', chromium: true }));
    desks.push(await startOfficeConsole(team, { label: 'bushra desk', chromium: true }));
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    for (const d of desks) await d.close();
    await team?.close();
  }, 120_000);

  return {
    get team() {
      if (!team) throw new Error('The team hub is not running: use it inside the suite\'s tests.');
      return team;
    },
    async withUsersTabs(run) {
      const [deskA, deskB] = desks as [RunningBridge, RunningBridge];
      const aziz = await openWindow(browser!, deskA.url);
      const bushra = await openWindow(browser!, deskB.url, { lang: 'ar' });
      try {
        for (const [w, username] of [[aziz, 'aziz'], [bushra, 'bushra']] as const) {
          await signIn(w.page, { username, password: PASSWORD });
          await w.page.getByTestId('nav-admin').click();
          await w.page.getByTestId('tab-users').click();
          await w.page.locator(`[data-testid=user-row][data-username=${username}]`).waitFor();
        }
        await run({ aziz, bushra });
        expect(aziz.errors, aziz.errors.join('\n')).toEqual([]);
        expect(bushra.errors, bushra.errors.join('\n')).toEqual([]);
      } finally {
        await aziz.close();
        await bushra.close();
      }
    },
  };
}
