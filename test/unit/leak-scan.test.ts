import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers/tmp';

/** The suite-wide leak scan finds what it is told to find (and names the file, never the value). */
function scan(files: Record<string, string | Buffer>, registry: Array<{ kind: string; value: string }>) {
  const root = tmpDir();
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, 'tmp', name)), { recursive: true });
    fs.writeFileSync(path.join(root, 'tmp', name), content);
  }
  fs.writeFileSync(path.join(root, 'registry.jsonl'), registry.map((r) => JSON.stringify(r)).join('\n'));
  const r = spawnSync(process.execPath, ['scripts/leak-scan.mjs', path.join(root, 'tmp'), path.join(root, 'registry.jsonl')], { encoding: 'utf8' });
  // Planted leaks go at once, even when a full run keeps test data for the suite-wide scan.
  fs.rmSync(root, { recursive: true, force: true });
  return { status: r.status, out: r.stdout };
}

describe('leak scan', () => {
  const token = '123456:LEAKED-token-abcdefghij';
  it('fails on a registered secret in any file, naming the file but not the value', () => {
    const { status, out } = scan({ 'run/db/diwan.sqlite-wal': Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(token), Buffer.from([0])]) }, [{ kind: 'secret', value: token }]);
    expect(status).toBe(1);
    expect(out).toContain('run/db/diwan.sqlite-wal: a registered channel secret in clear');
    expect(out).not.toContain(token);
  });

  it('finds the fixed customer values too, and passes clean data', () => {
    expect(scan({ 'export.html': '<p>card 4111 1111 1111 1111</p>' }, []).status).toBe(1);
    expect(scan({ 'diwan.sqlite': 'card ⟦CARD·••11⟧', 'log.txt': 'nothing here' }, [{ kind: 'secret', value: token }]).status).toBe(0);
  });
});
