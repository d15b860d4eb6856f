/** Counters per channel for /healthz and the log: numbers and times only, never customer data. */
export interface ChannelCounters {
  lastWebhookAt: number | null;
  accepted: number;
  duplicates: number;
  ignored: number;
  refused: Record<'unsigned' | 'bad_signature' | 'too_large' | 'wrong_type' | 'malformed' | 'failed' | 'busy', number>;
}

export class RelayStats {
  private readonly channels = new Map<string, ChannelCounters>();

  of(channelId: string): ChannelCounters {
    let c = this.channels.get(channelId);
    if (!c) {
      c = { lastWebhookAt: null, accepted: 0, duplicates: 0, ignored: 0, refused: { unsigned: 0, bad_signature: 0, too_large: 0, wrong_type: 0, malformed: 0, failed: 0, busy: 0 } };
      this.channels.set(channelId, c);
    }
    return c;
  }
}

export type RelayLogLine = { level: 'info' | 'warn' | 'error'; event: string; channelId?: string; detail?: string };
export type RelayLog = (line: RelayLogLine) => void;

/** JSON lines on stderr (journald keeps them). Callers pass only redacted details. */
export const stderrLog: RelayLog = (line) => process.stderr.write(JSON.stringify({ at: new Date().toISOString(), ...line }) + '\n');
