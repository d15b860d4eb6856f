/**
 * Audit trail figures: append rate (each entry its own IMMEDIATE transaction, WAL, synchronous=FULL), full verify
 * and signed export of a large trail, and Argon2id sign-in cost. `npm run bench:audit [-- --entries N]` (default 100 000; the append phase takes about two minutes).
 * Uses an in-memory keychain port so the figures are the trail's, not the OS keychain's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore } from '../../main/core/app';
import { exportAudit, verifyAuditExport } from '../../main/core/audit';
import { hashPassword, verifyPassword } from '../../main/core/auth/passwords';
import { memoryKeychain } from '../store/common';

const arg = process.argv.indexOf('--entries');
const N = arg > 0 ? Number(process.argv[arg + 1]) : 100_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-bench-audit-'));
try {
  const core = await openCore({ dataDir: dir, keychain: memoryKeychain(), keychainService: 'bench' });
  await core.ready();
  let t = performance.now();
  for (let i = 0; i < N; i++) {
    core.audit({ action: 'conversation.opened', actor: `agent${i % 50}`, target: `conversation:${i}`, details: { view: 'inbox', i } });
  }
  await core.auditTrail.flush();
  const appendMs = performance.now() - t;

  t = performance.now();
  const report = await core.auditTrail.verify();
  const verifyMs = performance.now() - t;

  t = performance.now();
  const exp = exportAudit(core.auditTrail, core.identity.deviceIdentity, { now: Date.now() });
  const exportMs = performance.now() - t;
  t = performance.now();
  const check = verifyAuditExport(exp.text);
  const checkMs = performance.now() - t;

  await hashPassword('warm up');
  t = performance.now();
  const hash = await hashPassword('correct horse battery staple');
  const hashMs = performance.now() - t;
  t = performance.now();
  await verifyPassword(hash, 'correct horse battery staple');
  const verifyPwMs = performance.now() - t;
  core.close();

  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}`);
  console.log(`entries:                ${N}`);
  console.log(`append:                 ${(N / (appendMs / 1000)).toFixed(0)} entries/s (${appendMs.toFixed(0)} ms)`);
  console.log(`verify (ok=${report.ok}):       ${verifyMs.toFixed(0)} ms (${(N / (verifyMs / 1000)).toFixed(0)} entries/s)`);
  console.log(`signed export:          ${exportMs.toFixed(0)} ms, ${(exp.text.length / 1e6).toFixed(1)} MB`);
  console.log(`verify-export (ok=${check.ok}): ${checkMs.toFixed(0)} ms`);
  console.log(`argon2id hash / verify: ${hashMs.toFixed(0)} ms / ${verifyPwMs.toFixed(0)} ms`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
