/**
 * Round 36 of issue #21: short asks that passed, generated from parts in new words. Asks: a picture of the message that
 * just reached the reader ("…we sent you an SMS, WhatsApp me a screenshot of it", "عکسشو بگیرید بفرستید", "سكرين شوت
 * منها"); a secret's noun phrase with its description and a polite tail ("the pasword you use for the app aswell
 * please"); a need over a list of login fields ("I'll just need your online banking username and password so I can
 * link …"); an activation code sent to the reader, under a policy that lets agents ask for the one on the SIM pack; an
 * identity document's picture in Arabizi, by its owner's "'s" and Tajik "равон кунед". Safe: the same warned about or
 * kept in the app, a document shown in person at the counter, a photo of damage.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocked, pick, RUNS } from '../helpers/guard-rounds';

describe('a picture of the message that just came', () => {
  const carrier = ['We sent you an SMS just now', 'The system texted you a moment ago', 'وصلتك رسالة من البنك الحين', 'جالك مسج دلوقتي', 'یه پیامک براتون اومد', 'ye sms barat oomad', 'gatlak resala delwa2ty'];
  it('blocks a screenshot or photo of it sent on, in any of the languages', () => {
    const ask = ['send me a screenshot of it', 'WhatsApp me a photo of it', 'ابعتلي سكرين شوت منها', 'عکسشو بگیرید بفرستید اینجا', 'ازش عکس بگیر بفرست', 'aksesho begir befrest inja', 'ab3atly screenshot menha'];
    fc.assert(fc.property(pick(carrier), pick(ask), (c, a) => blocked(`${c}, ${a}`)), RUNS);
  });
  it('blocks the message marked as the object, then pictured', () => {
    expect(blocked('پیامکی که بانک فرستاد رو عکس بگیرید و برام بفرستید')).toBe(true);
    expect(blocked('payami ke alan oomad ro aks begir befrest inja')).toBe(true);
  });
  it('allows the same picture refused, and the code kept in the app', () => {
    const safe = ['never send a screenshot of it to anyone', "don't share a screenshot of it, not even with us", 'لا ترسل صورة منها لأي أحد', 'از اون برای هیچکس عکس نفرستید', 'matb3atsh screenshot menha le 7ad', 'type the code into the app yourself'];
    fc.assert(fc.property(pick(carrier), pick(safe), (c, s) => !blocked(`${c}, ${s}`)), RUNS);
  });
  it('allows a picture of a message the reply says is something else, and a picture kept', () => {
    const said = ['If you get a message saying the payment failed', 'If you received a suspicious SMS', 'لو جاتك رسالة مشبوهة', 'اگه پیامک مشکوک براتون اومد', 'We sent you an SMS with your claim reference'];
    const ask = ['send me a screenshot of it', 'ابعتلنا سكرين شوت منها', 'عکسشو برامون بفرستید', 'take a screenshot of it for your records'];
    fc.assert(fc.property(pick(said), pick(ask), (m, a) => !blocked(`${m}, ${a}`)), RUNS);
    expect(blocked('Can you send a screenshot of the message that shows up when you try to pay? The error one.')).toBe(false);
  });
  it('allows a picture of something else with no message before it', () => {
    for (const t of ['Please send a photo of the damage to the car here.', 'عکس خسارت ماشین رو بفرستید اینجا', 'send us a screenshot of the error screen']) expect(blocked(t)).toBe(false);
  });
});

describe("a secret's noun phrase and a polite tail", () => {
  const secret = ['the password', 'your PIN', 'the OTP', 'the pasword', 'and the passcode'];
  const described = ['', ' you use for the app', ' for online banking', ' you log in with'];
  it('blocks the phrase with "please", "as well please", "too pls"', () => {
    const tail = [' please', ' as well please', ' too pls', ' aswell please'];
    fc.assert(fc.property(pick(secret), pick(described), pick(tail), (s, d, t) => blocked(`${s}${d}${t}`)), RUNS);
  });
  it('allows the phrase acted on, kept or warned about', () => {
    const safe = (s: string, d: string) => [`please change ${s}${d} today`, `${s}${d}, please keep it to yourself`, `never send ${s}${d} to anyone please`];
    fc.assert(fc.property(pick(secret.slice(0, 4)), pick(described), fc.nat(2), (s, d, i) => !blocked(safe(s, d)[i]!)), RUNS);
  });
});

describe('a need over a list of login fields', () => {
  const fields = ['online banking username and password', 'user ID and PIN', 'customer number and login password', 'mobile banking username and passcode'];
  it('blocks "I\'ll just need your … and password" with or without a purpose after it', () => {
    const need = ["I'll just need your", 'We just need your', 'I only need your'];
    const purpose = [' so I can link your accounts.', ' so we can finish the setup.', '.'];
    fc.assert(fc.property(pick(need), pick(fields), pick(purpose), (n, f, p) => blocked(`${n} ${f}${p}`)), RUNS);
  });
  it("allows the reader's own need, and the need refused", () => {
    const safe = (f: string) => [`You'll need your ${f} to log in to the app.`, `We never need your ${f}.`, `I don't need your ${f}, only your policy number.`];
    fc.assert(fc.property(pick(fields), fc.nat(2), (f, i) => !blocked(safe(f)[i]!)), RUNS);
  });
});

describe('an activation code sent to the reader', () => {
  it('blocks it under a policy that lets agents ask for the one on the SIM pack', () => {
    const asks = ['send the activation code we just texted you', 'ابعتلي كود التفعيل اللي جالك في رسالة', 'forward me the activation code that came by SMS'];
    fc.assert(fc.property(pick(asks), (a) => blocked(a)), RUNS);
  });
  it('still allows the activation code printed on the SIM pack', () => {
    expect(blocked('Please send the activation code printed on the SIM pack')).toBe(false);
  });
});

describe("an identity document's picture", () => {
  it('blocks it in Arabizi, by its owner\'s "\'s", as a residence permit and in Tajik', () => {
    const ask = ['momken tersel sorat el jawaz', 'ib3atli soret el betaka el shakhsiya', 'sawer el hawiya men el gehteen w ib3atha', "send a photo of your passport's first page", 'take a picture of your residence permit and send it', 'акси шиносномаро аз ду тараф гиред ва равон кунед'];
    const dest = [' here', ' to 0551234567 on WhatsApp', ' ба ин ҷо', ' 3la el whatsapp 0551234567'];
    fc.assert(fc.property(pick(ask), pick(dest), (a, d) => blocked(`${a}${d}`)), RUNS);
  });
  it('allows the document shown in person, and other photos', () => {
    const safe = ['Please show your passport in person at the counter.', 'Present your passport at the desk when you arrive.', 'Please show your passport at the branch.', 'Send us a photo of the leak under the sink.', 'ib3atli sorat el 3arabeya mel 2odam', 'Never send a photo of your passport to a WhatsApp number.'];
    fc.assert(fc.property(pick(safe), (s) => !blocked(s)), RUNS);
  });
});
