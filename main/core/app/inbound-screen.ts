import crypto from 'node:crypto';
import { inspectInbound, inspectInboundIn, type Detected, type DetectSensitive, type GuardLang, type GuardPolicy } from '../guard';
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

export type InboundFlagWords = Array<{ code: string; explanation: string }>;

const WORDING_LANGS: readonly GuardLang[] = ['en', 'ar', 'fa'];

/** One message's flags in one language, by the guard's check. */
export function inboundFlagsIn(maskedText: string, lang: GuardLang, policy: GuardPolicy): InboundFlagWords {
  return inspectInbound(maskedText, lang, { policy, detectSensitive }).flags.map((f) => ({ code: f.code, explanation: f.explanation }));
}

/** A message's flags in every interface language from one reading of it. */
function flagsInEveryLanguage(maskedText: string, policy: GuardPolicy, detect: DetectSensitive = detectSensitive, detected?: Detected): Record<GuardLang, InboundFlagWords> {
  const all = inspectInboundIn(maskedText, WORDING_LANGS, { policy, detectSensitive: detect, ...(detected ? { detected } : {}) });
  return Object.fromEntries(WORDING_LANGS.map((lang) => [lang, all[lang].map((f) => ({ code: f.code, explanation: f.explanation }))])) as Record<GuardLang, InboundFlagWords>;
}

/**
 * A flagged message's flags in every interface language, as a flagged message's row keeps them (`messages.check_flags`)
 * (`known`, the flags already worded in one language, is kept as given; the others come from one more reading).
 */
export function inboundWording(maskedText: string, policy: GuardPolicy, known?: { lang: GuardLang; flags: InboundFlagWords }): string {
  const all = flagsInEveryLanguage(maskedText, policy);
  if (known) all[known.lang] = known.flags;
  return JSON.stringify(Object.fromEntries(WORDING_LANGS.map((lang) => [lang, all[lang]])));
}

/** The flags in `lang` from a stored wording; null when it is missing or not in the expected shape (checked again then). */
export function wordingIn(wording: string | null, lang: GuardLang): InboundFlagWords | null {
  if (!wording) return null;
  try {
    const flags = (JSON.parse(wording) as Record<string, unknown>)[lang];
    return Array.isArray(flags) && flags.length && flags.every((f) => typeof f?.code === 'string' && typeof f?.explanation === 'string') ? (flags as InboundFlagWords) : null;
  } catch {
    return null;
  }
}

/**
 * The inbound scam check (`inspectInbound`, the guard's one copy of the rules) as the ingest path runs it: flagged or
 * not, under the fingerprinted rules. Whether a message is flagged does not depend on the reader's language; the
 * flags' wording does: a flagged message (about 1 in 100) is worded in each interface language here, so that showing
 * it later needs no check (the first check in a process costs 0.2–0.9 s while the guard's patterns compile).
 */
export class GuardScreen implements InboundScreen {
  readonly rules: string;

  /** `detect`: the masking engine's detector the check asks for pasted secrets (a test counts its readings with it). */
  constructor(readonly policy: GuardPolicy, private readonly detect: DetectSensitive = detectSensitive) {
    this.rules = inboundRules(policy);
  }

  flagged(maskedText: string): boolean {
    return inspectInbound(maskedText, 'en', { policy: this.policy, detectSensitive: this.detect }).flags.length > 0;
  }

  /**
   * One reading of the message: a flagged one's flags are worded in each language from it. `detected`: what the masking
   * engine found when the ingest masked the message (the check's own question, answered, when nothing was masked).
   */
  screen(maskedText: string, detected?: Detected): { flagged: boolean; wording?: string } {
    const all = flagsInEveryLanguage(maskedText, this.policy, this.detect, detected);
    return all.en.length ? { flagged: true, wording: JSON.stringify(all) } : { flagged: false };
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
