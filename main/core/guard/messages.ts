import type { GuardLang } from './text/lang';

/** Every sentence a guard shows a person, in the three console languages. `{x}` placeholders are filled by `say`. */
const MESSAGES = {
  'outbound.otp': {
    en: 'This reply asks the customer for a one-time or verification code. Nobody at the company needs it; asking for it is how accounts are stolen.',
    ar: 'هذا الرد يطلب من العميل رمز تحقق أو رمزًا لمرة واحدة. لا أحد في الشركة يحتاجه، وطلبه هو طريقة سرقة الحسابات.',
    fa: 'این پاسخ از مشتری کد تأیید یا کد یک‌بار مصرف می‌خواهد. هیچ‌کس در شرکت به آن نیاز ندارد و درخواستش راه سرقت حساب است.',
  },
  'outbound.password': {
    en: 'This reply asks the customer for a password. Never ask for it; send them to the official reset page instead.',
    ar: 'هذا الرد يطلب كلمة المرور من العميل. لا تطلبها أبدًا؛ وجّهه إلى صفحة إعادة التعيين الرسمية.',
    fa: 'این پاسخ رمز عبور مشتری را می‌خواهد. هرگز آن را نخواهید؛ مشتری را به صفحهٔ رسمی بازنشانی رمز راهنمایی کنید.',
  },
  'outbound.pin': {
    en: 'This reply asks the customer for a PIN. Never ask for it.',
    ar: 'هذا الرد يطلب الرقم السري (PIN) من العميل. لا تطلبه أبدًا.',
    fa: 'این پاسخ رمز کارت (PIN) مشتری را می‌خواهد. هرگز آن را نخواهید.',
  },
  'outbound.card': {
    en: 'This reply asks for a full card number. Ask only for the last four digits.',
    ar: 'هذا الرد يطلب رقم البطاقة كاملًا. اطلب آخر أربعة أرقام فقط.',
    fa: 'این پاسخ شمارهٔ کامل کارت را می‌خواهد. فقط چهار رقم آخر را بپرسید.',
  },
  'outbound.cvv': {
    en: 'This reply asks for the card security code (CVV). Never ask for it.',
    ar: 'هذا الرد يطلب رمز الأمان للبطاقة (CVV). لا تطلبه أبدًا.',
    fa: 'این پاسخ کد امنیتی کارت (CVV2) را می‌خواهد. هرگز آن را نخواهید.',
  },
  'outbound.national_id': {
    en: 'This reply asks for a national ID, passport or date of birth. Company policy says service needs only the phone number and the activation code.',
    ar: 'هذا الرد يطلب رقم الهوية أو الجواز أو تاريخ الميلاد. سياسة الشركة: الخدمة تحتاج رقم الهاتف ورمز التفعيل فقط.',
    fa: 'این پاسخ کد ملی، گذرنامه یا تاریخ تولد می‌خواهد. طبق سیاست شرکت، فقط شمارهٔ تلفن و کد فعال‌سازی لازم است.',
  },
  'outbound.full_name': {
    en: 'This reply asks for the customer\'s full name. Company policy says service needs only the phone number and the activation code.',
    ar: 'هذا الرد يطلب الاسم الكامل للعميل. سياسة الشركة: الخدمة تحتاج رقم الهاتف ورمز التفعيل فقط.',
    fa: 'این پاسخ نام کامل مشتری را می‌خواهد. طبق سیاست شرکت، فقط شمارهٔ تلفن و کد فعال‌سازی لازم است.',
  },
  'outbound.national_id_asked': {
    en: 'This reply asks for a national ID, passport or date of birth.',
    ar: 'هذا الرد يطلب رقم الهوية أو الجواز أو تاريخ الميلاد.',
    fa: 'این پاسخ کد ملی، گذرنامه یا تاریخ تولد می‌خواهد.',
  },
  'outbound.full_name_asked': {
    en: 'This reply asks for the customer\'s full name.',
    ar: 'هذا الرد يطلب الاسم الكامل للعميل.',
    fa: 'این پاسخ نام کامل مشتری را می‌خواهد.',
  },
  'outbound.model': {
    en: 'This reply reads like asking the customer to hand over a code, password, PIN or card details: the guard\'s learned model, trained on thousands of such replies, found it although no rule named the secret. If it asks for none of these, rephrase it so that it says plainly what you need.',
    ar: 'هذا الرد يبدو كأنه يطلب من العميل تسليم رمز أو كلمة مرور أو رقم سري أو بيانات بطاقة: وجده نموذج الحارس المتعلَّم من آلاف الردود المشابهة، مع أن أي قاعدة لم تسمِّ السرّ. إن لم يكن يطلب شيئًا من ذلك فأعد صياغته ليقول بوضوح ما تحتاجه.',
    fa: 'این پاسخ به نظر می‌رسد از مشتری می‌خواهد کد، رمز عبور، رمز کارت یا اطلاعات کارت را تحویل دهد: مدل آموخته‌شدهٔ نگهبان که با هزاران پاسخ مشابه آموزش دیده آن را یافت، هرچند هیچ قاعده‌ای نام آن راز را نبرد. اگر هیچ‌کدام از این‌ها را نمی‌خواهد، آن را طوری بازنویسی کنید که روشن بگوید چه لازم دارید.',
  },
  'outbound.needs_lead': {
    en: 'It is held until a team lead approves it.',
    ar: 'سيُحجز الرد حتى يوافق عليه قائد الفريق.',
    fa: 'این پاسخ تا تأیید سرپرست تیم نگه داشته می‌شود.',
  },
  'outbound.entry_unclear': {
    en: 'This reply asks the customer to type a code or password without saying where. Make clear it goes into the official app, never into this chat.',
    ar: 'هذا الرد يطلب من العميل كتابة رمز أو كلمة مرور دون تحديد المكان. وضّح أنه يُدخل في التطبيق الرسمي وليس في هذه المحادثة.',
    fa: 'این پاسخ از مشتری می‌خواهد کد یا رمزی را وارد کند بی‌آنکه بگوید کجا. روشن کنید که در اپلیکیشن رسمی وارد شود، نه در این گفتگو.',
  },
  'outbound.too_long': {
    en: 'This reply is longer than the guard reads ({limit} characters), so part of it was not checked. Send it in shorter parts.',
    ar: 'هذا الرد أطول مما يقرؤه الحارس ({limit} حرف)، فلم يُفحص جزء منه. أرسله على أجزاء أقصر.',
    fa: 'این پاسخ از آنچه نگهبان می‌خواند ({limit} نویسه) بلندتر است و بخشی از آن بررسی نشد. آن را در چند بخش کوتاه‌تر بفرستید.',
  },
  'outbound.link': {
    en: 'This reply links to {domain}, which is not one of the company\'s domains. Check it before sending.',
    ar: 'هذا الرد يحتوي على رابط إلى {domain} وهو ليس من نطاقات الشركة. تحقق منه قبل الإرسال.',
    fa: 'این پاسخ پیوندی به {domain} دارد که از دامنه‌های شرکت نیست. پیش از ارسال بررسی کنید.',
  },
  'outbound.pasted': {
    en: 'This reply contains what looks like a {type}. Do not repeat customers\' sensitive values back to them.',
    ar: 'هذا الرد يحتوي على ما يبدو أنه {type}. لا تكرر البيانات الحساسة للعميل في الرد.',
    fa: 'این پاسخ چیزی شبیه {type} دارد. اطلاعات حساس مشتری را در پاسخ تکرار نکنید.',
  },
  'phishing.lookalike': {
    en: 'The link {domain} imitates the company\'s domain {company} ({how}). It is probably a scam.',
    ar: 'الرابط {domain} يقلّد نطاق الشركة {company} ({how}). غالبًا هو احتيال.',
    fa: 'پیوند {domain} از دامنهٔ شرکت {company} تقلید می‌کند ({how}). احتمالاً کلاهبرداری است.',
  },
  'phishing.lookalike_name': {
    en: 'The link {domain} dresses the name "{company}" up as an official site ({how}), the way scam sites imitate a brand. Treat it as a scam unless the company confirms it.',
    ar: 'الرابط {domain} يُلبس الاسم "{company}" ثوب موقع رسمي ({how})، كما تفعل مواقع الاحتيال لتقليد العلامات التجارية. اعتبره احتيالًا ما لم تؤكده الشركة.',
    fa: 'پیوند {domain} نام «{company}» را شبیه سایت رسمی جلوه می‌دهد ({how})، همان کاری که سایت‌های کلاهبرداری برای تقلید برند می‌کنند. تا شرکت تأیید نکرده آن را کلاهبرداری بدانید.',
  },
  'phishing.lookalike_named': {
    en: 'The message names {company} as its sender, but the link {domain} is not {company}\'s own site ({how}). It is probably a scam.',
    ar: 'الرسالة تذكر {company} مرسِلًا لها، لكن الرابط {domain} ليس موقع {company} نفسه ({how}). غالبًا هو احتيال.',
    fa: 'پیام {company} را فرستندهٔ خود معرفی می‌کند، اما پیوند {domain} سایت خود {company} نیست ({how}). احتمالاً کلاهبرداری است.',
  },
  'phishing.lookalike_freemail': {
    en: 'The address {value} is a free mail account dressed up with a company\'s name; companies write from their own domain, so it is probably a scam.',
    ar: 'العنوان {value} بريد مجاني مُلبَس باسم شركة؛ الشركات تراسل من نطاقها الخاص، لذا غالبًا هو احتيال.',
    fa: 'نشانی {value} یک ایمیل رایگان است که با نام یک شرکت آراسته شده؛ شرکت‌ها از دامنهٔ خودشان ایمیل می‌فرستند، پس احتمالاً کلاهبرداری است.',
  },
  'phishing.lookalike_userinfo': {
    en: 'The link {value} puts a company\'s name before "@", where a browser reads only a user name: it leads to {domain}, not to the company. It is probably a scam.',
    ar: 'الرابط {value} يضع اسم شركة قبل "@"، حيث لا يقرأ المتصفح إلا اسم مستخدم: هو يقود إلى {domain} لا إلى الشركة. غالبًا هو احتيال.',
    fa: 'پیوند {value} نام یک شرکت را پیش از «@» گذاشته، جایی که مرورگر فقط نام کاربری می‌خواند: به {domain} می‌رود، نه به شرکت. احتمالاً کلاهبرداری است.',
  },
  'phishing.lookalike_handle': {
    en: 'The account {value} dresses a name up as an official company account, the way scammers imitate a brand on social media. The company\'s official accounts are listed by IT.',
    ar: 'الحساب {value} يُلبس اسمًا ثوب حساب رسمي للشركة، كما يفعل المحتالون لتقليد العلامات التجارية على مواقع التواصل. حسابات الشركة الرسمية يحددها قسم تقنية المعلومات.',
    fa: 'حساب {value} نامی را شبیه حساب رسمی شرکت جلوه می‌دهد، همان کاری که کلاهبرداران برای تقلید برند در شبکه‌های اجتماعی می‌کنند. حساب‌های رسمی شرکت را واحد فناوری اطلاعات تعیین می‌کند.',
  },
  'phishing.shortener': {
    en: 'The link uses the URL shortener {domain}, which hides where it leads.',
    ar: 'الرابط يستخدم خدمة اختصار الروابط {domain} التي تخفي وجهته الحقيقية.',
    fa: 'پیوند از کوتاه‌کنندهٔ {domain} استفاده می‌کند که مقصد واقعی را پنهان می‌کند.',
  },
  'phishing.mixed_script': {
    en: 'The link {domain} mixes alphabets, a common trick to imitate a real address.',
    ar: 'الرابط {domain} يخلط بين حروف من أبجديات مختلفة، وهي حيلة شائعة لتقليد عنوان حقيقي.',
    fa: 'پیوند {domain} حروف چند الفبا را با هم دارد؛ ترفندی رایج برای تقلید نشانی واقعی.',
  },
  'phishing.fake_number': {
    en: 'The message gives a "support" number {value} that is not an official company number.',
    ar: 'الرسالة تذكر رقم "دعم" {value} ليس من أرقام الشركة الرسمية.',
    fa: 'پیام شماره «پشتیبانی» {value} را می‌دهد که شمارهٔ رسمی شرکت نیست.',
  },
  'phishing.fake_number_described': {
    en: 'Someone claimed to be from the company while calling or writing from {value}. The company contacts customers only from its official numbers.',
    ar: 'شخص ادّعى أنه من الشركة وهو يتصل أو يراسل من {value}. الشركة لا تتواصل مع العملاء إلا من أرقامها الرسمية.',
    fa: 'کسی ادعا کرده از طرف شرکت است در حالی که از {value} تماس گرفته یا پیام داده. شرکت فقط از شماره‌های رسمی خود با مشتری تماس می‌گیرد.',
  },
  'phishing.fake_handle': {
    en: 'The message points to a "support" account {value} that is not an official company account.',
    ar: 'الرسالة تشير إلى حساب "دعم" {value} ليس من حسابات الشركة الرسمية.',
    fa: 'پیام به حساب «پشتیبانی» {value} اشاره می‌کند که حساب رسمی شرکت نیست.',
  },
  'phishing.upgrade_fee': {
    en: 'The message mentions a fee to upgrade, unlock or verify an account — a known fake-support scam.',
    ar: 'الرسالة تذكر رسومًا لترقية الحساب أو فكّه أو توثيقه — أسلوب احتيال معروف باسم الدعم.',
    fa: 'پیام از هزینه‌ای برای ارتقا، رفع مسدودی یا تأیید حساب می‌گوید — کلاهبرداری شناخته‌شده به نام پشتیبانی.',
  },
  'phishing.unread_part': {
    en: 'This message is longer than the guard reads: only its first {limit} characters were checked for scams. Read the rest with care.',
    ar: 'هذه الرسالة أطول مما يقرؤه الحارس: فُحصت أول {limit} حرف منها فقط بحثًا عن الاحتيال. اقرأ الباقي بحذر.',
    fa: 'این پیام از آنچه نگهبان می‌خواند بلندتر است: فقط {limit} نویسهٔ اول آن از نظر کلاهبرداری بررسی شد. بقیه را با احتیاط بخوانید.',
  },
  'phishing.urgency': {
    en: 'The message says an account is frozen or will be closed unless someone acts now — a known pressure tactic.',
    ar: 'الرسالة تقول إن الحساب مجمّد أو سيُغلق ما لم يتصرف الشخص فورًا — أسلوب ضغط معروف.',
    fa: 'پیام می‌گوید حساب مسدود است یا بسته می‌شود مگر فوراً اقدام شود — ترفند فشار شناخته‌شده.',
  },
  'phishing.secret_pasted': {
    en: 'The customer pasted a {type}. It was masked; remind them never to share it.',
    ar: 'لصق العميل {type}. تم إخفاؤه؛ ذكّره بألا يشاركه أبدًا.',
    fa: 'مشتری {type} را فرستاده است. پوشانده شد؛ به او یادآوری کنید هرگز آن را به کسی ندهد.',
  },
  'phishing.secret_handed_over': {
    en: 'The customer says they already gave a {type} to someone who asked for it. Treat the account as at risk: help them secure it now.',
    ar: 'يقول العميل إنه أعطى {type} لشخص طلبه منه. اعتبر الحساب في خطر وساعده على تأمينه الآن.',
    fa: 'مشتری می‌گوید {type} را به کسی که خواسته بود داده است. حساب را در خطر بدانید و همین حالا به ایمن‌کردنش کمک کنید.',
  },
  'safe_reply.secret': {
    en: 'For your safety, please never share codes, passwords or card details with anyone — including us. We have hidden what you sent. If you did not request this code, tell us and we will help you secure your account.',
    ar: 'حفاظًا على أمانك، لا تشارك أي رمز أو كلمة مرور أو بيانات بطاقة مع أي شخص — حتى معنا. لقد أخفينا ما أرسلته. إذا لم تطلب هذا الرمز فأخبرنا لنساعدك في تأمين حسابك.',
    fa: 'برای امنیت شما، هرگز کد، رمز عبور یا اطلاعات کارت را با هیچ‌کس — حتی ما — در میان نگذارید. آنچه فرستادید را پنهان کردیم. اگر این کد را درخواست نکرده‌اید، به ما بگویید تا در ایمن کردن حسابتان کمک کنیم.',
  },
  'outbound.never_approvable': {
    en: 'A team lead cannot approve this either.',
    ar: 'ولا يمكن لقائد الفريق الموافقة على ذلك أيضًا.',
    fa: 'سرپرست تیم هم نمی‌تواند آن را تأیید کند.',
  },
  'approval.never': {
    en: 'Nobody can approve a reply that asks for a one-time code, password, PIN, card number or CVV. Rewrite the reply without asking for it.',
    ar: 'لا يمكن لأحد الموافقة على رد يطلب رمزًا لمرة واحدة أو كلمة مرور أو رقمًا سريًا أو رقم بطاقة أو CVV. أعد كتابة الرد دون طلبه.',
    fa: 'هیچ‌کس نمی‌تواند پاسخی را تأیید کند که کد یک‌بار مصرف، رمز عبور، رمز کارت، شمارهٔ کارت یا CVV می‌خواهد. پاسخ را بدون این درخواست بازنویسی کنید.',
  },
  'approval.unknown': {
    en: 'This reply has not been checked by the guard here, so it cannot be approved. Ask the agent to request approval again.',
    ar: 'لم يفحص الحارس هذا الرد هنا، لذا لا يمكن الموافقة عليه. اطلب من الموظف طلب الموافقة مرة أخرى.',
    fa: 'این پاسخ اینجا بررسی نشده است و نمی‌توان آن را تأیید کرد. از کارشناس بخواهید دوباره درخواست تأیید بدهد.',
  },
  'approval.invalid': {
    en: 'This approval does not match this reply, was already used or has expired. Ask your team lead to approve the reply again.',
    ar: 'هذه الموافقة لا تطابق هذا الرد، أو استُخدمت من قبل، أو انتهت صلاحيتها. اطلب من قائد فريقك الموافقة على الرد مرة أخرى.',
    fa: 'این تأیید با این پاسخ نمی‌خواند، پیش‌تر به کار رفته یا منقضی شده است. از سرپرست تیم بخواهید پاسخ را دوباره تأیید کند.',
  },
  'send.newer_message': {
    en: 'The customer wrote again while you were typing. Read the new message, then send your reply if it still fits.',
    ar: 'كتب العميل مجددًا أثناء كتابتك. اقرأ الرسالة الجديدة، ثم أرسل ردك إن كان لا يزال مناسبًا.',
    fa: 'مشتری در حین نوشتن شما دوباره پیام داد. پیام تازه را بخوانید و اگر پاسختان هنوز مناسب است، آن را بفرستید.',
  },
  'send.held': {
    en: 'Something newer arrived after you started this reply: the customer wrote again, or a colleague replied or added a note. Read it, then send.',
    ar: 'وصل شيء أحدث بعد أن بدأت هذا الرد: كتب العميل مجددًا، أو ردّ زميل أو أضاف ملاحظة. اقرأه ثم أرسل.',
    fa: 'پس از شروع این پاسخ چیز تازه‌تری رسید: مشتری دوباره پیام داد، یا همکاری پاسخ داد یا یادداشتی افزود. آن را بخوانید، سپس بفرستید.',
  },
  'send.window_closed': {
    en: 'The platform no longer accepts a reply in this conversation: its reply window has closed.',
    ar: 'لم تعد المنصة تقبل ردًا في هذه المحادثة: انتهت مهلة الرد.',
    fa: 'سکو دیگر در این گفتگو پاسخی نمی‌پذیرد: مهلت پاسخ بسته شده است.',
  },
  'send.human_agent_tag': {
    en: 'Past {hours} hours this platform accepts replies only with the human-agent tag. Tick it to send.',
    ar: 'بعد مرور {hours} ساعة لا تقبل هذه المنصة الردود إلا مع وسم «موظف بشري». فعّله لتتمكن من الإرسال.',
    fa: 'پس از {hours} ساعت این سکو پاسخ را فقط با برچسب «کارشناس انسانی» می‌پذیرد. برای فرستادن آن را علامت بزنید.',
  },
  'send.too_long': {
    en: '{platform} accepts replies of at most {max} {unit}; this one has {count}. Shorten it or split it into several replies.',
    ar: 'تقبل {platform} ردودًا لا تزيد على {max} {unit}؛ وهذا الرد فيه {count}. اختصره أو قسّمه إلى عدة ردود.',
    fa: '{platform} پاسخ‌هایی تا {max} {unit} می‌پذیرد؛ این پاسخ {count} دارد. کوتاهش کنید یا به چند پاسخ بشکنید.',
  },
  'approval.self': {
    en: 'A blocked reply needs a second person: the agent who wrote it cannot approve it.',
    ar: 'الرد المحظور يحتاج إلى شخص ثانٍ: لا يمكن لكاتبه أن يوافق عليه.',
    fa: 'پاسخ مسدودشده به فرد دوم نیاز دارد: نویسندهٔ آن نمی‌تواند تأییدش کند.',
  },
} as const;

