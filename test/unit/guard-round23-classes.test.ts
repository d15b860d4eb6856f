/**
 * Round 23 of issue #21: the told r17 set's classes by structure, generated from parts in languages no round had
 * listed. An ask is a secret word (code, "kodu", کوڈ, PIN, "the numbers on the back", an expiry beside a card) + a
 * hand-over toward the writer ("buraya", "hapa", "ivide", یہاں, "hon", "اینجو", "bana") + the reader asked; the object
 * may be left out when it was just named ("…, nitumie hapa"). It is no ask when a negation shaped by the language
 * governs it (Turkish "-mayın", Swahili "usi-", Amharic "አት-", Gilaki "نفرس"), when a warning quotes it in brackets or
 * after "a message came that", when the message is the app's own error, or when only the last four are asked for.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { blocked, pick, RUNS } from '../helpers/guard-rounds';

/** "A code has just come to your phone" in many languages (the first clause names the secret). */
const CAME = [
  'کدی که برات آمده', 'یه کد برات اومده', 'Kuna code imeingia kwa simu yako saa hii', 'Telefonunuza bir kod geldi', 'ippo oru OTP vannittundakum',
  'آپ کے فون پر ایک کوڈ آیا ہے', 'apnar phone e ekta OTP eshechhe', 'ba3atnelak code 3al mobile hala2', 'یه کد بیمو', 'Kode OTP sudah masuk ke HP Anda',
];
/** …and the hand-over toward the writer with its object left out, or pointed back at. */
const HAND_OVER = [
  'لطف کن بفرست اینجا', 'nitumie hapa', 'bana buradan gönderin', 'athu onnu ivide ayachu tharamo', 'مجھے یہاں بھیج دیں', 'amake ekhane pathan',
  'fik teb3atli yeh hon', 'اونِ وسّه من بفرس', 'tolong kirim ke sini', 'bhej dein yahan',
];
const WRITER_TAIL = ['', ', I will enter it for you', ' niimalize mimi mwenyewe', '، من خودم وارد می‌کنم', ' la kammil el activation men 3ande', ', ben girerim'];

describe('"the code that just came — send it here" by structure', () => {
  it('blocks a code named × a hand-over toward the writer with the object left out × the writer\'s own tail, across languages', () => {
    fc.assert(fc.property(pick(CAME), pick(HAND_OVER), pick(WRITER_TAIL), (c, h, t) => blocked(`${c}, ${h}${t}`)), RUNS);
  });

  it('blocks the secret and the writer\'s side in one clause with a verb the lexicon did not list before (Turkish, Azerbaijani, Indonesian, Tagalog, Hausa)', () => {
    const secret = ['SMS ile gelen kodu', 'doğrulama kodunu', 'kodu', 'şifrenizi'];
    const place = ['buraya', 'bana'];
    const ask = ['yazar mısınız?', 'yazın', 'gönderin', 'iletir misiniz?', 'gönderebilir misiniz?'];
    fc.assert(fc.property(pick(secret), pick(place), pick(ask), (s, p, a) => blocked(`${s} ${p} ${a}`)), RUNS);
    const other = ['Kodu bura yazın', 'Tolong kirim kode OTP ke sini', 'Pakisend dito yung OTP mo', 'Don Allah ka turo min lambar OTP', 'OTP code ስልክህ ላይ መጥቷል፣ እዚህ ላክልኝ'];
    fc.assert(fc.property(pick(other), (o) => blocked(o)), RUNS);
  });

  it('never blocks the same when a negation shaped by the language governs the hand-over, and the reader enters it in the app', () => {
    const negated = [
      'buraya göndermeyin', 'bana göndərməyin', 'usinitumie hapa', 'jangan kirim ke sini', 'huwag mong i-send dito', 'یہاں مت بھیجیں', 'اینجا نفرس', 'مرا نفرس', 'ለማንም አትላክ',
      'kada ka turo min',
    ];
    const self = ['', ', type it in the app yourself', '، خودت تو برنامه بزن', ', uygulamaya kendiniz girin', ', masukkan sendiri di aplikasi'];
    fc.assert(fc.property(pick(CAME), pick(negated), pick(self), (c, n, s) => !blocked(`${c}, ${n}${s}`)), RUNS);
  });
});

