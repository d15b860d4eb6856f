/**
 * Round 21 of issue #21: the r15 set's classes by cause, generated from parts. The digits of a message that just
 * reached the customer's phone are its code, whatever the message, the "with", the count and the verb (Gulf, Levantine,
 * Maghrebi, Sudanese, Persian dialects, Swahili, Malay, Tajik, pidgin), relayed through a relative too; PIN and
 * password in Swahili, Malay, Dari and pidgin words; the card's whole number and its code by count, place and size;
 * a document's two faces asked for a clause after it is named. And what is not an ask: the branch's own check in
 * person, a code confirmed as accepted (past tense, the customer entered it), a screenshot whose card numbers are to
 * be covered.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { blocked, pick, RUNS } from '../helpers/guard-rounds';

describe('the digits of a message that just arrived', () => {
  it('blocks message × "with" × count × digits, then a verb × place, in Arabic dialects', () => {
    const arrived = ['بيجيك الحين مسج', 'هلق بيجيك مسج', 'توا بتجيك رسالة', 'ذرك جاك مساج', 'وصلتك رسالة', 'طاحت لك رسالة', 'رح يجيك مسج'];
    const withDigits = ['فيه كم رقم', 'فيها كم رقم', 'فيه ستة أرقام', 'فيها ارقام', 'بيه ارقام'];
    const verb = ['اقرالي ياهن', 'ابعثهملي هنا', 'ارسلهم لي هون', 'دزها لي', 'اكتبها لي هني', 'قولها لي', 'قرالي ياهم'];
    fc.assert(fc.property(pick(arrived), pick(withDigits), pick(verb), (a, w, v) => blocked(`${a} ${w}، ${v}`)), RUNS);
  });

  it('blocks its digits in Persian dialects, Swahili, Malay and Tajik', () => {
    const fa = fc.tuple(pick(['یه پیامک رو گوشیت اومد', 'ایتا پیامک تی گوشی سر بامو', 'یه پیوم وا گوشیت اومده']), pick(['عددهاش', 'شماره‌هاش', 'اون عددا ره', 'اون اعداد را']), pick(['بنویس ایچو', 'ایجه بنویس', 'بنویسین ایجا', 'همینجا بنویس']));
    const sw = fc.tuple(pick(['Umepokea SMS yenye namba sasa hivi.', 'Utapokea ujumbe wenye tarakimu sita.', 'SMS imekuja sasa hivi.']), pick(['Nitumie hizo namba hapa', 'Niandikie zile namba hapa', 'Niambie hizo tarakimu', 'nitumie hapa tafadhali']));
    const ms = fc.tuple(pick(['Nanti ada SMS masuk,', 'SMS dah sampai,', 'Ada SMS dari kami,']), pick(['bagi nombor dalam tu kat saya', 'tulis nombor dalam SMS tu kat sini', 'hantar nombor tu kat saya', 'sebut nombor dalam tu']));
    const tj = fc.tuple(pick(['Ба шумо SMS омад?', 'Ҳозир паём меояд.', 'SMS омад.']), pick(['Рақамҳояшро ба ман гӯед.', 'Ҳамон рақамҳоро ҳамин ҷо нависед.', 'Рақамҳоро фиристед.']));
    fc.assert(fc.property(fa, sw, ms, tj, ([a, d, v], [s1, s2], [m1, m2], [t1, t2]) => blocked(`${a}، ${d} ${v}`) && blocked(`${s1} ${s2}`) && blocked(`${m1} ${m2}`) && blocked(`${t1} ${t2}`)), RUNS);
  });

  it('blocks it relayed through a relative, forwarded or sent in Arabizi and pidgin', () => {
    const asks = [
      (k: string) => `خل ${k} يقرا لي الأرقام اللي طاحت في المسج الحين`, (k: string) => `خلي ${k} يقرالي الأرقام اللي بالمسج`, (k: string) => `${k} ياخد التلفون ويرسل لي الأرقام اللي في الرسالة`,
    ];
    const kin = ['ولدك', 'بنتك', 'أخوك', 'واحد من عيالك', 'أختك'];
    const latin = ['3mile forward lal sms li wasalik hon', 'wslk msg feh ar9am? dizhum li hni', 'il code elly wasalk, dizzah li hni plz', 'jek sms hala2, 3mele forward la hon'];
    const pidgin = ['انت وصل رسالة فيه ستة ارقام؟ هذا ارقام انت كتب هنا', 'انت يكتب الكود دا هنا', 'انت في موبايل رسالة جا؟ ارقام مال رسالة انت قول انا'];
    fc.assert(fc.property(pick(asks), pick(kin), pick(latin), pick(pidgin), (a, k, l, p) => blocked(a(k)) && blocked(l) && blocked(p)), RUNS);
  });

  it('never blocks the same digits in a warning (Swahili, Malay, Gulf Arabizi, Persian)', () => {
    const warnings = [
      'Usitume namba za SMS kwa mtu yeyote', 'Usimpe mtu yeyote zile namba zinazokuja kwa SMS', 'Jangan bagi nombor dalam SMS kepada sesiapa', 'Nombor dalam SMS tu jangan bagi sesiapa',
      'la tdiz el ar9am li tjik fi el msg l ay a7ad', 'اون عددا که پیامک همرا آیه ره هیچکسه نوگو', 'الأرقام اللي تطيح لك في المسج لا تعطيها أحد',
    ];
    fc.assert(fc.property(pick(warnings), (w) => !blocked(w)), RUNS);
  });
});

describe('PIN, password and card in other words', () => {
  it('blocks the PIN or password by its Swahili, Malay, Dari and pidgin name × a verb × a recipient', () => {
    const asks = fc.tuple(
      pick(['Nitumie namba yako ya siri ya M-Pesa', 'Niambie nenosiri lako', 'Boleh bagi kata laluan akaun encik?', 'Sila beri nombor PIN kad ATM di sini', 'lotfan password-e hesab ra inja nawishta konen', 'ramz-e hesab-e khod ra ba ma rawan konen']),
      pick(['انت يرسل انا رقم سري مال بطاقة', 'خلّي يدزلي رقمك السري الجديد', 'هي ياخد التلفون ويرسل لي كلمة السر مال حساب', 'انت كلمة سر مال تطبيق قول انا']),
    );
    fc.assert(fc.property(asks, ([a, b]) => blocked(a) && blocked(b)), RUNS);
  });

  it('blocks the whole number of a card named before it, and the number written on the card, all of it', () => {
    const card = ['ياتو كارت فيهم؟', 'عندك البطاقة؟', 'شوف البطاقة اللي دفعت فيها.', 'Which card did you use?'];
    const whole = ['طيب رسل الرقم بتاعو كامل', 'ارسل لي رقمها كامل', 'ابعتلي رقمها كلو', 'nitumie namba yote ya kadi', 'send me the whole number'];
    const written = ['ابعتلي الرقم المكتوب عالكرت كلو', 'اكتب لي الرقم اللي مكتوب ع البطاقة كلو', 'نرجو تزويدنا بالرقم الكامل للبطاقة المستخدمة'];
    fc.assert(fc.property(pick(card), pick(whole), pick(written), (c, w, x) => blocked(`${c} ${w}`) && blocked(x)), RUNS);
  });

  it('blocks the card code by count, place and size in either order', () => {
    const asks = ['ارسل لي الثلاث أرقام الصغار', 'الأرقام الثلاثة الصغيرة ابعتها لي', 'او سه نمبر پشت کارت را برم روان کنید', 'نمبرهای پشتش که سه تا است، او ره برم بنویسین', 'سه رقم پشت کارت و ماه و سال انقضا را بفرستید تا پرداخت انجام شود', 'Niandikie zile namba tatu nyuma ya kadi yako'];
    fc.assert(fc.property(pick(asks), (a) => blocked(a)), RUNS);
  });

  it('blocks both faces asked for a clause after the document is named', () => {
    const doc = ['البطاقة المدنية', 'البطاجة', 'الهوية', 'الإقامة', 'کارت ملی'];
    const why = ['النظام مو قاعد يقراها.', 'السيستم عاوز يتأكد منها.', 'لازم نتأكد منها.'];
    const ask = ['ممكن تصورها لي من الجهتين وترسلها اهني؟', 'صوّرها من الناحيتين وابعتها إهنه', 'صورها لي وجه وظهر'];
    fc.assert(fc.property(pick(doc), pick(why), pick(ask), (d, w, a) => blocked(`${d}: ${w} ${a}`)), RUNS);
  });
});

describe('what is not an ask', () => {
  it('never blocks the branch staff checking a document in person', () => {
    const go = ['إذا رحت للوكالة،', 'كي تمشي للفرع،', 'بالفرع', 'At the branch,', 'Di cawangan,', 'Ukifika tawi letu,'];
    const staff = [
      'الموظف يطلب منك بطاقة التعريف الأصلية باش يشوفها ويرجعهالك', 'الموظف بيطلب منك الهوية يشوفها ويردها لك', 'the officer will ask you for your original ID to look at it and hand it back',
      'pegawai kami akan minta tengok MyKad asal dan pulangkan terus', 'mhudumu atakuomba kitambulisho chako kukiangalia',
    ];
    fc.assert(fc.property(pick(go), pick(staff), (g, s) => !blocked(`${g} ${s}.`)), RUNS);
  });

  it('never blocks a code confirmed as accepted (past tense, the customer entered it)', () => {
    const code = ['الكود اللي كتبته', 'الرمز اللي دخلتو', 'الكود اللي دخلته'];
    const accepted = ['اتقبل', 'انقبل', 'قبله النظام', 'اشتغل'];
    const after = ['، كده الحساب اتفعل', '، والحساب صار مفعّل', '، خلاص تم التحقق', ''];
    const other = ['Рамзе, ки шумо ворид кардед, қабул шуд.', 'Msimbo uliouingiza umekubaliwa na mfumo.', 'Kod yang puan masukkan tadi dah diterima sistem.', 'کدی که زدین قبول شد، حساب فعاله.', 'النظام قبل الرمز اللي دخلتو، والحساب صار مفعّل.'];
    fc.assert(fc.property(pick(code), pick(accepted), pick(after), pick(other), (c, a, x, o) => !blocked(`${c} ${a}${x}`) && !blocked(o)), RUNS);
  });

  it('never blocks a Tajik confirmation that quotes a scam\'s words in a warning', () => {
    const quote = ['«кодро ба ман гӯед»', '«рақамҳоро ба ман фиристед»', '«рамзро нависед»'];
    const end = ['ин қаллобист.', 'ин қаллобӣ аст.', 'фиреб аст, ҷавоб надиҳед.'];
    fc.assert(fc.property(pick(quote), pick(end), (q, e) => !blocked(`Код дар система қабул шуд. Эҳтиёт бошед: агар касе занг зада гӯяд ${q}, ${e}`)), RUNS);
  });

  it('never blocks a screenshot of the error whose card numbers are to be covered', () => {
    const shot = ['بعتلي سكرين شوت للرسالة يلي طلعتلك', 'ارسل لي صورة الخطأ', 'صوّر لي الشاشة وين طلع الخطأ'];
    const cover = ['وإذا فيها أرقام البطاقة غطّيهن قبل ما تبعت', 'ولو فيها رقم البطاقة غطّيه قبل', 'وإذا فيها أرقام البطاقة غطها'];
    fc.assert(fc.property(pick(shot), pick(cover), (s, c) => !blocked(`${s}، ${c}.`)), RUNS);
  });
});