export type MessageKey = keyof typeof MESSAGES;

const KIND_NAMES: Record<string, Record<GuardLang, string>> = {
  otp: { en: 'one-time code', ar: 'رمز لمرة واحدة', fa: 'کد یک‌بار مصرف' },
  card: { en: 'card number', ar: 'رقم بطاقة', fa: 'شمارهٔ کارت' },
  password: { en: 'password', ar: 'كلمة مرور', fa: 'رمز عبور' },
  pin: { en: 'PIN', ar: 'رقم سري (PIN)', fa: 'رمز کارت (PIN)' },
  cvv: { en: 'card security code (CVV)', ar: 'رمز أمان البطاقة (CVV)', fa: 'کد امنیتی کارت (CVV2)' },
  national_id: { en: 'national ID', ar: 'رقم هوية', fa: 'کد ملی' },
  phone: { en: 'phone number', ar: 'رقم هاتف', fa: 'شمارهٔ تلفن' },
  iban: { en: 'bank account number', ar: 'رقم حساب بنكي', fa: 'شمارهٔ حساب' },
  email: { en: 'e-mail address', ar: 'بريد إلكتروني', fa: 'نشانی ایمیل' },
};

const UNIT_NAMES: Record<'characters' | 'bytes', Record<GuardLang, string>> = {
  characters: { en: 'characters', ar: 'حرف', fa: 'نویسه' },
  bytes: { en: 'bytes', ar: 'بايت', fa: 'بایت' },
};

/** A length unit of a platform's reply limit, in the reader's language. */
export function unitName(unit: 'characters' | 'bytes', lang: GuardLang): string {
  return UNIT_NAMES[unit][lang];
}

/** A number in the digits of the language's own locale, so no sentence mixes two digit scripts. */
export function sayNumber(n: number, lang: GuardLang): string {
  return n.toLocaleString(lang === 'ar' ? 'ar-u-nu-arab' : lang === 'fa' ? 'fa-u-nu-arabext' : 'en');
}

export function kindName(kind: string, lang: GuardLang): string {
  return KIND_NAMES[kind.toLowerCase()]?.[lang] ?? KIND_NAMES[kind.toLowerCase()]?.en ?? kind.toLowerCase();
}

export function say(key: MessageKey, lang: GuardLang, vars: Record<string, string> = {}): string {
  const template: string = MESSAGES[key][lang] ?? MESSAGES[key].en;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
}
