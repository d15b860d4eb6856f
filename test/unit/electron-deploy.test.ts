import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { DiwanError } from '../../main/core/shared/errors';
import { startShell } from '../../main/electron/app';
import { cliArgs, runCliInApp } from '../../main/electron/cli-flag';
import { loadManagedConfigForApp } from '../../main/electron/managed';
import { generateReleaseKey } from '../../main/core/update';
import { testCore } from '../helpers/core';
import { FakeWindow, fakeElectron } from '../helpers/fake-electron';
import { tmpDir } from '../helpers/tmp';

describe('Diwan --cli (the packaged app as the diwan command)', () => {
  it('takes the arguments after --cli, packaged or in development', () => {
    expect(cliArgs(['C:\\Program Files\\Diwan\\Diwan.exe', '--cli', 'release', 'verify', '--manifest', 'm.json'])).toEqual(['release', 'verify', '--manifest', 'm.json']);
    expect(cliArgs(['/usr/lib/electron', '.', '--cli', '--help'])).toEqual(['--help']);
    expect(cliArgs(['/Applications/Diwan.app/Contents/MacOS/Diwan'])).toBeNull();
    expect(cliArgs(['/opt/Diwan/diwan', 'file:///--cli-like'])).toBeNull();
  });

  it('runs the command and exits the app with its code, before any window', async () => {
    const out: string[] = [];
    const io = { stdin: Readable.from([]), stdout: new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) }), stderr: new Writable({ write: (_c, _e, cb) => cb() }), env: {} };
    const exits: number[] = [];
    expect(await runCliInApp({ exit: (c) => void exits.push(c) }, ['--version'], io)).toBe(0);
    expect(out.join('')).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(await runCliInApp({ exit: (c) => void exits.push(c) }, ['nope'], io)).toBe(2);
    expect(exits).toEqual([0, 2]);
  });
});

describe('the shell and IT configuration', () => {
  let core: Core | undefined;
  afterEach(() => core?.close());

  async function start(loadManagedConfig: () => Promise<never> | ReturnType<typeof loadManagedConfigForApp>) {
    const electron = fakeElectron();
    const rendererDir = tmpDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    core = testCore();
    const lines: string[] = [];
    const shell = await startShell(electron, { rendererDir, preloadPath: '/p', openCore: () => core!, loadManagedConfig, log: (l) => void lines.push(l) });
    return { electron, shell, lines };
  }

  it('refuses to start on a broken managed configuration, saying where to fix it', async () => {
    const { electron, shell } = await start(async () => {
      throw new DiwanError('managed_config_invalid', "IT's configuration at /etc/diwan/diwan.conf is not valid: it is not valid JSON.");
    });
    expect(shell).toBeNull();
    expect(electron.errors).toEqual(["IT's configuration at /etc/diwan/diwan.conf is not valid: it is not valid JSON."]);
    expect(electron.calls).toContain('quit');
    expect(FakeWindow.created).toEqual([]);
  });

  it('hands the managed configuration on, with the packaged build defaults under it, and logs its notes', async () => {
    const appPath = tmpDir();
    const key = generateReleaseKey().publicKey;
    fs.writeFileSync(path.join(appPath, 'package.json'), JSON.stringify({ name: 'diwan', diwan: { updateUrl: 'https://build.example/feed', releaseKeys: [key] } }));
    const readers = {
      platform: 'linux' as const,
      readFile: async (p: string) => (p === '/etc/diwan/diwan.conf' ? Buffer.from('{"relayUrl":"https://relay.corp.example"}') : null),
      readRegistry: async () => null,
      readPlist: async () => null,
    };
    const { shell } = await start(() => loadManagedConfigForApp(appPath, readers));
    expect(shell?.managed).toMatchObject({ relayUrl: 'https://relay.corp.example', updateUrl: 'https://build.example/feed', updateMode: 'auto', releaseKeys: [key] });
  });
});
