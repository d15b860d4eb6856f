import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';

/** The DNS search suffixes this computer has been given (by DHCP or IT). Injected in tests. */
export type DnsSuffixPort = () => Promise<string[]>;

/** `search` and `domain` lines of a resolv.conf (Linux, macOS; systemd-resolved's stub file lists them too). */
export function parseResolvConf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(search|domain)\s+(.+)$/.exec(line);
    if (m) out.push(...m[2]!.split(/[\s,]+/).filter(Boolean));
  }
  return normalizeSuffixes(out);
}

/** `reg query … /s` output: SearchList, Domain and DhcpDomain values of the TCP/IP parameters and every interface. */
export function parseWindowsRegistry(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(SearchList|Domain|DhcpDomain|NV Domain)\s+REG_SZ\s+(.+)$/.exec(line);
    if (m) out.push(...m[2]!.split(/[\s,]+/).filter(Boolean));
  }
  return normalizeSuffixes(out);
}

export function normalizeSuffixes(list: string[]): string[] {
  return [...new Set(list.map((s) => s.trim().toLowerCase().replace(/\.$/, '')).filter(Boolean))];
}

/** True when one of the computer's suffixes is a required suffix or a subdomain of one. */
export function suffixMatches(have: readonly string[], required: readonly string[]): string | null {
  for (const h of have) for (const r of required) if (h === r || h.endsWith('.' + r)) return h;
  return null;
}

export function systemDnsSuffixes(platform: NodeJS.Platform = process.platform): DnsSuffixPort {
  if (platform === 'win32') {
    return () =>
      new Promise((resolve) => {
        execFile(
          'reg',
          ['query', 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters', '/s'],
          { timeout: 3000, windowsHide: true, maxBuffer: 4 * 1024 * 1024 },
          (err, stdout) => resolve(err ? [] : parseWindowsRegistry(stdout)),
        );
      });
  }
  return async () => {
    try {
      return parseResolvConf(await fs.readFile('/etc/resolv.conf', 'utf8'));
    } catch {
      return [];
    }
  };
}
