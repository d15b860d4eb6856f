import { inboundFlagsIn, inboundRules, inboundWording, wordingIn, type InboundFlagWords as Flags } from '../core/app';
import type { GuardPolicy } from '../core/guard';
import type { PageOutcomes, StoredMessage, Store } from '../core/store';

export type GuardLang = 'en' | 'ar' | 'fa';

const MAX_ENTRIES = 20_000;

/**
 * The inbound scam check of each message, run once rather than on every message each time a conversation is opened
 * (a 300-message conversation cost 20–30 ms of checks per open). The ingest path checks each inbound message as it
 * is stored (`GuardScreen`) and the store records whether the check flagged it, under a fingerprint of the rules
 * (this version of Diwan and IT's guard policy): a message recorded as not flagged is not checked again until the
 * rules change. Messages stored before that, or under other rules, are checked here once, when first opened, and
 * their outcomes recorded. A flagged message (about 0.5–1 %) is shown with the wording recorded with its outcome;
 * one recorded without it (before migration 021) is checked again once, from a bounded in-memory cache, and its
 * wording in every language recorded with the opening.
 */
export class InboundFlags {
  private policy: GuardPolicy | null = null;
  private rulesKey = '';
  private readonly cache = new Map<string, { text: string; flags: Flags }>();

  constructor(
    private readonly currentPolicy: () => GuardPolicy,
    private readonly checks?: Store['inboundChecks'],
  ) {}

  /** The fingerprint of the rules the check runs under now. */
  rules(): string {
    const policy = this.currentPolicy();
    if (policy !== this.policy) {
      this.policy = policy;
      this.rulesKey = inboundRules(policy);
      this.cache.clear();
    }
    return this.rulesKey;
  }

  /**
   * Flags of every inbound message of a page of one conversation (`ConversationRepository.page`: its messages, and the
   * outcomes its rows record), and the outcomes not yet recorded, for the caller to record in the transaction it writes
   * anyway (the opening's read mark and audit entry).
   */
  forConversation(page: { messages: StoredMessage[]; outcomes: PageOutcomes }, lang: GuardLang) {
    const rules = this.rules();
    const recorded = this.checks?.onPage(rules, page.outcomes);
    const flags = new Map<number, Flags>();
    const unrecorded: Array<[number, boolean, string?]> = [];
    for (const m of page.messages) {
      if (m.direction !== 'in') continue;
      const known = recorded?.get(m.id);
      if (known?.flagged === false) continue;
      const worded = wordingIn(known?.wording ?? null, lang);
      if (worded) {
        flags.set(m.id, worded);
        continue;
      }
      const f = this.flags(m.id, m.maskedText, lang);
      if (f.length) flags.set(m.id, f);
      if (known === undefined || f.length) unrecorded.push(f.length ? [m.id, true, inboundWording(m.maskedText, this.policy!, { lang, flags: f })] : [m.id, false]);
    }
    return { rules, flags, unrecorded };
  }

  /** One message's flags in `lang`, from the cache when this text was checked under the current rules. */
  flags(messageId: number, maskedText: string, lang: GuardLang): Flags {
    this.rules();
    const key = `${lang}:${messageId}`;
    const hit = this.cache.get(key);
    if (hit && hit.text === maskedText) return hit.flags;
    const flags = inboundFlagsIn(maskedText, lang, this.policy!);
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { text: maskedText, flags });
    return flags;
  }
}
