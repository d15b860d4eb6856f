import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands } from '../../main/cli/commands';

const doc = fs.readFileSync('docs/ARCHITECTURE.md', 'utf8');

describe('docs/ARCHITECTURE.md matches the code', () => {
  it('lists every CLI command, in the order `diwan --help` does', () => {
    const start = doc.indexOf('## The command line (`main/cli`)');
    const section = doc.slice(start, doc.indexOf('\n## ', start + 1));
    const listed = [...section.matchAll(/^\| `diwan (\w[\w-]*)/gm)].map((m) => m[1]!);
    expect([...new Set(listed)]).toEqual(commands.map((c) => c.name));
  });

  it('has no table row outside a table (every run of rows starts with a header and its |---| line)', () => {
    const lines = doc.split('\n');
    const stray: string[] = [];
    let inCode = false;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]!.startsWith('```')) inCode = !inCode;
      if (inCode || !lines[i]!.startsWith('|') || lines[i - 1]?.startsWith('|')) continue;
      if (!/^\|[\s|:-]+\|$/.test(lines[i + 1] ?? '')) stray.push(`${i + 1}: ${lines[i]!.slice(0, 60)}`);
    }
    expect(stray).toEqual([]);
  });
});
