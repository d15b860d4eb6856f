/**
 * Round 34 of issue #21: the told r26/r27 sets' classes, generated from parts in new words. Asks: a form's fields said
 * aloud with no verb — two secrets joined ("Card number and security code.", Finglish "shomare kart, baad 3 raghame
 * posht"), one with "needed" beside it or after it ("…, needed.", "ضرور است", "لازم"), or one followed by our purpose
 * ("…username and password so we can set up the debit"); a PIN described as the card's secret digits ("the four secret
 * digits", "الأربعة أرقام السرية"); the card's three numbers on its back side with no preposition; the date of birth
 * in Scots ("date o' birth") and Gulf Arabizi ("tareekh meladk"), a civil number in Arabizi ("rqm el madani").
 * Safe: a pin dropped on a map; the same words refused, warned about, or named in a step the customer takes themself.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { blocked, pick, RUNS } from '../helpers/guard-rounds';

describe('a form’s fields said aloud, with no verb', () => {
  const first = ['Card number', 'Your card number', 'The 16-digit card number', 'رقم البطاقة', 'رقم الكارت', 'شماره کارت', 'shomare kart', 'Online banking username and password'];
  const second = ['security code', 'CVV', 'the 3 digits on the back', 'PIN', 'expiry and CVV', 'الرقم السري', 'کد cvv2', '3 raghame posht'];
  it('blocks two secrets joined, in one clause or two', () => {
    fc.assert(fc.property(pick(first), pick(second), pick([' and ', ', then ', ', ', ' + ', ' و ']), (a, b, j) => blocked(`${a}${j}${b}.`)), RUNS);
  });

  it('blocks one secret with "needed" beside it or after it', () => {
    const one = ['Also the 3 number back side of card', 'Your card number', 'The CVV', 'شماره پاسپورت تان', 'تاریخ تولد مکمل', 'Your PIN', 'رقم جواز السفر'];
    const need = [', needed.', ' is needed.', ' is required please.', ' ضرور است.', ' لازم.', ' ضروري.', '. Needed asap.'];
    fc.assert(fc.property(pick(one), pick(need), (a, n) => blocked(`${a}${n}`)), RUNS);
  });

  it('blocks a secret followed by our purpose', () => {
    const one = ['Online banking username and password', 'Routing number, account number and your net banking password', 'Your card number and expiry', 'Card PIN'];
    const why = [' so we can set up the direct debit.', ' so I can activate the auto-draft.', ' so we can link the account for autopay.'];
    fc.assert(fc.property(pick(one), pick(why), (a, w) => blocked(`${a}${w}`)), RUNS);
  });

  it('allows the same fields refused, warned about, or entered by the customer themself', () => {
    const safe = ['Card number and CVV: never share them with anyone, not even us.', 'We will never ask for your card number and security code.', 'Card number and CVV are entered only on the payment page.', 'PIN and password are needed only at the ATM, never here.', 'Your username and password stay with you; set up the direct debit in your banking app.', 'Passport number is needed at the branch, bring the passport with you.', 'رقم البطاقة والرمز السري لا تعطيها لأي أحد.', 'Account number and sort code are printed on your statement.'];
    fc.assert(fc.property(pick(safe), (s) => !blocked(s)), RUNS);
  });
});

describe('a PIN described, a card’s back side, a date of birth and civil number in dialect', () => {
  it('blocks the card’s secret digits, its back side’s three numbers and the identity words', () => {
    const ask = ['Just need the four secret digits for your card.', 'What are the 4 secret numbers of your debit card?', 'أديني الأربعة أرقام السرية حقت الكارت.', 'ابعث الأرقام السرية متاع البطاقة', 'Also the 3 number back side of card, needed.', 'Send the three numbers back side of the card', "Whit's yer date o' birth? The full thing.", 'rqm el madani w tareekh meladk kamel', 'ib3tly sora el kart mn el gehten', 'ابعتلي رقمك المدني وتاريخ ميلادك كامل'];
    fc.assert(fc.property(pick(ask), (a) => blocked(a)), RUNS);
  });

  it('allows the same words where nothing is handed over', () => {
    const safe = ['Never tell anyone the four secret digits of your card.', 'لا تعطي الأرقام السرية لأي أحد.', 'The 3 numbers on the back side of the card are typed only on the payment page, never here.', 'Your date of birth can be changed in the app.', 'If you forget your PIN, reset it at any ATM.'];
    fc.assert(fc.property(pick(safe), (s) => !blocked(s)), RUNS);
  });
});

describe('a pin on a map', () => {
  it('allows a location pin asked for, in many wordings', () => {
    const lead = ["Truck's about 35 out.", 'The driver is on his way.', 'Recovery van is 20 minutes away.', ''];
    const ask = ["Drop me a pin of where you're parked?", 'Can you send a location pin?', 'Share your pin on the map so we can find you.', 'Send us a Google Maps pin please.', 'Drop a pin and we will come to you.'];
    fc.assert(fc.property(pick(lead), pick(ask), (l, a) => !blocked(`${l} ${a}`.trim())), RUNS);
  });

  it('still blocks the card’s PIN beside a location', () => {
    const ask = ["Send me your card PIN and where you're parked.", 'Your ATM PIN please, the driver needs it.', 'What is your PIN?'];
    fc.assert(fc.property(pick(ask), (a) => blocked(a)), RUNS);
  });
});
