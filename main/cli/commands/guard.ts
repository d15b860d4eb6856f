import { evaluateReply, inspectInbound, resolveGuardPolicy, type GuardLang, type GuardPolicy } from '../../core/guard';
import { detectSensitive } from '../../core/masking';
import { describeIssues, GuardSettingsSchema } from '../../core/policy';
import { DiwanError } from '../../core/shared/errors';
import { flagValue, hasFlag, type Command } from '../command';
import { answerJsonl, idOf } from '../jsonl';
import { parseJsonFile, readFileFor } from '../policy-files';

const USAGE = [
  'diwan guard reply --jsonl [--guard-policy FILE] [--explain]',
  'diwan guard inbound --jsonl [--guard-policy FILE] [--explain]',
  '',
  '  reply     judge agents\' replies: one {"id","text","lang"?} per input line, one {"id","verdict","codes"} per output',
  '            line (verdict: allow | warn | block; codes: asks_otp, asks_password, asks_pin, asks_card, asks_cvv,',
  '            asks_national_id, asks_full_name, asks_secret (the learned model, no rule named the secret), entry_unclear,',
  '            link_outside_allowlist, pasted_sensitive_value, too_long_to_check (over 20,000 characters);',
  '            "held": true on a block a team lead may approve under the policy)',
  '  inbound   flag customers\' messages: one {"id","text","lang"?} per input line, one {"id","flags"} per output line',
  '            (flags: lookalike, shortener, mixed_script, fake_number, fake_handle, upgrade_fee, urgency, secret,',
  '            unread_part: only the first 20,000 characters were read)',
  '  --guard-policy FILE  the guard settings as JSON (companyDomains, brandNames, officialSupportNumbers,',
  '            officialSupportHandles, serviceNeedsOnlyPhoneAndActivationCode…); default: the built-in defaults',
  '  --explain also print the explanations a person sees, in "lang" (en, ar or fa; default en)',
  '',
  'A bad line gets {"id": <id or null>, "error": "..."} and the stream goes on. Lines are answered in order, as they arrive.',
].join('\n');

const LANGS: readonly GuardLang[] = ['en', 'ar', 'fa'];

function guardPolicy(args: string[]): GuardPolicy {
  const file = flagValue(args, '--guard-policy');
  if (file === undefined) return resolveGuardPolicy();
  const input = parseJsonFile(readFileFor(file, 'guard policy', '--guard-policy'), file);
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new DiwanError('guard_policy_invalid', `${file} must hold one JSON object of guard settings.`);
  const parsed = GuardSettingsSchema.safeParse(input);
  if (!parsed.success) throw new DiwanError('guard_policy_invalid', `The guard settings in ${file} are not valid (${describeIssues(parsed.error)}).`);
  return resolveGuardPolicy(parsed.data);
}

/** The line's text and explanation language, or the error to answer it with. */
function readLine(record: unknown): { text: string; lang: GuardLang } | { error: string } {
  if (!record || typeof record !== 'object') return { error: 'expected an object with a string "text"' };
  const { text, lang } = record as { text?: unknown; lang?: unknown };
  if (typeof text !== 'string') return { error: 'expected an object with a string "text"' };
  if (lang !== undefined && !LANGS.includes(lang as GuardLang)) return { error: '"lang" must be "en", "ar" or "fa" when given' };
  return { text, lang: (lang as GuardLang | undefined) ?? 'en' };
}

export const guardCommand: Command = {
  name: 'guard',
  summary: 'try the reply guard or the inbound scam flags on your own phrases (JSONL in, JSONL out)',
  usage: USAGE,
  async run(args, io) {
    const [mode] = args;
    if ((mode !== 'reply' && mode !== 'inbound') || !hasFlag(args, '--jsonl')) {
      io.stderr.write(`${USAGE}\n`);
      return 2;
    }
    const policy = guardPolicy(args);
    const explain = hasFlag(args, '--explain');
    await answerJsonl(io, (record) => {
      const id = idOf(record);
      const line = readLine(record);
      if ('error' in line) return { id, error: line.error };
      if (mode === 'reply') {
        const findings = evaluateReply(line.text, line.lang, policy, detectSensitive);
        const blocking = findings.filter((f) => f.verdict === 'block');
        const verdict = blocking.length ? 'block' : findings.length ? 'warn' : 'allow';
        // A block a team lead may approve (a national ID or full name, when the policy allows it) is held, not refused.
        const held = blocking.length > 0 && blocking.every((f) => f.approvable);
        return { id, verdict, codes: findings.map((f) => f.code), ...(held ? { held: true } : {}), ...(explain ? { reasons: findings.map((f) => f.reason) } : {}) };
      }
      const { flags } = inspectInbound(line.text, line.lang, { policy, detectSensitive });
      return { id, flags: flags.map((f) => f.code), ...(explain ? { explanations: flags.map((f) => f.explanation) } : {}) };
    });
    return 0;
  },
};
