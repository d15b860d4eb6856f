import type { InboundMessage } from '../../main/core/shared/messages';
import type { FloodHold } from '../../main/hub/flood';

/** A delivery's flood control (`WebhookJob.admit`) that decides each message alone with `f`: the tests' fixed verdicts. */
export function perMessage(f: (m: InboundMessage) => boolean | FloodHold): (ms: readonly InboundMessage[]) => Promise<Array<boolean | FloodHold>> {
  return async (ms) => ms.map(f);
}
