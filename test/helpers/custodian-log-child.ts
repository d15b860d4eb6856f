/**
 * One of several processes appending to the same custodian log at once (the single-seat console and its CLI):
 * says `ready`, waits until GO exists, then appends N entries as fast as it can and prints its last entry's number.
 *   FILE=<log> GO=<start file> N=<entries> node --import tsx test/helpers/custodian-log-child.ts
 */
import fs from 'node:fs';
import { CustodianLog } from '../../main/core/custody';

const log = new CustodianLog(process.env.FILE!, 3_600_000);
const pause = new Int32Array(new SharedArrayBuffer(4));
process.stdout.write('ready\n');
while (!fs.existsSync(process.env.GO!)) Atomics.wait(pause, 0, 0, 2);
let last = 0;
for (let i = 0; i < Number(process.env.N); i++) last = log.append({ at: Date.now(), event: 'reveal.refused', code: 'test', detail: `pid:${process.pid}:${i}` }).n;
log.close();
process.stdout.write(`${last}\n`);
