/**
 * The one copy of what a golden output check does after it has computed its output (`bench/masking/golden.ts`,
 * `bench/guard/inbound-golden.ts`): `--write FILE` records the output, `--check FILE` compares it text by text with a
 * recording (listing every changed line, only counting report-only rows), and with neither the hashes are compared with
 * the checked-in pin. Each output line is a JSON array whose first element is the text it was computed from.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The `text` of every row of a JSONL set (rows without one are skipped). */
export const jsonlTexts = (f: string): string[] =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text?: unknown }).text)
    .filter((t): t is string => typeof t === 'string');

export interface GoldenRun {
  lines: string[];
  /** the text of each line, in order (the recording is matched by text, not by position) */
  texts: string[];
  /** texts of report-only rows: their changes are counted, never printed */
  withheld: Set<string>;
  inputHash: string;
  outputHash: string;
  write?: string;
  check?: string;
  /** the checked-in pin (`inputs …` / `output …`) */
  pinned: string;
  repo: string;
  /** what a text missing from the recording usually is, said after the count */
  freshNote?: string;
  /** what can change the corpus, and whose output to record, for the message when the inputs differ */
  corpusChanges: string;
  recordWhat: string;
}

export function settleGolden(run: GoldenRun): void {
  if (run.write) writeFileSync(run.write, run.lines.join('\n') + '\n');
  if (run.check) {
    const want = new Map(
      readFileSync(run.check, 'utf8')
        .split('\n')
        .filter((l) => l)
        .map((l) => [(JSON.parse(l) as string[])[0]!, l] as const),
    );
    let diffs = 0;
    let hidden = 0;
    let fresh = 0;
    run.lines.forEach((line, i) => {
      const was = want.get(run.texts[i]!);
      if (was === undefined) fresh++;
      else if (was !== line) {
        diffs++;
        // every changed output is listed, so each can be read; a report-only row is only counted
        if (run.withheld.has(run.texts[i]!)) hidden++;
        else console.log(`differs:\n  was ${was}\n  now ${line}`);
      }
    });
    const compared = `${run.lines.length - fresh} texts compared (${fresh} not in the recording${run.freshNote ? `: ${run.freshNote}` : ''})`;
    console.log(diffs ? `${diffs} of ${compared} differ from ${run.check} (${hidden} of them rows of report-only sets, not printed)` : `identical to ${run.check}: ${compared}`);
    process.exit(diffs ? 1 : 0);
  }
  if (run.write) return;
  const shown = path.relative(run.repo, run.pinned);
  if (!existsSync(run.pinned)) {
    console.log(`no pin yet: write ${shown} with the two lines above`);
    process.exit(2);
  }
  const [pinIn, pinOut] = readFileSync(run.pinned, 'utf8').split('\n').map((l) => l.split(' ')[1]);
  if (pinIn !== run.inputHash) {
    console.log(`the corpus changed since ${shown} was written (${run.corpusChanges}): record both ${run.recordWhat} with --write and compare with --check`);
    process.exit(2);
  }
  console.log(pinOut === run.outputHash ? `identical to the pinned output (${shown})` : `DIFFERS from the pinned output (${shown})`);
  process.exit(pinOut === run.outputHash ? 0 : 1);
}