describe('the card described: its whole number, the numbers on its back, its expiry', () => {
  it('blocks the card\'s back numbers or whole number × expiry or not × an ask, in Turkish, Urdu, Malayalam, Bengali, Hausa, Swahili, Dari, Pidgin', () => {
    const templates: ((part: string, exp: string) => string)[] = [
      (p, e) => `Kartınızın ${p === 'back' ? 'arkasındaki üç haneli numarayı' : 'tam numarasını'}${e ? ' ve son kullanma tarihini' : ''} yazar mısınız?`,
      (p, e) => `card ka ${p === 'back' ? 'peeche wale teen number' : 'poora number'}${e ? ' aur expiry date' : ''} bata dein`,
      (p, e) => `Card nte ${p === 'back' ? 'back il ulla 3 number' : 'full number'}${e ? ' um expiry date um' : ''} onnu paranju tharu`,
      (p, e) => `Card er ${p === 'back' ? 'pichone je tin ta number ache' : 'puro number'}${e ? ', ar expiry date ta' : ''} amake bolun`,
      (p, e) => `Ka rubuto min ${p === 'back' ? 'lambobi uku na bayan katinka' : 'lambar katinka'}${e ? ' da ranar karewar katin' : ''}`,
      (p, e) => `همو ${p === 'back' ? 'سه شماره پشت کارت' : 'شماره کامل کارت'}${e ? '، و تاریخ ختم کارت' : ''} ره بنویس`,
      (p, e) => `make your pikin read the ${p === 'back' ? 'numbers wey dey back of him card' : 'full card number'}${e ? ' and the expiry' : ''} give you, then you type am here`,
    ];
    fc.assert(fc.property(pick(templates), pick(['back', 'whole']), fc.boolean(), (t, p, e) => blocked(t(p, e ? 'expiry' : ''))), RUNS);
  });

  it('blocks an expiry asked beside the card in a dialect: "تاريخ الانتهاء المكتوب عالكارت … قلّي ياهن"', () => {
    const expiry = ['تاريخ الانتهاء المكتوب عالكارت', 'تاريخ الانتهاء اللي على البطاقة', 'تاريخ الصلاحية اللي عالكرت'];
    const more = [' ورقمو الكامل', ' والرقم كامل', ''];
    const ask = ['، قلّي ياهن', '، قولي ياهم', '، اكتبهم لي'];
    fc.assert(fc.property(pick(expiry), pick(more), pick(ask), (e, m, a) => blocked(`${e}${m}${a}`)), RUNS);
  });

  it('never blocks only the order number and the last four × languages × "send"', () => {
    const lastFour = [
      'فقط شماره سفارش و آخرین چهار رقم کارت ره بفرس', 'Sadece sipariş numaranızı ve kartın son dört hanesini yazın', 'Cukup kirim nomor pesanan dan 4 digit terakhir kartu',
      'Order number at huling apat na digit lang ng card ang kailangan ko', 'Nitumie namba ya oda na tarakimu nne za mwisho za kadi tu', 'صرف آرڈر نمبر اور کارڈ کے آخری چار ہندسے بھیج دیں',
      'فقط شماره سفارش و چهار رقم آخر کارت رو بفرست',
    ];
    const tail = ['', '.', ', nothing else', '، همین'];
    fc.assert(fc.property(pick(lastFour), pick(tail), (l, t) => !blocked(`${l}${t}`)), RUNS);
  });
});

