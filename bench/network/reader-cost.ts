// `npm run bench:network:readers`: what the macOS and Windows network-signal readers cost per reading. Their tools
// cannot run here, so two parts: (1) the parsing and assembly of one reading from the tools' recorded outputs
// (test/fixtures/network-signals), tools answered at once; (2) the process cost of one reading's tool runs, measured
// with the same number of real, trivial processes (`/bin/true`) started the way the readers start them — a Linux
// stand-in for process creation, which is dearer on macOS and dearer still on Windows. Children's CPU is read from
// /proc/self/stat (cutime + cstime), the bench's own from process.cpuUsage().
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { macosNetworkSignals, windowsNetworkSignals, type RunCommand } from '../../main/core/network';

const READINGS = Number(process.env.BENCH_READINGS ?? 5000);
const SPAWN_READINGS = Number(process.env.BENCH_SPAWN_READINGS ?? 400);
const TICKS_PER_HOUR = 3_600_000 / 250;
const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../../test/fixtures/network-signals', name), 'utf8');

function answering(outputs: Record<string, string>): RunCommand {
  return async (file, args) => ({ stdout: outputs[`${file.split(/[\\/]/).pop()} ${args.join(' ')}`.trim()] ?? '', status: 0 });
}

const readers = {
  macOS: {
    read: macosNetworkSignals({
      run: answering({
        'netstat -rn': fixture('macos-netstat-rn.txt'),
        'arp -an': fixture('macos-arp-an.txt'),
        ifconfig: fixture('macos-ifconfig.txt'),
        'ipconfig getsummary en0': fixture('macos-ipconfig-getsummary-wifi.txt'),
      }),
    }),
    tools: 4,
  },
  Windows: {
    read: windowsNetworkSignals({
      run: answering({
        'netsh.exe interface ipv4 show route': fixture('windows-netsh-ipv4-route-en.txt'),
        'netsh.exe interface ipv6 show route': fixture('windows-netsh-ipv6-route-en.txt'),
        'netsh.exe interface ipv4 show interfaces': fixture('windows-netsh-ipv4-interfaces-en.txt'),
        'ARP.EXE -a': fixture('windows-arp-a-en.txt'),
        'netsh.exe wlan show interfaces': fixture('windows-netsh-wlan-en.txt'),
      }),
    }),
    tools: 5,
  },
};

console.log(`parsing and assembly, ${READINGS} readings each (tools answered from recorded output):`);
for (const [os, r] of Object.entries(readers)) {
  for (let i = 0; i < 200; i++) await r.read(); // warm-up
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < READINGS; i++) await r.read();
  const cpu = process.cpuUsage(cpu0);
  const us = (cpu.user + cpu.system) / READINGS;
  console.log(`  ${os.padEnd(8)} ${us.toFixed(0)} µs CPU per reading; at 4 readings a second ${((us * TICKS_PER_HOUR) / 1e6).toFixed(2)} s CPU per hour`);
}

const childTicks = () => {
  const f = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return Number(f[13]) + Number(f[14]); // cutime, cstime (fields 16 and 17 of stat)
};
const HZ = 100;
const run = () => new Promise<void>((resolve) => execFile('/bin/true', [], { timeout: 2000, windowsHide: true }, () => resolve()));

console.log(`\nprocess cost, ${SPAWN_READINGS} readings each, the reading's tools started side by side (/bin/true stand-in, Linux):`);
for (const [os, r] of Object.entries(readers)) {
  const wall: number[] = [];
  const cpu0 = process.cpuUsage();
  const c0 = childTicks();
  for (let i = 0; i < SPAWN_READINGS; i++) {
    const t0 = performance.now();
    await Promise.all(Array.from({ length: r.tools }, run));
    wall.push(performance.now() - t0);
  }
  const own = process.cpuUsage(cpu0);
  const children = ((childTicks() - c0) / HZ) * 1e6;
  const us = (own.user + own.system + children) / SPAWN_READINGS;
  wall.sort((a, b) => a - b);
  const q = (p: number) => wall[Math.min(wall.length - 1, Math.ceil(p * wall.length) - 1)]!;
  console.log(
    `  ${os.padEnd(8)} ${r.tools} processes: ${(us / 1000).toFixed(1)} ms CPU per reading (bench ${((own.user + own.system) / SPAWN_READINGS / 1000).toFixed(1)} + children ${(children / SPAWN_READINGS / 1000).toFixed(1)}), ` +
      `${(((us / 1e6) * TICKS_PER_HOUR) / 36).toFixed(1)} % of a core at 4 readings a second; wall p50 ${q(0.5).toFixed(1)} ms p99 ${q(0.99).toFixed(1)} ms`,
  );
  // macOS with `route -n monitor` quiet: the tools run once every fullEveryMs (2 s) instead of on every tick
  if (os === 'macOS') console.log(`           with route -n monitor and no routing message: one reading per 2 s, ${(((us / 1e6) * 1800) / 36).toFixed(2)} % of a core`);
}
