import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** CPU time per process and for the whole machine, from /proc (Linux), to say where a phase's time went. */
export interface CpuSnapshot {
  machineBusy: number;
  procs: Map<number, { ppid: number; cmd: string; ticks: number }>;
}

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

export function cpuSnapshot(): CpuSnapshot {
  const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = fields.map(Number);
  const machineBusy = n.reduce((a, b) => a + b, 0) - n[3]! - n[4]!; // all but idle and iowait
  const procs = new Map<number, { ppid: number; cmd: string; ticks: number }>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      procs.set(Number(name), { ppid: Number(rest[1]), cmd, ticks: Number(rest[11]) + Number(rest[12]) });
    } catch {
      /* the process ended while we looked */
    }
  }
  return { machineBusy, procs };
}

/**
 * CPU seconds between two snapshots for named groups of processes (a process counts for the first group whose test
 * it passes, given its pid, parent pid and command line), and for the machine as a whole.
 */
export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot, groups: Record<string, (pid: number, p: { ppid: number; cmd: string }) => boolean>) {
  const out: Record<string, number> = {};
  for (const name of Object.keys(groups)) out[name] = 0;
  for (const [pid, p] of b.procs) {
    const name = Object.keys(groups).find((g) => groups[g]!(pid, p));
    if (!name) continue;
    out[name]! += (p.ticks - (a.procs.get(pid)?.ticks ?? 0)) / TICKS_PER_SECOND;
  }
  return { groups: out, machine: (b.machineBusy - a.machineBusy) / TICKS_PER_SECOND };
}
