import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import type { ManagedReaders } from './managed';

/** The machine's real stores. Thin on purpose: all decisions are in managed.ts, which tests drive with injected readers. */
export function systemManagedReaders(platform: NodeJS.Platform = process.platform): ManagedReaders {
  return {
    platform,
    async readFile(file) {
      try {
        return await fs.readFile(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async readRegistry(key) {
      // The full path to reg.exe, never a PATH lookup; the 64-bit view, where Group Policy writes. reg.exe's
      // "not found" message is localised, so absence is decided by listing the parent key (which always exists).
      const reg = 'C:\\Windows\\System32\\reg.exe';
      const parent = key.slice(0, key.lastIndexOf('\\'));
      const list = await run(reg, ['query', parent, '/reg:64']);
      if (list.code !== 0) throw new Error(`reg query ${parent} failed (${list.code})`);
      if (!hasSubkey(list.stdout, key)) return null;
      const r = await run(reg, ['query', key, '/reg:64']);
      if (r.code !== 0) throw new Error(`reg query ${key} failed (${r.code})`);
      return parseRegQuery(r.stdout);
    },
    async readPlist(file) {
      try {
        await fs.access(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
      const r = await run('/usr/bin/plutil', ['-convert', 'json', '-o', '-', file]);
      if (r.code !== 0) throw new Error(`plutil could not read ${file} (${r.code})`);
      return JSON.parse(r.stdout) as Record<string, unknown>;
    },
  };
}

/** `reg query` output: `    Name    REG_TYPE    value` lines under the key; REG_MULTI_SZ items are printed separated by a literal `\0`. */
export function parseRegQuery(stdout: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^ {4}(\S.*?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(line);
    if (m) values[m[1]!] = m[3] ?? '';
  }
  return values;
}

/** Whether `reg query PARENT` lists KEY (reg prints HKLM in full: HKEY_LOCAL_MACHINE\\…). */
export function hasSubkey(stdout: string, key: string): boolean {
  const full = key.replace(/^HKLM\\/i, 'HKEY_LOCAL_MACHINE\\').toLowerCase();
  return stdout.split(/\r?\n/).some((l) => l.trim().toLowerCase() === full);
}

function run(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 10_000, maxBuffer: 4 * 1024 * 1024, windowsHide: true }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : -1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}
