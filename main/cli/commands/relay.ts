import type { CliIo, Command } from '../command';

/** What each former `diwan relay …` command became: the relay is part of the hub now. */
export function relayReplacement(args: readonly string[]): string {
  const [first, second] = args;
  const instead =
    first === 'secret'
      ? `\`diwan hub secret set ${second === 'set' && args[2] ? args[2] : 'NAME'}\``
      : first === 'tls'
        ? '`diwan hub tls --name HOST --out DIR`'
        : '`diwan hub run --config FILE` (webhooks are taken at `/webhooks/<channel>` on every hub node)';
  return `The relay is now part of the hub, so \`diwan relay${first ? ` ${first}` : ''}\` no longer exists: use ${instead} instead (docs/IT-GUIDE.md, "Moving from the relay to the hub").`;
}

export const relayCommand: Command = {
  name: 'relay',
  summary: 'retired: the relay is part of the hub now (says which `diwan hub` command replaces each relay command)',
  usage: [
    'diwan relay --config FILE        → diwan hub run --config FILE',
    'diwan relay secret set NAME      → diwan hub secret set NAME',
    'diwan relay tls --name H --out D → diwan hub tls --name H --out D',
  ].join('\n'),
  async run(args: string[], io: CliIo) {
    io.stderr.write(`${relayReplacement(args)}\n`);
    return 2;
  },
};
