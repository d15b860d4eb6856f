/**
 * A secret the customer says they already handed over, with nothing left to mask: "he asked for the code that came to
 * my phone and I read it to him", "طلب مني الكود وانا قلتهوله", "کدی که اومد رو ازم خواست منم بهش گفتم".
 * It is raised as `secret` (the customer's secret is out of their hands) with its own explanation: the account is at
 * risk now, so the agent helps secure it rather than reminding them not to share.
 * Read from the clause facts (`acts.ts`): the customer, or one of their people, gave, told, sent or typed a secret (named,
 * described, a pronoun for the one just named, or digits read out) in the past, not negated, to someone who is not us,
 * nobody or their own ("I read it to my son") — or the other side took it from them ("کد رو ازم گرفت").
 */
import { clauses } from '../text/clauses';
import { MessageReading } from '../text/message-reading';
import { readClauseActs, THEM, type Secret } from './acts';
import { mayHandOver } from './pretests';

/** A stranger in the story: whoever called, asked or wanted it, or a third person named (for a hand-over that names no recipient). */
const STRANGER = /(?<![\p{L}])(?:someone|somebody|caller|called|rang|phoned|scammer|stranger|اتصل\S*|كلمني|حكاني|خابرني|عيط\S*|رن|زنگ|تماس|zang|ring|call|asked|طلب\S*|بغا\S*|بدو|بده|talab|khast|خواست\S*)(?![\p{L}])/u;

/** "From me": what the other side took was the customer's ("ازم گرفت", "az man gereft"). */
const FROM_ME = /(?<![\p{L}])(?:ازم|از من|ازمون|azam|az man|mera|meri|mere|my|مني)(?![\p{L}])/u;

/**
 * The secret the customer (or someone on their side) says was handed over to someone not us, or undefined.
 * `opts.pretest: false` reads every message's clauses whatever `mayHandOver` says (its test compares the two).
 */
export function findHandedOverSecret(text: string, reading?: MessageReading, opts: { pretest?: boolean } = {}): Secret | undefined {
  const typed = (reading ?? new MessageReading(text)).typed;
  if (opts.pretest !== false && !mayHandOver(typed.keys, typed.form(false))) return undefined;
  const t = typed.form(true);
  const cs = clauses(t);
  const facts = readClauseActs(cs);
  const stranger = () => STRANGER.test(t) || cs.some((c) => c.tokens.some((w) => THEM.has(w)));
  for (const f of facts) {
    if (!f.secret || f.negated || f.irrealis || !f.past || f.act === 'pay') continue;
    if (f.act === 'take') {
      if (f.actor !== 'me' && f.actor !== 'my_side' && FROM_ME.test(cs[f.clause]!.text)) return f.secret;
      continue;
    }
    if (f.actor !== 'me' && f.actor !== 'my_side') continue;
    if (f.recipient === 'us' || f.recipient === 'mine' || f.recipient === 'nobody') continue;
    if (f.act === 'type_in' ? !f.theirPage : f.recipient !== 'them' && !stranger()) continue;
    return f.secret;
  }
  return undefined;
}
