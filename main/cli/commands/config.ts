import { readManagedConfig, systemManagedReaders, type ManagedConfig } from '../../core/config';
import { hasFlag, type Command } from '../command';

/** `diwan config`: what IT has configured on this machine, and where each value came from. */
export const configCommand: Command = {
  name: 'config',
  summary: "IT's managed configuration on this machine (policy, relay, updates) and where each value comes from",
  usage: 'diwan config [--json]',
  async run(args, io) {
    const c = await readManagedConfig(systemManagedReaders());
    if (hasFlag(args, '--json')) {
      const { policyBytes, ...rest } = c;
      io.stdout.write(JSON.stringify({ ...rest, policyBytes: policyBytes?.length ?? 0 }, null, 2) + '\n');
      return 0;
    }
    io.stdout.write(formatManagedConfig(c));
    return 0;
  },
};

export function formatManagedConfig(c: ManagedConfig): string {
  const from = (k: keyof ManagedConfig['origin']) => (c.origin[k] ? `  (from ${c.origin[k]})` : '');
  const rows: Array<[string, string]> = [
    ['Policy', c.policyBytes ? `${c.policyBytes.length} bytes${from('policy')}` : 'none: the console will not open customer data'],
    ['Relay', (c.relayUrl ?? 'not set') + from('relayUrl')],
    ['Update feed', (c.updateUrl ?? 'not set') + from('updateUrl')],
    ['Update mode', c.updateMode + from('updateMode')],
    ['Release keys', (c.releaseKeys.length ? c.releaseKeys.join(', ') : 'none') + from('releaseKeys')],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`);
  lines.push('', 'Locations, highest precedence first:');
  for (const s of c.sources) lines.push(`  ${s.tier.padEnd(7)}  ${s.found ? 'found    ' : 'not found'}  ${s.location}`);
  for (const n of c.notes) lines.push(`note: ${n}`);
  return lines.join('\n') + '\n';
}
