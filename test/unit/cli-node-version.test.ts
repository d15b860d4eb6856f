import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeVersionProblem, REQUIRED_NODE } from '../../main/cli/node-version';

describe('the CLI names the Node version it needs instead of failing inside undici', () => {
  it('accepts 22.12 and anything newer; refuses older releases with a sentence naming the version needed and the one found', () => {
    for (const ok of ['v22.12.0', 'v22.12.1', 'v22.13.0', 'v23.0.0', 'v24.1.0', '22.12.0']) expect(nodeVersionProblem(ok), ok).toBeNull();
    for (const old of ['v22.11.0', 'v22.0.0', 'v20.18.1', 'v18.19.0', 'v16.20.2']) {
      const said = nodeVersionProblem(old);
      expect(said, old).toContain('Node.js 22.12.0 or newer');
      expect(said).toContain(`this is Node.js ${old}`);
      expect(said).not.toMatch(/\bat .*\.js:\d+/);
    }
    // Something that is not a version at all is refused too (fail closed), still with the sentence.
    expect(nodeVersionProblem('')).toContain('an unknown version');
    expect(nodeVersionProblem('nightly')).toContain('Node.js 22.12.0 or newer');
  });

  it("agrees with package.json's engines field", () => {
    const pkg = JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(`>=${REQUIRED_NODE.replace(/\.0$/, '')}`);
  });

  it('the real entry stops with the sentence and exit code 1 when the running Node reports an old version', () => {
    // The seam: a preload that makes this Node report an older version before the entry runs.
    const fake = `data:text/javascript,Object.defineProperty(process,'version',{value:'v20.11.1'})`;
    const run = spawnSync(process.execPath, ['--import', fake, '--import', 'tsx', 'main/cli/main.ts', 'mask', '--help'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(nodeVersionProblem('v20.11.1'));
    expect(run.stdout).toBe('');
    // Without the fake, this Node (the project's own) gets past the check to the commands.
    const real = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', 'no-such-command'], { encoding: 'utf8', timeout: 60_000 });
    expect(real.stderr).not.toContain('needs Node.js');
    expect(real.stderr + real.stdout).toMatch(/no-such-command/);
  });
});
