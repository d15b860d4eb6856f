import { evaluateNetwork, pinnedFetch, systemDnsSuffixes, systemInterfaces, systemRandom } from '../../core/network';
import { systemClock } from '../../core/shared/ports';
import { hasFlag, type Command } from '../command';
import { policyFor } from '../policy-files';

export const netcheckCommand: Command = {
  name: 'netcheck',
  summary: 'check this computer against the network policy now: the verdict and the reason of every check',
  usage: 'diwan netcheck [--policy FILE] [--signers FILE] [--json]\n  (default: the installed policy and the signers this computer trusts; exit 0 only on an office network)',
  async run(args, io) {
    const policy = policyFor(args, io);
    const verdict = await evaluateNetwork(policy, {
      interfaces: systemInterfaces,
      dnsSuffixes: systemDnsSuffixes(),
      fetch: pinnedFetch,
      clock: systemClock,
      random: systemRandom,
    });
    if (hasFlag(args, '--json')) {
      io.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
    } else {
      io.stdout.write(`Verdict: ${verdict.state}${verdict.siteId ? ` (site ${verdict.siteId})` : ''}: ${verdict.reason}\n`);
      const w = Math.max(...verdict.checks.map((c) => c.name.length));
      const cw = Math.max(...verdict.checks.map((c) => c.code.length));
      for (const c of verdict.checks) io.stdout.write(`  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.name.padEnd(w)}  ${c.code.padEnd(cw)}  ${c.reason}\n`);
    }
    return verdict.state === 'office' ? 0 : 1;
  },
};
