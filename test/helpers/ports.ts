import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';

// A port handed to a server another process will start is free only until someone binds it. Asking the kernel
// (listen on port 0) draws from the ephemeral range, the same range every outgoing connection takes its local port
// from — a database client connecting in the meantime can take it (CI once saw the custodian refused with
// EADDRINUSE that way). So the ports come from below that range, where no connection is given one, and each vitest
// worker draws from its own slice, so two workers never hand out the same port.
const LOW = 10_000;
const SLICES = 16;

function ephemeralStart(): number {
  try {
    const low = Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > LOW + SLICES * 64 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

const SLICE = Math.floor((ephemeralStart() - LOW) / SLICES);
const SLICE_START = LOW + (Number(process.env.VITEST_POOL_ID ?? 0) % SLICES) * SLICE;
let cursor = crypto.randomInt(SLICE);

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** A free TCP port on 127.0.0.1 for a server a test starts (they bind only there). */
export async function freePort(): Promise<number> {
  for (let tried = 0; tried < SLICE; tried++) {
    const port = SLICE_START + (cursor++ % SLICE);
    if (await bindable(port)) return port;
  }
  throw new Error(`No free port on 127.0.0.1 between ${SLICE_START} and ${SLICE_START + SLICE - 1}.`);
}
