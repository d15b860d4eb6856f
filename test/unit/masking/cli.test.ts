import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, it, expect } from 'vitest';

const repo = path.resolve(__dirname, '../../..');

function runCli(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const ch = spawn(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', ...args], { cwd: repo, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    ch.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    ch.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    ch.on('error', reject);
    ch.on('close', (code) => resolve({ code, stdout, stderr }));
    ch.stdin.end(input);
  });
}

describe('diwan mask', () => {
  it('--jsonl: one output line per input line, errors inline, the stream goes on', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'رقمي ٠٥٥١٢٣٤٥٦٧' }),
      '{not json',
      JSON.stringify({ id: 42, text: 7 }),
      '',
      JSON.stringify({ id: 'b', text: 'nothing here' }),
      JSON.stringify({ id: 'c', text: '😀 code 482917' }),
    ].join('\n');
    const { code, stdout } = await runCli(['mask', '--jsonl'], input + '\n');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      { id: 'a', spans: [{ type: 'PHONE', start: 5, end: 15 }] },
      { id: null, error: expect.any(String) },
      { id: 42, error: expect.any(String) },
      { id: 'b', spans: [] },
      { id: 'c', spans: [{ type: 'OTP', start: 8, end: 14 }] },
    ]);
  });

  it('streams: answers a line before stdin is closed', async () => {
    const ch = spawn(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', 'mask', '--jsonl'], { cwd: repo, stdio: ['pipe', 'pipe', 'inherit'] });
    const first = new Promise<string>((resolve) => ch.stdout.once('data', (c: Buffer) => resolve(c.toString('utf8'))));
    ch.stdin.write(JSON.stringify({ id: 1, text: 'call 0551234567' }) + '\n');
    expect(JSON.parse((await first).trim())).toEqual({ id: 1, spans: [{ type: 'PHONE', start: 5, end: 15 }] });
    ch.stdin.end();
    await new Promise((r) => ch.on('close', r));
  });

  it('without --jsonl prints the masked text', async () => {
    const { code, stdout } = await runCli(['mask', 'my iban is SA0380000000608010167519'], '');
    expect(code).toBe(0);
    expect(stdout).toBe('my iban is ⟦IBAN·••7519⟧\n');
  });
});
