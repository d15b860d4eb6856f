import crypto from 'node:crypto';
import { inspectInbound, type GuardPolicy } from '../guard';
import { detectSensitive } from '../masking';
import type { InboundScreen } from '../store';
import { APP_VERSION } from './version';

/**
 * The fingerprint of the rules the inbound scam check runs under: this version of Diwan (the guard's rules ship with
 * it) and IT's guard policy. An outcome stored under another fingerprint is not trusted: the message is checked again.
 */
export function inboundRules(policy: GuardPolicy): string {
  return crypto.createHash('sha256').update(`${APP_VERSION}\0${JSON.stringify(policy)}`).digest('base64url').slice(0, 22);
}

/**
 * The inbound scam check (`inspectInbound`, the guard's one copy of the rules) as the ingest path runs it: flagged or
 * not, under the fingerprinted rules. Whether a message is flagged does not depend on the reader's language; the
 * flags' wording does, and is made when a flagged message is shown.
 */
export class GuardScreen implements InboundScreen {
  readonly rules: string;

  constructor(readonly policy: GuardPolicy) {
    this.rules = inboundRules(policy);
  }

  flagged(maskedText: string): boolean {
    return inspectInbound(maskedText, 'en', { policy: this.policy, detectSensitive }).flags.length > 0;
  }
}

/** The screen for the current policy, made again only when the policy object changes (IT's signed policy updated). */
export function currentScreen(policy: () => GuardPolicy): () => GuardScreen {
  let screen: GuardScreen | null = null;
  return () => {
    const p = policy();
    if (screen?.policy !== p) screen = new GuardScreen(p);
    return screen;
  };
}