describe('a document\'s two faces, a password as a French loan, a PIN to a named colleague', () => {
  it('blocks a photo of the ID\'s two faces in dialects (Saidi ق as ج, Isfahani "اینجو", Tagalog, Indonesian, Turkish, Hausa)', () => {
    const arabic = (doc: string, sides: string, send: string) => `صوّر ${doc} ${sides} ${send}`;
    fc.assert(fc.property(pick(['البطاجة الشخصية', 'البطاقة الشخصية', 'البطاجة']), pick(['وش وضهر', 'من الناحيتين', 'من الجهتين']), pick(['وابعتهالي', 'وابعتها هنا']), (d, s, v) => blocked(arabic(d, s, v))), RUNS);
    const others = [
      'یه عکس از کارت ملی‌تون، پشت و رو، بفرستین اینجو', 'Picturan mo yung valid ID mo, harap at likod, tapos send mo dito', 'Tolong foto KTP bagian depan dan belakang, lalu kirim ke sini',
      'Kimlik kartınızın ön ve arka yüzünün fotoğrafını buraya atın', 'Ka dauki hoton katin shaidarka gaba da baya ka turo min',
    ];
    fc.assert(fc.property(pick(others), (o) => blocked(o)), RUNS);
  });

  it('blocks the password as "mot de passe" in Arabic letters × give/send × "of the app/account"', () => {
    fc.assert(fc.property(pick(['أعطيني', 'ابعتلي', 'عطيني', 'صيفط ليا']), pick(['المو دو باس', 'المودباس', 'الموت دو باس', 'المو دي باس']), pick(['متاع الابليكاسيون', 'تاع الكونت', 'ديال الحساب', '']), (v, p, o) => blocked(`${v} ${p} ${o}`.trim())), RUNS);
  });

  it('blocks a PIN handed to a colleague the reply names (Sheng, Swahili, Tagalog, Indonesian, Hausa)', () => {
    const name = ['Brian', 'Juma', 'Amina', 'Mark'];
    const frames = [
      (n: string) => `kuna mse wetu anaitwa ${n} atakupigia, mpatie PIN yako ya wallet`, (n: string) => `Mwenzangu ${n} atakupigia sasa hivi, mpe PIN yako`,
      (n: string) => `Tatawagan ka ni ${n} from our team, ibigay mo sa kanya yung PIN mo`, (n: string) => `Abokin aikina ${n} zai kira ka, ka fada masa PIN dinka`,
    ];
    fc.assert(fc.property(pick(frames), pick(name), (f, n) => blocked(f(n))), RUNS);
  });
});

describe('false blocks: a quoted scam, the app\'s own message, a negated dialect verb', () => {
  it('never blocks a warning that quotes the scam in brackets or quotes after "people send" / "a message came that" × a fraud word', () => {
    const intro = ['انتبه ترى فيه ناس يرسلون', 'Age payam oomad ke', 'Size şöyle bir mesaj gelirse:', 'Kalau ada pesan', 'Ukipokea ujumbe unaosema', 'اگه پیامی اومد که نوشته'];
    const scam = ['عميلنا العزيز، أرسل رمز التحقق لتحديث بياناتك', 'hesab-e shoma block shode, code ro befrestid', 'hesabınız kapanacak, kodu gönderin', 'kirim kode OTP untuk klaim hadiah', 'tuma PIN yako upate zawadi'];
    const wrap = [(s: string) => `(${s})`, (s: string) => `'${s}'`, (s: string) => `«${s}»`];
    const fraud = ['وهذي رسالة احتيال، لا ترد عليها', 'javab nadid. Betrug-e.', 'cevap vermeyin, dolandırıcılık', 'itu penipuan, abaikan saja', 'ni utapeli, usijibu', 'کلاهبرداریه، جواب ندید'];
    fc.assert(fc.property(pick(intro), pick(scam), pick(wrap), pick(fraud), (i, s, w, f) => !blocked(`${i} ${w(s)} ${f}`)), RUNS);
  });

  it('never blocks a screenshot of the message the app shows when the customer tries something', () => {
    const ask = ['حضرتك ممكن تبعت سكرين شوت للرسالة', 'ابعتلي سكرين شوت للرسالة', 'ممكن صورة شاشة للرسالة'];
    const shown = ['اللي بتطلعلك', 'اللي بتظهرلك', 'اللي بتطلع', 'اللي بيطلعلك'];
    const when = ['لما بتحاول تشحن', 'لما تدوس دفع', 'لما بتحاول تدفع', ''];
    fc.assert(fc.property(pick(ask), pick(shown), pick(when), (a, s, w) => !blocked(`${a} ${s} ${w}؟`.replace(' ؟', '؟'))), RUNS);
  });

  it('never blocks a Gilaki/Mazandarani negated imperative ("don\'t send me the code, type it into the app yourself")', () => {
    fc.assert(fc.property(pick(['جان', 'برار', '']), pick(['کدِ مرا نفرس', 'کد ره مه ره نفرس', 'کد ره مرا نده', 'کدِ مرا نگو']), pick(['خودت برنامه دورون بنویس', 'خودت برنامه دله بزن', 'خودت تو برنامه وارد کن']), (a, n, s) => !blocked(`${a} ${n}، ${s}`.trim())), RUNS);
  });
});
