/**
 * The upgrade to migration 032 on a kept dataset (issue #26, round 21): the first start's migration (SQLite reads every
 * message row inside `ADD COLUMN` on a STRICT table), then the background fill (`markFieldRows`) run to its end, batch
 * after batch with no pause: wall and process CPU of each, batches, and the longest batch (the longest write the
 * console waits behind). Checks at the end that every mark is what the message's field rows say.
 *   node --import tsx bench/store/field-marks.ts --dir <a copy of a bulk.ts dataset written before 032> [--batch 2000]
 */
import { cpuUsage } from 'node:process';
import path from 'node:path';
import { FIELD_MARKS_BATCH, markFieldRows } from '../../main/core/store/field-marks';
import { openDatabase } from '../../main/core/store';
import { argValue } from './common';

const dirArg = process.argv.indexOf('--dir');
if (dirArg < 0) throw new Error('Give a copy of a kept dataset: --dir <directory>');
const file = path.join(process.argv[dirArg + 1]!, 'diwan.sqlite');
const batch = argValue('--batch', FIELD_MARKS_BATCH);

const cpuMs = () => {
  const u = cpuUsage();
  return (u.user + u.system) / 1000;
};
const clock = () => [performance.now(), cpuMs()] as const;
const since = ([w, c]: readonly [number, number]) => `${((performance.now() - w) / 1000).toFixed(2)} s wall, ${((cpuMs() - c) / 1000).toFixed(2)} s CPU`;

let t = clock();
const db = openDatabase(file);
console.log(`open with the migration: ${since(t)}`);
t = clock();
let batches = 0;
let longest = 0;
for (let more = true; more; batches++) {
  const w = performance.now();
  more = markFieldRows(db, batch);
  longest = Math.max(longest, performance.now() - w);
}
console.log(`the fill: ${batches} batches of ${batch} ids, ${since(t)}; the longest batch ${longest.toFixed(1)} ms wall; load ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`);
const wrong = db.prepare('SELECT count(*) FROM messages m WHERE has_fields IS NOT EXISTS (SELECT 1 FROM message_fields f WHERE f.message_id = m.id)').pluck().get();
const marked = db.prepare('SELECT has_fields, count(*) AS n FROM messages GROUP BY has_fields').all();
console.log(`marks that disagree with the field rows: ${wrong}; ${JSON.stringify(marked)}`);
db.close();
