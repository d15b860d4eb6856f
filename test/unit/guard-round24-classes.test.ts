/**
 * Round 24 of issue #21: the told r18 set's classes by structure, generated from parts in new words and languages. An
 * ask is a secret (named, or described: "the number in it", "the numbers on the card", "the three behind", an ID by
 * its Gulf acronym) + a hand-over toward the writer, in a dialect's own verbs (Gulf "أبا منك", Levantine "خليها
 * تقرالي", Maghrebi "sift"/"n7eb", Dari "روان کنید"/"اینجه", Kinyarwanda, Wolof, Javanese, Sinhala, Sorani). It is no
 * ask when a relative is told to type the code in the app themselves and not to send it, when the branch ("they will
 * ask you") checks in person, or when what is handed over is an order number or an invoice.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { blocked, pick, RUNS } from '../helpers/guard-rounds';

describe('a code described in one clause, asked for by a general noun in the next', () => {
  it('blocks a message sent to the reader × "the number / the number in it / those numbers" asked for, across languages', () => {
    const cases: [string[], string[]][] = [
      [['I sent a verification number to your phone just now', 'We have texted a code to your line', 'A 6 digit SMS went to your mobile a minute ago'],
        ['please let me know the number', 'kindly tell me the number', 'just share the number', 'type the number here', 'read me the number please', 'send me the number it shows']],
      [['A text just went to your phone from us', 'Check your messages, we sent something'], ['what number is on it?', 'read me the number please', 'send me the number it shows']],
      [['یه پیامک برات اومد', 'الان یه اس ام اس براتون میاد', 'یه پیام برات فرستادیم'],
        ['عددی که توشه رو برام بفرست', 'شماره‌ای که توشه رو واسم بنویس', 'شماره‌ای که تو پیامکه رو بفرست']],
      [['وصلتك رسالة من البنك الحين', 'بعتنالك رسالة هلق', 'جاتك مسج من شوي'],
        ['ابعتلي الرقم اللي فيها', 'ارسل لي الأرقام اللي فيها هني', 'دز لي الرقم اللي فيها']],
      [['جالك مسج فيه أرقام', 'وصلتك رسالة الحين'], ['قولي الرقم', 'اكتبلي الرقم']],
      [['Twakoherereje SMS irimo imibare itandatu', 'Twakoherereje ubutumwa'], ['Nyoherereza iyo mibare hano', 'mpa imibare irimo']],
      [['Barusan ada SMS masuk to', 'Pesen SMS-e wis teko'], ['angka kuwi kirimno mrene', 'angka ning kono kirimno mrene']],
      [['Dangay jot ab message bu am 6 chiffres'], ['yónne ma chiffres yi', 'yónne ma chiffres yooyu fii']],
      [['ئێستا نامەیەکت بۆ هات'], ['کۆدەکە بۆم بنێرە', 'ژمارەکەی بۆم بنووسە']],
    ];
    fc.assert(fc.property(fc.constantFrom(...cases), fc.nat(), fc.nat(), ([sent, asks], i, j) => blocked(`${sent[i % sent.length]}. ${asks[j % asks.length]}`)), RUNS);
  });

  it('never blocks the same message followed by a harmless ask with a general noun (the order number, whether it opened)', () => {
    const sent = ['We texted you a tracking link', 'یه پیامک با لینک پیگیری برات فرستادیم', 'بعتنالك رسالة فيها رابط'];
    const asks = ['please let me know the order number', 'just tell me if it opens', 'شماره سفارش رو بنویس', 'ابعتلي رقم الطلب'];
    fc.assert(fc.property(pick(sent), pick(asks), (s, a) => !blocked(`${s}. ${a}`)), RUNS);
  });

  it('blocks a verb of telling whose purpose is the writer entering what is told (Dari, Persian, English)', () => {
    const code = ['کودی که به موبایل تان آمده', 'کدی که الان برات اومد', 'The code that just reached your phone'];
    const tell = ['برایم بگویید که خودم داخل سیستم کنم', 'برام بگو که خودم وارد کنم', 'tell me here so I can enter it myself'];
    fc.assert(fc.property(pick(code), pick(tell), (c, t) => blocked(`${c}، ${t}`)), RUNS);
    fc.assert(fc.property(pick(['kodi ke ba mobile tan amad', 'kodi ke alan resid']), pick(['lotfan baraym bogoyen ke dakhel system konom', 'baraym bogoyen ke khodam vared konom']), (c, t) => blocked(`${c}, ${t}`)), RUNS);
    // …news told is not entered anywhere
    fc.assert(fc.property(pick(['baraym bogoyen ke kar tamam shod', 'برام بگو که کار تموم شد', 'tell me here when it is done']), (t) => !blocked(`The code arrived? ${t}`)), RUNS);
  });

  it('blocks a bare transfer verb followed by the writer entering it, with no place named', () => {
    const code = ['یه رمز براتون فرستادیم، همون که تو پیامکه', 'taw bech yousltek SMS fiha code'];
    const send = ['بفرستید من خودم وارد می کنم براتون', 'بفرست، من خودم واردش می‌کنم', 'ab3athouli houni bech nkammel', 'ab3athouli, ana nda5lou'];
    fc.assert(fc.property(pick(code), pick(send), (c, s) => blocked(`${c}، ${s}`)), RUNS);
  });
});

describe('dialect verbs and spellings', () => {
  it('blocks Dari: a secret in Dari spelling × "here / to me" × a Dari verb', () => {
    const secret = ['پاسورد کیف پول تان را', 'کود شش رقمی را', 'رمز کارت تان را', 'پاسورد حساب خود را'];
    const place = ['اینجه', 'همینجه', 'برایم'];
    const verb = ['بنویسید', 'بنویسین', 'روان کنید', 'ارسال نمایید', 'نوشته کنین'];
    fc.assert(fc.property(pick(secret), pick(place), pick(verb), fc.boolean(), (s, p, v, please) => blocked(`${s} ${please ? 'لطفاً ' : ''}${p} ${v}`)), RUNS);
  });

  it('blocks Gulf "I want from you" × a secret, and a Levantine relative reading the card to us', () => {
    const want = ['أبا منك', 'ابي منك', 'أبغى منك', 'ودي منك', 'نبا منكم'];
    const secret = ['الرمز السري', 'الرمز السري حق البطاقة', 'كلمة السر حق التطبيق', 'الكود اللي جاك'];
    fc.assert(fc.property(pick(want), pick(secret), (w, s) => blocked(`${w} ${s}`)), RUNS);
    const who = ['خليها', 'خليه', 'خلي ابنك', 'خلي بنتك'];
    const read = ['تقرالي', 'يقرالي', 'تقريلي', 'يكتبلي', 'يعطيني', 'يملّيني'];
    const what = ['الأرقام يلي عالكرت كلها', 'كل الأرقام اللي على البطاقة', 'الأرقام كلها يلي عالكرت', 'التلاتة يلي ورا', 'الأرقام يلي عالكرت والتلاتة يلي ورا'];
    fc.assert(fc.property(pick(who), pick(read), pick(what), (w, r, x) => blocked(`${w} ${r} ${x}`)), RUNS);
  });

  it('blocks the PIN as the four digits the reader types, with or without the machine', () => {
    const arabic = ['الأربع أرقام اللي تدخل فيهن', 'الأربع أرقام اللي تكتبهن', 'الأرقام الأربعة اللي تدخلها'];
    const english = ['the 4 digits you punch in', 'the four digits you use at the ATM', 'the 4 numbers you always enter'];
    fc.assert(fc.property(pick(['أبا منك', 'عطني', 'ابيك تعطيني']), pick(arabic), (w, p) => blocked(`${w} ${p}`)), RUNS);
    fc.assert(fc.property(pick(['send me', 'tell me', 'I need']), pick(english), (w, p) => blocked(`${w} ${p}`)), RUNS);
    fc.assert(fc.property(pick(['لا تعطي أحد', 'لا ترسل لأحد']), pick(arabic), (n, p) => !blocked(`${n} ${p}`)), RUNS);
    fc.assert(fc.property(pick(['never tell anyone', "don't share"]), pick(english), (n, p) => !blocked(`${n} ${p}`)), RUNS);
  });

  it('never blocks "I want from you" or a relative reading us a harmless number', () => {
    const ask = ['أبا منك رقم الطلب بس', 'ودي منك رقم الشحنة', 'خليها تقرالي رقم الطلب يلي عالفاتورة', 'خلي ابنك يقرالي آخر أربع أرقام عالكرت'];
    fc.assert(fc.property(pick(ask), (a) => !blocked(a)), RUNS);
  });

  it('blocks Maghrebi Arabizi: "n7eb/bghit" the whole card number, and "sift" in any person toward us', () => {
    const want = ['n7eb', 'nheb', 'bghit', '3tini'];
    const card = ['noumrou el carte kemel', 'numéro de la carte kamel', 'numero de la carte lkol'];
    const tail = ['', ' w date mta3 el expiration', ' bech nraja3lek flousek'];
    fc.assert(fc.property(pick(want), pick(card), pick(tail), (w, c, t) => blocked(`${w} ${c}${t}`)), RUNS);
    const came = ['ywslek un SMS fih code de 6 chiffres', 'ghadi yjik message fih code'];
    const sift = ['siftou liya hna', 'siftih lia daba', 'sifto liya f WhatsApp', 'goul lih ysiftou liya hna'];
    fc.assert(fc.property(pick(came), pick(sift), (c, s) => blocked(`${c}, ${s}`)), RUNS);
  });

  it('never blocks "sift" when we send to the reader ("nsiftoulek") or when what is sent is an invoice or an order number', () => {
    const safe = ['ghadi nsiftoulek les 3 chiffres f SMS', 'sawar lia la facture w siftha hna', 'sift liya numero de commande hna', 'n7eb noumrou el commande w date mta3 el livraison'];
    fc.assert(fc.property(pick(safe), (s) => !blocked(s)), RUNS);
  });

  it('blocks the full card number and its CVV described in Finglish, Persian-English and Sinhala-English', () => {
    const card = ['shomare kamele card', 'shomare kamel cart', 'card number کامل'];
    const cvv = ['oon 3 ta raghame poshtesh', 'se raghame posht', 'اون سه رقم پشتش'];
    const verb = ['ro benevis', 'ro befrest', 'رو بفرست'];
    fc.assert(fc.property(pick(card), pick(cvv), pick(verb), (c, v, x) => blocked(`${c} va ${v} ${x}`)), RUNS);
    fc.assert(fc.property(pick(['evanna', 'ewanna', 'denna']), (v) => blocked(`Card eke full number ekai, pitipasse thiyena 3 digits ekai ${v}`)), RUNS);
    fc.assert(fc.property(pick(['ewanna epa', 'denna epa']), (v) => !blocked(`SMS eka awada kiyala kiyanna, code eka nam ${v}`)), RUNS);
  });

  it('blocks a Gulf ID by its acronym × a picture × both side(s) × here', () => {
    const id = ['QID', 'CPR', 'Emirates ID', 'EID card', 'civil ID', 'iqama'];
    const pic = ['take picture of your', 'snap your', 'send me clear photo of ur', 'upload a picture of your'];
    const sides = ['both side', 'both sides', 'front and back', 'front + back'];
    const place = ['and send here', 'here please', 'in this chat'];
    fc.assert(fc.property(pick(id), pick(pic), pick(sides), pick(place), (i, p, s, h) => blocked(`${p} ${i} ${s} ${h}`)), RUNS);
  });

  it('never blocks "Eid" as the feast, nor bringing the ID to a branch', () => {
    const safe = ['Eid mubarak! Send us a message here if you need anything', 'please bring your CPR to the branch, they will check there', 'please bring your QID to the office, the staff will look at it', 'Eid holidays: the branch opens at 10, send me your order number'];
    fc.assert(fc.property(pick(safe), (s) => !blocked(s)), RUNS);
  });

  it('blocks named secrets in languages no round listed (Kinyarwanda, Wolof–French, Javanese, Sorani)', () => {
    const asks = ["Mpa umubare w'ibanga wa konti yawe hano", 'Yónne ma sa code secret bi', 'Kode OTP-ne kirimno mrene, Mas', 'وشەی نهێنی ئەکاونتەکەت بۆم بنێرە', "nyoherereza ijambo ry'ibanga hano"];
    fc.assert(fc.property(pick(asks), (a) => blocked(a)), RUNS);
  });
});

describe('relatives told to type it themselves, and the branch\'s own check', () => {
  it('never blocks a relative told to type the code in the app themselves × a negated send to us × a harmless ask after', () => {
    const relative = ['به پسرت بگو خودش کد رو تو برنامه بزنه', 'به مامانت بگو خودش کد رو تو اپ وارد کنه', 'خلي إمك تكتب الكود بالتطبيق بنفسها', 'خلي ابوك يدخل الرمز في التطبيق بنفسه', 'goul l mamak tdakhal l code f l\'application bwa7dha', 'Ask your son to type the code into the app himself'];
    const negated = ['لازم نیست برای ما بفرسته', 'ما في داعي تبعتيلنا ياه', 'لا يرسله لنا', 'no need to send it to us', 'ma t7tajch tsiftih lina'];
    const after = ['', '. فقط شماره خط رو بنویسه', '. Just tell me his phone number', '. بس قول لي إذا نجح'];
    fc.assert(fc.property(pick(relative), pick(negated), pick(after), (r, n, a) => !blocked(`${r}، ${n}${a}`)), RUNS);
  });

  it('never blocks what a branch will ask in person, by a third-person plural verb × a negated send', () => {
    const branch = ['في الفرع', 'في المكتب', 'بالفرع'];
    const ask = ['با يطلبون منك الهوية الأصلية', 'بايطلبون منك البطاقة', 'بيطلبوا منك الهوية', 'هيطلبوا منك البطاقة الأصلية', 'يطلبون منك البطاقة المدنية'];
    const tail = ['', ' يشوفونها بعيونهم ويرجعونها لك', ' وبايطلبون منك تدخل الرمز في جهازهم بنفسك'];
    const negated = ['', '. ما تحتاج ترسل صورتها هانا', '، لا ترسل صورتها بالشات'];
    fc.assert(fc.property(pick(branch), pick(ask), pick(tail), pick(negated), (b, a, t, n) => !blocked(`${b} ${a}${t}${n}`)), RUNS);
    fc.assert(fc.property(pick(["f l'agence ghadi ytalbo mnek la CIN", 'At the branch they will ask for your Emirates ID']), pick(['', ', ma khasekch tsiftha hna', ", you don't need to send it to us here"]), (a, n) => !blocked(`${a}${n}`)), RUNS);
  });

  it('still blocks the branch\'s ask when the writer also asks for a picture here', () => {
    fc.assert(fc.property(pick(['في الفرع بايطلبون منك الهوية', 'في الفرع با يطلبون منك الهوية الأصلية']), pick(['، ارسلها لي هنا', '، صورها وارسلها لي هني']), (a, h) => blocked(`${a}${h}`)), RUNS);
  });
});
