import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Sets kept for figures only — masking's `sets/report*` and every set folder holding a `REPORT-ONLY` file (the blind
 * independent rounds), the guards' `voices/heldout*` — whose rows nobody may read while tuning (a detector tuned on
 * them would report its own memory). Scripts that print rows (misses, changed outputs) leave these out.
 */
export function isReportOnly(file: string): boolean {
  const dir = path.dirname(file);
  return path.basename(dir).startsWith('report') || existsSync(path.join(dir, 'REPORT-ONLY')) || path.basename(file).startsWith('heldout');
}

/** Every JSONL set file under `dir` (sorted, recursively) that is not report only: the corpus the speed benches read. */
export function visibleSetFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => {
      const f = path.join(dir, d.name);
      return d.isDirectory() ? visibleSetFiles(f) : d.name.endsWith('.jsonl') && !isReportOnly(f) ? [f] : [];
    });
}
