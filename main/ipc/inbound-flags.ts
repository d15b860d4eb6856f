import { inspectInbound, type GuardPolicy } from '../core/guard';
import { detectSensitive } from '../core/masking';

export type GuardLang = 'en' | 'ar' | 'fa';
type Flags = Array<{ code: string; explanation: string }>;

const MAX_ENTRIES = 20_000;

/**
 * The inbound scam check of each message, run once per message, agent language and guard policy rather than on
 * every message each time a conversation is opened (a 300-message conversation cost ~20 ms of checks per open).
 * A message's masked text is part of the entry, so a message rewritten since (erase) is checked again; a new policy
 * object (IT signed a new one) starts an empty cache. Bounded: the oldest entries go first.
 */
export class InboundFlagCache {
  private policy: GuardPolicy | null = null;
  private readonly entries = new Map<string, { text: string; flags: Flags }>();

  constructor(private readonly currentPolicy: () => GuardPolicy) {}

  flags(messageId: number, maskedText: string, lang: GuardLang): Flags {
    const policy = this.currentPolicy();
    if (policy !== this.policy) {
      this.entries.clear();
      this.policy = policy;
    }
    const key = `${lang}:${messageId}`;
    const hit = this.entries.get(key);
    if (hit && hit.text === maskedText) return hit.flags;
    const flags = inspectInbound(maskedText, lang, { policy, detectSensitive }).flags.map((f) => ({ code: f.code, explanation: f.explanation }));
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { text: maskedText, flags });
    return flags;
  }
}
