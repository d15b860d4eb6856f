import { generateSealingKey } from '../custody';
import { DEFAULT_GUARD_POLICY } from '../guard';
import { prepareTexts } from '../store/prepare';
import { GuardScreen } from './inbound-screen';
import { detectorMasker } from './masker';

/**
 * Messages the preparation worker prepares, scam check included, before it says it is ready (issue #26, round 19).
 * A fresh thread compiles the detectors' and the guard's patterns and optimises its code on its first messages: a
 * cold worker spent 261 µs of CPU a message on its first 20,000 store messages against 179–196 after, and at load
 * 12–22 missed its first chunk's deadline and retired. Counted, not timed, so the warm-up is the same work on any
 * machine (its cost is in bench/README.md, round 19 of the store).
 */
export const WARM_UP_MESSAGES = 128;

const WORDS = [
  ['hello', 'my', 'order', 'has', 'not', 'arrived', 'please', 'help', 'refund', 'the', 'payment', 'account', 'password', 'card', 'invoice', 'today', 'thanks', 'where', 'is', 'package'],
  ['مرحبا', 'أريد', 'إلغاء', 'الطلب', 'الفاتورة', 'متى', 'يصل', 'شكرا', 'حسابي', 'مشكلة', 'الدفع', 'البطاقة', 'استرداد', 'المبلغ', 'عاجل', 'من', 'فضلك', 'رقمي'],
  ['سلام', 'می‌خواهم', 'سفارش', 'لغو', 'کنم', 'کی', 'می‌رسد', 'ممنون', 'حساب', 'مشکل', 'پرداخت', 'کارت', 'بازپرداخت', 'فوری', 'لطفا', 'شماره'],
];
const DIGITS = ['0123456789', '٠١٢٣٤٥٦٧٨٩', '۰۱۲۳۴۵۶۷۸۹'];

/** What a customer's message may carry besides words: the values masking looks for and the shapes the check reads. */
const EXTRAS: ReadonlyArray<(n: number) => string> = [
  () => '',
  (n) => `05${String(n % 1e8).padStart(8, '0')}`,
  (n) => `+44 7700 ${String(n % 1e6).padStart(6, '0')}`,
  (n) => `user${n % 9973}@example.com`,
  (n) => `4111 ${String(n % 1e4).padStart(4, '0')} ${String((n * 7) % 1e4).padStart(4, '0')} 1111`,
  () => 'GB82 WEST 1234 5698 7654 32',
  (n) => `code ${String(100000 + (n % 900000))}`,
  () => 'born 14/03/1988',
  (n) => `https://acme-support-verify.com/${n % 97}`,
  () => 'pay a 50 USD fee to unlock your account',
  () => 'حسابك سيتم تجميده خلال ساعة',
  () => 'کد تایید را بفرستید',
];

/** The fixed sample: message `i` of it, in one of three languages and digit scripts, deterministic. */
export function warmUpText(i: number): string {
  const words = WORDS[i % 3]!;
  const out: string[] = [];
  for (let k = 0, n = 4 + ((i * 7) % 13); k < n; k++) out.push(words[(i * 31 + k * 17) % words.length]!);
  const extra = EXTRAS[i % EXTRAS.length]!(i * 7919 + 12345);
  const digits = DIGITS[Math.floor(i / 3) % 3]!;
  out.splice((i * 5) % out.length, 0, extra.replace(/[0-9]/g, (d) => digits[Number(d)]!));
  return out.filter(Boolean).join(' ');
}

/**
 * Prepares the sample as a chunk of inbound messages is prepared (masking, the scam check under the default policy,
 * sealing to a key made for it and dropped, the search body), `step` messages at a time, telling `progress` how many
 * are done before the first step and after each; returns how many.
 */
export function warmPreparation(count = WARM_UP_MESSAGES, step = 4, progress: (done: number) => void = () => {}): number {
  const key = generateSealingKey(0);
  const sealing = { seat: 'warm-up', epoch: key.epoch, publicKey: key.publicKey };
  const check = new GuardScreen(DEFAULT_GUARD_POLICY);
  const masker = detectorMasker(() => undefined);
  let done = 0;
  progress(done);
  while (done < count) {
    const texts = Array.from({ length: Math.min(step, count - done) }, (_, k) => warmUpText(done + k));
    done += prepareTexts(texts, 1 + done, masker, sealing, { check, inbound: texts.map(() => true) }).length;
    progress(done);
  }
  return done;
}
