/**
 * Round 28 of issue #21: the told r22 set's classes, generated from parts in new words. Asks: a photo of the card's two
 * sides (Scots "photie", "baith sides", "front an back"; Darija "lcarte … jouj jihat"); which password or رمز the reader
 * uses; a request verb over a list of secrets below it (verb-final Persian, Arabic, French); the OTP spelled out or
 * with a zero ("0 T P", "O-T-P", "o.t.p") and "that only"; what the text we sent says (Scots/Doric "whit's it sayin",
 * "fit dis it say"; dialect "we sent you" — رسلنا ليك, دزينالك — then "tell me what it is"); Finglish "baraye man".
 * False blocks: "whoever asks you for them is a thief" after a warning; a Tajik "even to us"; a Finglish discount code
 * to share. Each beside the safe reply of the same shape.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { blocked, pick, RUNS } from '../helpers/guard-rounds';

describe("a photo of the card's two sides", () => {
  it('blocks a picture of the card from both sides in Scots and Darija, not of the parcel or the receipt', () => {
    const picture = ['send us a wee photie o', 'can ye send a photie o', 'pop in a photie of'];
    const card = ['yer bank card', 'the card', 'yer debit card'];
    const sides = ['baith sides', 'front an back', 'back an front'];
    const tail = ['', ', wi the numbers showin', ' so we can see the numbers'];
    fc.assert(fc.property(pick(picture), pick(card), pick(sides), pick(tail), (p, c, s, t) => blocked(`${p} ${c}, ${s}${t}`)), RUNS);
    fc.assert(fc.property(pick(picture), pick(['the parcel', 'the receipt', 'the box']), pick(sides), (p, c, s) => !blocked(`${p} ${c}, ${s}`)), RUNS);
    fc.assert(fc.property(pick(['sawer lia', 'sawrha lia', 'sift lia tswira dyal']), pick(['lcarte dialek', 'lcarte']), pick(['mn jouj jihat', 'b jouj jihat']), (p, c, s) => blocked(`${p} ${c} ${s} w sifetha hna`)), RUNS);
  });
});

describe('which password the reader uses', () => {
  it('blocks a question which password, PIN or رمز the reader uses, in any order and dialect', () => {
    const before = ['', 'I need tae log in as you. ', 'لازم ادخل بحسابك. ', 'باید با حساب شما وارد بشم. ', 'Need ko mag-login as you. '];
    const ask = ["Whit's the password ye use?", 'What password are you using?', 'Which PIN do you use for the app?', 'انت بتستخدم انهي باسورد؟', 'شو كلمة السر اللي بتستعملها؟', 'چه رمزی استفاده می‌کنید؟', 'ano po yung password na ginagamit niyo?'];
    fc.assert(fc.property(pick(before), pick(ask), (b, a) => blocked(`${b}${a}`)), RUNS);
  });

  it('allows the same words negated, or about a browser or a password manager', () => {
    const safe = ['We will never ask what password you use.', 'Which browser are you using when you log in?', 'Which password manager do you use? It may fill in an old one.', 'ما رح نسألك شو كلمة السر اللي بتستعملها أبداً.'];
    fc.assert(fc.property(pick(safe), pick(['', ' Reset it in the app if you forgot it.']), (s, t) => !blocked(`${s}${t}`)), RUNS);
  });
});

describe('a request verb over a list of secrets below it', () => {
  it('blocks every secret in the list after a verb-final Persian, Arabic or French opener', () => {
    const opener = ['لطفاً موارد زیر را در پاسخ ارسال فرمایید:', 'لطفاً اطلاعات زیر را برای ما بفرستید:', 'يرجى تزويدنا بالبيانات التالية:', 'ارسل لنا المعلومات التالية في الرد:', 'Merci de nous envoyer les éléments suivants :'];
    const item = ['شماره ۱۶ رقمی کارت', 'کد ملی', 'رقم البطاقة', 'رقم الهوية', 'numéro de carte'];
    const numbering = ['1. ', '۱. ', '١- ', '- '];
    fc.assert(fc.property(pick(opener), pick(numbering), pick(item), (o, n, i) => blocked(`${o}\n${n}نام و نام خانوادگی\n${n}${i}`)), RUNS);
  });

  it("allows the same opener over an order's details, and the writer sending a list", () => {
    const opener = ['لطفاً موارد زیر را در پاسخ ارسال کنید:', 'يرجى إرسال ما يلي:', 'Please send the following in reply:'];
    const items = ['1. شماره سفارش\n2. آدرس تحویل', '١- رقم الطلب\n٢- عنوان التوصيل', '1. Order number\n2. Delivery postcode'];
    fc.assert(fc.property(pick(opener), pick(items), (o, i) => !blocked(`${o}\n${i}`)), RUNS);
    fc.assert(fc.property(pick(['1. a new card\n2. the PIN letter', '1. your new card\n2. a welcome pack']), (i) => !blocked(`We will send the following to your address:\n${i}`)), RUNS);
  });
});

describe('the OTP spelled out, politely', () => {
  it('blocks "0TP", "0 T P", "O-T-P", "o.t.p" handed over, and "tell me that only"', () => {
    const verb = ['kindly share the', 'pls provide', 'kindly revert with the', 'please tell the'];
    const otp = ['0TP', '0 T P', 'O-T-P', 'o.t.p', 'O T P', '0tp'];
    const tail = [' received on ur regd mob no', ' sent on your registered mobile', ' for verification purpose', ''];
    fc.assert(fc.property(pick(verb), pick(otp), pick(tail), (v, o, t) => blocked(`${v} ${o}${t}`)), RUNS);
    const came = ['one OTP has come to your phone', 'one 0TP will come on your mobile now', 'one verification code is coming to your number'];
    fc.assert(fc.property(pick(came), pick(['please tell me that only', 'kindly tell that only', 'tell me that alone']), (c, a) => blocked(`${c}, ${a}`)), RUNS);
  });

  it('allows the spelled-out OTP in a warning and words that only look like it', () => {
    const warn = ['kindly do not share', 'never tell', 'do not give'];
    fc.assert(fc.property(pick(warn), pick(['0TP', '0 T P', 'O-T-P', 'o.t.p']), (w, o) => !blocked(`${w} ${o} to anybody, enter it in the app only`)), RUNS);
    fc.assert(fc.property(pick(['go to the top page', 'I am 0 to 3 today, top performer', 'the top plan is cheaper']), (s) => !blocked(s)), RUNS);
  });
});

describe('what the text we sent says', () => {
  it('blocks Scots and Doric "whit\'s it sayin" / "fit dis it say" after a text from us', () => {
    const sent = ["We've just texted ye.", 'Did ye get a text fae us?', 'A text fae us should be on yer phone.'];
    const ask = ["Whit's it sayin?", 'Fit dis it say, the numbers like', 'Whit does it say?', 'Wit does the text say?'];
    fc.assert(fc.property(pick(sent), pick(['\n', ' ']), pick(ask), (s, j, a) => blocked(`${s}${j}${a}`)), RUNS);
  });

  it('blocks "we sent you a number/message … tell me what it is" in Sudanese, Iraqi and Levantine, not a delivery time', () => {
    const sent = ['رسلنا ليك رقم في التلفون', 'رسلنالك رسالة هسي', 'دزينالك رقم هسه', 'بعتنالك رقم على الموبايل'];
    const ask = ['قول لي هو شنو', 'گلي شنو هو', 'قل لي هو ايه', 'قولي هي شو'];
    fc.assert(fc.property(pick(sent), pick(ask), (s, a) => blocked(`${s}، ${a}`)), RUNS);
    fc.assert(fc.property(pick(['Did you get our text about the delivery slot?', 'We texted you the delivery time.']), pick(['What does it say, Tuesday or Wednesday?', 'Let me know if it does not arrive.']), (s, a) => !blocked(`${s} ${a}`)), RUNS);
  });
});

describe('Finglish', () => {
  it('blocks a code handed over "baraye man", and allows a discount code shared with friends', () => {
    const came = ['ye code 5 raghami baratoon SMS shod', 'ye code baratoon ersal shod', 'kode taeed barat oomad'];
    const ask = ['lotfan oon ro baraye man befrestid', 'oon ro baraie man befrestid', 'lotfan be man begid'];
    fc.assert(fc.property(pick(came), pick(ask), (c, a) => blocked(`${c}, ${a}`)), RUNS);
    const promo = ['code takhfif 20 darsadi baratoon ersal shod', 'code e hedye barat oomad', 'kode takhfif baratoon SMS shod'];
    fc.assert(fc.property(pick(promo), pick(['mitoonid ba doostanetoon share konid', 'baraye doostat befrest']), (p, s) => !blocked(`${p}, ${s}`)), RUNS);
  });
});

describe('warnings that name us or the asker', () => {
  it('allows "whoever asks you for them is a thief" after a warning, and still blocks the writer asking', () => {
    const warn = ['حتى واحد من عندنا ما يطلب منك الكود السري متاع الكارطة ولا كود الميساج', 'حتى واحد من الخدامين تاعنا ما يطلب منك الكود تاع الكارط', 'nobody from our side will ask for your PIN or the SMS code'];
    const thief = ['اللي يطلبهم منك سارق', 'لي يطلبو منك راهو سارق', 'whoever asks for them is a thief', 'anyone who asks you for them is a thief'];
    fc.assert(fc.property(pick(warn), pick(thief), (w, t) => !blocked(`${w}، ${t}`)), RUNS);
    fc.assert(fc.property(pick(['ابعتلي الكود السري متاع الكارطة هنا', 'send me the SMS code here']), (a) => blocked(a)), RUNS);
  });

  it('allows a Tajik warning "not even to us" with the code entered in the app oneself, in both scripts', () => {
    const warn = ['Ramzi tasdiqro ba hech kas nadihed, hatto ba mo;', 'Рамзи тасдиқро ба ҳеҷ кас надиҳед, ҳатто ба мо;', 'Kodro ba kase naguyed, hatto ba mo;'];
    const self = ['onro khudaton dar barnoma vorid kuned.', 'онро худатон дар барнома ворид кунед.', 'khudaton dar ilova vorid kuned.'];
    fc.assert(fc.property(pick(warn), pick(self), (w, s) => !blocked(`${w} ${s}`)), RUNS);
    fc.assert(fc.property(pick(['Ramzi tasdiqro ba mo firisted.', 'Рамзи тасдиқро ба мо фиристед.']), (a) => blocked(a)), RUNS);
  });
});
