/**
 * Round 31: a code the customer is told to SEND to a short number ("send code 88210 to 300044 to win", "أرسل الرمز
 * ٤٥٢١٧ إلى ٧٠٠٠٨", "کد ۷۷۴۱۰ رو به ۳۰۰۰۱۲۳ بفرستید") — a prize, a vote or a subscription quoted from an SMS — is no
 * login code: the code goes out, a one-time code comes in. Both the code and the short number stay visible. Read on
 * the normalised text (ASCII digits), by structure: a send verb in the clause, the code, then "to" and a short number
 * of three to seven digits (a phone is longer).
 */
const SEND_WORD = /(?:^|[^\p{L}])(?:send|sms|text|reply|envoyez?|envoie|envia|manda|ارسل|أرسل|إرسال|ارسال|ابعت|ابعث|بعت|ابعث|راسل|بفرست|بفرستید|بفرستین|فرستادن|بفرستيد|ارسال کنید|ارسال كنيد)(?![\p{L}])/iu;
const TO_SHORT = /^[ \u00a0]*(?:(?:رو|را)[ \u00a0]+)?(?:to|on|au|à|a|al|ila|ila|إلى|الى|الي|إلي|لـ?|لل|على|ع|به)[ \u00a0]*(?:\(?[ \u00a0]*)?[0-9]{3,7}(?![0-9])/iu;
const SHORT_AFTER_CODE = /[0-9]{3,8}[ \u00a0]*(?:(?:رو|را)[ \u00a0]+)?(?:to|on|au|à|a|al|ila|إلى|الى|الي|إلي|لـ?|لل|على|ع|به)[ \u00a0]*$/iu;

/** A send word within the clause around [start, end) (60 units before, 40 after: Persian puts the verb last). */
function sendAround(s: string, start: number, end: number): boolean {
  return SEND_WORD.test(s.slice(Math.max(0, start - 60), start)) || SEND_WORD.test(s.slice(end, end + 40));
}

/** The code or the short number of a "send this code to this number" text at [start, end) of normalised text. */
export function sentToShortNumber(s: string, start: number, end: number): boolean {
  if (TO_SHORT.test(s.slice(end, end + 16))) return sendAround(s, start, end);
  if (end - start <= 7 && SHORT_AFTER_CODE.test(s.slice(Math.max(0, start - 20), start))) return sendAround(s, start, end);
  return false;
}
