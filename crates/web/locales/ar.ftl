app-name = تاندم
app-tagline = الأمن الإنساني معًا — تعاون لا اندماج.
nav-home = الرئيسية
nav-members = الأعضاء
nav-orgs = المنظمات
nav-sign-in = تسجيل الدخول
nav-sign-out = تسجيل الخروج
nav-language = اللغة
skip-to-content = انتقل إلى المحتوى

login-title = تسجيل الدخول
login-intro = سجّلوا الدخول بعنوان بريدكم الإلكتروني وكلمة المرور. جديد على تاندم؟ افتحوا رابط الدعوة الذي وصلكم.
login-joined = إذا كان هذا العنوان جديدًا على تاندم، فحسابكم جاهز وقد انضممتم: سجّلوا الدخول بكلمة المرور التي اخترتموها الآن. وإذا كان له حساب من قبل، فلم يتغير شيء: سجّلوا الدخول بذلك الحساب، ثم افتحوا رابط الدعوة مجددًا للرد.
login-email = البريد الإلكتروني
login-password = كلمة المرور
login-submit = دخول
login-failed = البريد الإلكتروني أو كلمة المرور غير صحيحة.
login-throttled = محاولات فاشلة كثيرة. حاول مرة أخرى بعد { $seconds } ثانية.
login-no-org = حسابك لا ينتمي إلى أي منظمة بعد. اطلب من أحد المسؤولين إضافتك.

home-title = الرئيسية
home-welcome = أهلًا بك يا { $name }.
home-acting-for = أنت تعمل باسم { $org } بصفة { $role }.
home-your-org = منظمتك

role-member = عضو
role-coordinator = منسّق
role-admin = مسؤول

kind-civil_society = مجتمع مدني
kind-security = قطاع الأمن
kind-government = حكومة
kind-international = دولية
kind-donor = جهة مانحة

flag-women-led = بقيادة نسائية
flag-youth-led = بقيادة شبابية
flag-minority-led = بقيادة أقلية

orgs-title = المنظمات
orgs-name = الاسم
orgs-kind = النوع
orgs-flags = القيادة
orgs-create = إنشاء منظمة
orgs-created = أُنشئت المنظمة.
orgs-none = لا توجد منظمات بعد.

members-title = أعضاء { $org }
members-email = البريد الإلكتروني
members-name = الاسم
members-role = الدور
members-since = عضو منذ
members-change-role = تغيير الدور
members-remove = إزالة
members-updated = حُدّث العضو.
members-removed = أُزيل العضو.

audit-title = النشاط الأخير

form-save = حفظ
form-error = يرجى تصحيح الحقول المشار إليها.
field-invalid = هذه القيمة غير مقبولة:

error-title = حدث خطأ ما
error-not-found = هذه الصفحة غير موجودة، أو لا يُسمح لك برؤيتها.
error-forbidden = دورك لا يسمح بذلك.
error-csrf = انتهت صلاحية هذا النموذج. عد إلى الخلف وأعد تحميل الصفحة وحاول مجددًا.
error-bad-request = تعذّر فهم الطلب.
error-internal = حدث خطأ داخلي وتم تسجيله.
error-back-home = العودة إلى الصفحة الرئيسية

nav-reports = البلاغات
nav-alerts = التنبيهات
nav-dashboard = لوحة المتابعة
nav-file = تقديم بلاغ

cat-hate_speech = خطاب الكراهية والتحريض
cat-repression = القمع والانتهاكات من جهات أمنية
cat-intercommunal_tension = توتر بين المجتمعات
cat-recruitment_activity = نشاط تجنيد
cat-gbv = العنف القائم على النوع الاجتماعي
cat-crime = الجريمة
cat-service_grievance = شكوى من الخدمات
cat-displacement = النزوح
cat-peace_initiative = مبادرة إيجابية أو للسلام

status-new = جديد
status-verified = تم التحقق
status-dismissed = مستبعد
status-closed = مغلق
status-open = مفتوح
status-withdrawn = مسحوب

channel-web = نموذج الويب
channel-hotline = الخط الساخن
channel-intake = النموذج العام
channel-api = واجهة برمجية
channel-csv = استيراد CSV
channel-sms = رسالة نصية
channel-openrosa = ODK/Kobo
channel-event_data = بيانات الأحداث

severity-1 = 1 – منخفضة
severity-2 = 2 – متوسطة
severity-3 = 3 – خطيرة
severity-4 = 4 – حرجة

report-area = المنطقة
report-category = الفئة
report-severity = الخطورة
report-occurred = متى حدث ذلك؟
report-description = ماذا حدث؟
report-description-hint = صف الوضع: ماذا وأين ومن المتضرر. لا تذكر أسماء أشخاص عاديين.
report-contact = كيف يمكننا التواصل معك؟ (اختياري)
report-contact-hint = لا يراه إلا منسقو منظمتك.
report-hotline = مكالمة على الخط الساخن: أسجّل هذا نيابة عن متصل يبقى مجهول الهوية
report-submit = إرسال البلاغ
report-filed = تم تسجيل البلاغ.
report-status = الحالة
report-channel = القناة
report-week = الأسبوع
report-verify = تحقق
report-dismiss = استبعاد
report-close = إغلاق
report-updated = تم تحديث البلاغ.
report-has-contact = تُرك وسيلة للتواصل.

reports-title = البلاغات
reports-new-title = تقديم بلاغ
reports-filter = تصفية
reports-any = الكل
reports-from = من
reports-to = إلى
reports-none = لا توجد بلاغات مطابقة.
report-title = بلاغ

alerts-title = التنبيهات
alert-title = تنبيه
alert-method = الطريقة
alert-observed = البلاغات في ذلك الأسبوع
alert-baseline = المتوسط المرجعي (الانحراف المعياري)
alert-statistic = الإحصائية
alert-assigned = مُسند إلى
alert-due = الموعد النهائي
alert-overdue = متأخر
alert-unassigned = لم يُسند إلى شريك
alerts-none = لا توجد تنبيهات.
alerts-overdue-title = ردود متأخرة
alert-assign = إسناد
alert-due-hours = الرد خلال (ساعات)
alert-assigned-ok = تم إسناد التنبيه.
alert-reports = البلاغات التي أدت إلى هذا التنبيه
alert-more-reports = … و{ $count } أخرى في قائمة البلاغات
alert-responses = الردود
alert-no-responses = لا يوجد رد بعد.
alert-respond = تسجيل رد
response-action = الإجراء المتخذ
response-outcome = النتيجة
response-when = متى
alert-responded = تم تسجيل الرد.
method-threshold = حد الخطورة
method-c1 = ارتفاع مفاجئ (EARS C1)
method-c2 = ارتفاع مقارنة بالأسابيع الأخيرة (EARS C2)
method-c3 = ارتفاع مستمر لعدة أسابيع (EARS C3)

dashboard-title = لوحة المتابعة
dashboard-map = التنبيهات المفتوحة حسب المنطقة
dashboard-series = البلاغات أسبوعيًا، آخر 26 أسبوعًا
dashboard-no-data = لا توجد بيانات بعد.

intake-title = أبلغ { $org } عن أمر يقلقك
intake-intro = لا تحتاج إلى حساب. لا نسجّل عنوانك ولا جهازك. صف الوضع لا الأشخاص.
intake-thanks-title = شكرًا لك
intake-thanks = تلقّت { $org } بلاغك. إن تركت وسيلة للتواصل فقد يتصل بك أحد المنسقين.
intake-another = الإبلاغ عن أمر آخر
intake-too-many = بلاغات كثيرة من هذا الاتصال. يرجى المحاولة لاحقًا.

nav-sharing = المشاركة
nav-shared = ما يُشارَك معنا
nav-protection = الحماية

level-country = الدولة
level-admin1 = الإقليم
level-admin2 = المقاطعة
level-locality = البلدة

sharing-title = اتفاقات المشاركة
sharing-intro = لا يخرج شيء من منظمتكم إلا بموجب اتفاق. يحدد كل اتفاق شريكًا واحدًا وما يجوز له رؤيته وكيف؛ وإلغاؤه يوقف المشاركة فورًا.
sharing-with = بين
sharing-to = { $org } يتلقى منا
sharing-from = نتلقى من { $org }
sharing-mode = الكيفية
sharing-mode-aggregates = أعداد مجمَّعة فقط
sharing-mode-records = سجلات مجهَّلة الهوية
sharing-mode-hint = الأعداد المجمعة هي أعداد البلاغات المؤكدة حسب المنطقة والأسبوع والفئة، مع إخفاء الأعداد الصغيرة. السجلات هي البلاغات المؤكدة نفسها، واحدًا واحدًا، بمنطقة أوسع (حتى المستوى الذي تختارونه)، باليوم فقط، دون المبلِّغ، ووصف خالٍ من الأسماء وأرقام الهواتف والبريد الإلكتروني وأرقام الهوية.
sharing-kind-reports = البلاغات
sharing-kind-violations = الانتهاكات الموثقة (أعداد فصلية حسب المنطقة والمؤسسة والفعل؛ لا واحدًا واحدًا أبدًا)
sharing-kind-alerts = التنبيهات المسندة إلى الشريك
sharing-kinds = ماذا
sharing-level = مستوى المنطقة
sharing-k = أصغر عدد يُعرض
sharing-k-hint = يُخفى كل عدد أصغر منه، ومعه أي عدد آخر قد يكشفه، حتى لا يمكن التعرف على أحد. 3 على الأقل؛ و5 هو المعتاد.
sharing-categories = الفئات
sharing-categories-hint = ضعوا علامة على كل نوع من الأحداث تريدون مشاركته، نوعًا واحدًا على الأقل. العنف القائم على النوع الاجتماعي حساس: لا تشاركوه إلا حيث تسمح سلامة الناجيات.
sharing-all-categories = كل الفئات
sharing-valid = الصلاحية
sharing-valid-to = صالح حتى (اختياري)
sharing-status = الحالة
sharing-status-in_force = سارٍ
sharing-status-revoked = ملغى
sharing-status-expired = منتهٍ
sharing-status-pending = لم يسرِ بعد
sharing-revoke = إيقاف المشاركة
sharing-none = لا توجد اتفاقات مشاركة.
sharing-new = اتفاق جديد
sharing-partner = المنظمة الشريكة
sharing-create = إنشاء الاتفاق
sharing-created = أُنشئ الاتفاق؛ تبدأ المشاركة الآن.
sharing-revoked = أُلغي الاتفاق؛ لم يعد يُشارَك شيء.

shared-title = ما يُشارَك معنا
shared-none = لا تشارك أي منظمة شيئًا مع منظمتكم حاليًا.
shared-alerts = التنبيهات المسندة إلينا
shared-owner = من
shared-from = البلاغات المؤكدة لـ { $org }
shared-explain = أعداد البلاغات المؤكدة حسب { $level } والأسبوع والفئة. تُخفى الأعداد الأصغر من { $k } حتى لا يمكن التعرف على أي مبلِّغ.
shared-total = المجموع
shared-suppressed = مخفي لحماية من أبلغوا
shared-legend = – : مخفي لأنه صغير أو لأنه يكشف عددًا صغيرًا. المناطق والفئات غير الظاهرة لم تكن فيها بلاغات مؤكدة.
shared-below-k = أقل من أصغر عدد في الاتفاق
shared-no-weeks = لا توجد بلاغات مؤكدة في هذه الأسابيع.
shared-released = يُعرض الأسبوع بعد انتهائه ومرور { $days } أيام أخرى للتحقق من بلاغاته (آخرها: { $week })، ولا يتغير بعد ذلك.
shared-weeks = الأسابيع
shared-records-link = السجلات مجهَّلة الهوية
shared-records-title = السجلات المشارَكة
shared-records-intro = بلاغات مؤكدة مشارَكة معكم: منطقة أوسع، اليوم فقط، دون المبلِّغ، ووصف خالٍ من الأسماء وأرقام الهواتف والبريد الإلكتروني وأرقام الهوية.
shared-date = اليوم
shared-violation-records-title = الانتهاكات المشتركة
shared-violation-records-intro = انتهاكات مُتحقَّق منها تُشارَك معكم واحدًا واحدًا: المنطقة موسَّعة، والشهر على الأكثر، ونوع المؤسسة دون الوحدة، وعدد الضحايا دون هوياتهم، مع حذف الأسماء من الأوصاف.
shared-records-none = لا تُشارَك معكم بلاغات مُتحقَّق منها واحدًا واحدًا.
shared-violation-act = الانتهاك
shared-violation-records-most-recent = تُعرض هنا أحدث { $count } من كل منظمة.
shared-alert-note = ترون هذا التنبيه لأنه أُسند إلى منظمتكم بموجب اتفاق مشاركة. تبقى البلاغات التي يستند إليها لدى صاحبها.

report-contact-show = عرض وسيلة الاتصال
report-contact-shown = وسيلة الاتصال:
report-contact-audited = تُسجَّل كل قراءة باسمك.
report-erase = محو هذا البلاغ
report-erase-explain = بطلب من المبلِّغ: يُحذف البلاغ ووسيلة الاتصال نهائيًا. ولا يبقى إلا سجلٌّ بأن بلاغًا قد مُحي، ومن محاه ومتى.
report-erase-confirm = أؤكد المحو
report-erased = مُحي البلاغ.

alert-assign-to = إسناد إلى
alert-assign-own = منظمتي
alert-shared-assigned = مشارَك مع الجهة المسند إليها بموجب اتفاق مشاركة.

protection-title = الحماية
protection-intro = ما تحتفظ به منظمتكم عن الأشخاص، ولأي مدة.
names-title = الأسماء المحمية
names-intro = أسماء أشخاص عاديين يجب ألا تخرج أبدًا من منظمتكم. تُزال من كل وصف يُشارَك مع الشركاء، وتُخزَّن مشفرة.
names-hint = أضيفوا اسمًا واحدًا في كل مرة، وكذلك الألقاب والتهجئات الأخرى والاسم بالحروف اللاتينية. يُعثر على الاسم أيضًا حين يأتي اسم العائلة أولًا، وداخل روابط الويب وأسماء حسابات التواصل الاجتماعي.
names-add = إضافة اسم
names-remove = إزالة
names-none = لا توجد أسماء محمية بعد.
names-added = أُضيف الاسم.
names-removed = أُزيل الاسم.
retention-title = مدة الاحتفاظ
retention-now = يُحتفظ بوسائل اتصال المبلِّغين { $contact } يومًا، وبالبلاغات المستبعدة { $dismissed } يومًا.
retention-contact = الاحتفاظ بوسائل الاتصال (أيام)
retention-dismissed = الاحتفاظ بالبلاغات المستبعدة (أيام)
retention-saved = حُفظت مدد الاحتفاظ.
retention-purge = التطبيق الآن
retention-purged = حُذفت { $contacts } وسيلة اتصال و{ $reports } بلاغًا مستبعدًا.
export-title = تصدير بياناتنا
export-intro = كل ما تملكه منظمتكم، للحفظ أو للنقل. تبقى وسائل الاتصال والأسماء المحمية في Tandem.
export-jsonl = كل شيء، بصيغة أسطر JSON

nav-index = مؤشر الوقاية
index-title = مؤشر الوقاية
index-none = لم يُنشر أي إصدار من المؤشر بعد.
index-intro = لكل بلد: خطر التطرف العنيف، واحترام حقوق الإنسان والفضاء المدني، والتزامات الوقاية التي قطعها، كما يتابعها المجتمع المدني. تتراوح الدرجات من 0 إلى 100؛ والأعلى أفضل دائمًا، حتى في الخطر (درجة خطر عالية تعني خطرًا قليلًا). تعرض صفحة كل بلد المدخلات التي تستند إليها أرقامه.
index-methodology = المنهجية
index-data-year = بيانات سنة { $year }
index-published = نُشر في
index-export-csv = تنزيل CSV (HXL)
index-export-json = JSON
index-methodology-file = ملف المنهجية
index-map-title = درجة المؤشر حسب البلد
index-map-caption = كلما كان الأخضر أغمق كانت الدرجة أعلى؛ والبلدان الرمادية بلا درجة. الرقم على كل بلد هو ترتيبه في الجدول أدناه.
index-rank = الترتيب
index-country = البلد
index-score = الدرجة
index-band = الفئة
index-interval = مجال الترتيب (5–95%)
index-interval-text = بين { $p5 } و{ $p95 } في 90% من السحوبات (الوسيط { $median })
index-no-score = بلا درجة
index-uncertainty = ما مدى يقين الترتيب؟
index-uncertainty-intro = أُعيد حساب المؤشر { $draws } مرة مع تغيير كل وزن بما يصل إلى 25% وتبديل طريقة تطبيع كل مؤشر عشوائيًا. يغطي كل خط المراتب التي نالها بلد في 90% من السحوبات؛ والنقطة ترتيبه.
index-editions = إصدارات أخرى
index-pillars = الركائز
index-pillar = الركيزة
index-weight = الوزن
index-indicators = المؤشرات ومدخلاتها
index-indicators-intro = لكل مؤشر: القيمة المستخدمة ومصدرها، وكيف عولجت البيانات الناقصة، والقيمة بعد التحويل، والدرجة من 0 إلى 100 (الأعلى أفضل).
index-source = المصدر
index-raw = القيمة المستخدمة
index-transformed = بعد التحويل
index-evidence-data = قيمة سنة { $year }، من { $source }.
index-evidence-link = دليل
index-incidents-caption = المجموع المرجّح لخمس سنوات { $total } (الأدنى في الإصدار { $lowest }، والأعلى { $highest })
index-year = السنة
index-incidents = الحوادث
index-fatalities = القتلى
index-injuries = الجرحى
index-damage = الأضرار
index-year-score = درجة السنة
index-trend = الدرجة عبر الإصدارات
index-edition = الإصدار
treatment-observed = مرصودة
treatment-carried_forward = منقولة من سنة سابقة
treatment-mean = ناقصة: متوسط البلدان الأخرى
treatment-worst = ناقصة: أسوأ قيمة مرصودة
treatment-excluded = ناقصة: مستبعدة
direction-higher_is_better = الأعلى أفضل
direction-higher_is_worse = الأعلى أسوأ
commitment-yes = نعم
commitment-partial = جزئيًا
commitment-no = لا

# Invitations (issue 12)
members-invite = دعوة شخص
members-invite-intro = لا يصبح الشخص عضوًا إلا بعد قبوله. تحصلون على رابط لتسليمه إليه، ويرى اسم منظمتكم ونوعها قبل أن يجيب.
invitation-made = الدعوة جاهزة لـ { $email }
invitation-made-hint = سلِّموا هذا الرابط إلى الشخص بوسيلة موثوقة. يبقى صالحًا حتى { $date }. ينشئ به الشخص الجديد على تاندم حسابه، ويمكن لمن لديه حساب أن يجيب أيضًا بعد تسجيل الدخول. فقدتم الرابط؟ اسحبوا الدعوة أدناه وادعوا مجددًا.
invitations-pending = بانتظار الرد
invitations-until = صالحة حتى
invitation-withdraw = سحب
invitation-withdrawn = سُحبت الدعوة.
invitations-title = منظماتكم ودعواتكم
invitations-waiting = دعوات بانتظار ردكم
invitations-none = لا توجد دعوة بانتظاركم.
invitations-your-orgs = المنظمات التي أنتم أعضاء فيها
invitations-acting-now = أنتم تعملون الآن باسم هذه المنظمة.
invitations-switch = العمل باسم هذه المنظمة
kind-about-civil_society = مجموعة أو جمعية أو شبكة من المجتمع المدني
kind-about-security = مركز شرطة أو درك أو وحدة عسكرية أو جهة أمنية أخرى
kind-about-government = وزارة أو سلطة محلية أو هيئة عامة أخرى
kind-about-international = منظمة أو شبكة دولية
kind-about-donor = جهة مانحة أو ممولة
invitation-asks = تدعوكم { $org } للانضمام. دوركم فيها: { $role }.
invitation-until = هذه الدعوة صالحة حتى { $date }.
invitation-accept = القبول والانضمام
invitation-decline = الرفض
invitation-accepted = انضممتم. اختاروا أدناه المنظمة التي تعملون باسمها.
invitation-declined = رُفضت الدعوة.
invitations-answer-by-link = للرد، افتحوا رابط الدعوة الذي أُرسل إليكم. هل فقدتموه؟ اطلبوا دعوة جديدة من المنظمة.
org-switched = أنتم تعملون الآن باسم منظمة أخرى.
invitation-title = دعوة من { $org }
invitation-for = إلى { $email }. الدور: { $role }.
invitation-independence = تحتفظ كل منظمة بسجلاتها: الانضمام يمنحكم الوصول إلى عمل هذه المنظمة، ولا يمنحها الوصول إلى عملكم.
invitation-someone-else = هذه الدعوة موجهة إلى عنوان آخر. سجِّلوا الخروج ثم افتحوا الرابط مجددًا.
invitation-have-account = لديكم حساب على تاندم؟
invitation-sign-in = سجِّلوا الدخول للرد
invitation-new-account = جديد على تاندم؟ أنشئوا حسابكم
invitation-password = اختاروا كلمة مرور
invitation-password-hint = عشرة أحرف على الأقل. لا يعرفها أحد غيركم.
invitation-create = إنشاء حسابي والانضمام
home-other-orgs = { $count ->
    [one] أنتم أعضاء في منظمة أخرى: بدِّلوا من هنا.
   *[other] أنتم أعضاء في { $count } منظمات أخرى: بدِّلوا من هنا.
  }
home-invitations = { $count ->
    [one] دعوة بانتظار ردكم.
   *[other] { $count } دعوات بانتظار ردكم.
  }

# Field teams (issue 12)
nav-field = الفرق الميدانية
field-title = الفرق الميدانية (⁨ODK Collect⁩)
field-intro = يملأ الفريق الميداني استمارة البلاغ (أو أسئلة استطلاع تختارها أدناه) على الهاتف باستخدام ⁨ODK Collect⁩ أو ⁨KoboCollect⁩، حتى دون اتصال؛ ويصل ما يملؤه إلى هنا حين يتصل الهاتف بالإنترنت (البلاغات مع صورها مخزّنةً مشفرة). امنحوا كل فريق وصولًا خاصًا به، واسحبوه فورًا إذا فُقد هاتف.
field-made = الوصول جاهز لـ { $name }
field-step-install = على الهاتف، ثبّتوا تطبيق ⁨ODK Collect⁩ من متجر التطبيقات.
field-step-scan = افتحوا ⁨ODK Collect⁩، واختاروا «إضافة مشروع» ثم «الإعداد برمز QR»، وامسحوا هذا الرمز.
field-step-done = تظهر الاستمارة تحت «بدء استمارة جديدة». تُرسل الاستمارات المملوءة عند اتصال الهاتف.
field-qr-label = رمز إعداد ⁨ODK Collect⁩ لـ { $name }
field-manual = دون كاميرا: في ⁨ODK Collect⁩ اختاروا «إدخال تفاصيل المشروع يدويًا» واكتبوا عنوان الخادم هذا.
field-once = لا يظهر هذا الرمز إلا الآن. إذا فُقد، اسحبوا هذا الوصول وأنشئوا غيره.
field-teams = الفرق التي لديها وصول
field-none = لا يوجد فريق ميداني لديه وصول بعد.
field-name = اسم الفريق
field-name-hint = من يحمل الهواتف، مثل «فريق سوق كومبا».
field-since = منذ
field-status = الوصول
field-revoke = سحب
field-revoked-on = سُحب في { $date }
field-revoked = سُحب الوصول. لم يعد بإمكان الهواتف التي تستخدمه إرسال بلاغات.
field-new = منح فريق وصولًا
field-create = إنشاء الوصول وعرض الرمز
report-files = الملفات
report-file-open = تنزيل
report-files-sealed = تُخزَّن الملفات مشفرة. يُسجَّل كل تنزيل في سجل التدقيق.
report-file-size = { $kb } ك.ب

# Alerts as episodes, and dates as people write them.
episode-reports = { $count ->
    [one] بلاغ واحد من نوع «{ $category }» في { $area }، { $dates }.
    [two] بلاغان من نوع «{ $category }» في { $area }، { $dates }.
    [few] { $count } بلاغات من نوع «{ $category }» في { $area }، { $dates }.
   *[other] { $count } بلاغًا من نوع «{ $category }» في { $area }، { $dates }.
}
episode-severe = بلاغ من نوع «{ $category }» في { $area } بدرجة خطورة تطلق تنبيهًا فورًا، { $dates }.
episode-usual = عادةً من { $lo } إلى { $hi } في الأسبوع.
episode-usual-one = عادةً { $lo } في الأسبوع.
episode-folded = { $count ->
    [one] رصده أيضًا اختبار أو مستوى جغرافي آخر
    [two] رصده أيضًا اختباران أو مستويان جغرافيان آخران
   *[other] رصده أيضًا { $count } من الاختبارات أو المستويات الجغرافية الأخرى
}
episode-folded-item = { $method } في { $area }: { $count } في ذلك الأسبوع ({ $dates })
episode-assigned = أُسند إلى شريك
episodes-intro = كل عنصر حلقة واحدة: النوع نفسه من الأحداث في المكان نفسه على أسابيع متتالية. الاختبارات والمستويات الجغرافية التي رصدته مطوية بداخله.
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر
alert-how = كيف أُطلق هذا التنبيه

# What needs the signed-in person, on the home page.
needs-title = ما ينتظركم
needs-nothing = لا شيء بانتظاركم: لا بلاغ للتحقق منه، ولا تنبيه مستحق، ولا شيء أُسند إلى منظمتكم.
needs-verify = { $count ->
    [one] بلاغ واحد ينتظر التحقق
    [two] بلاغان ينتظران التحقق
    [few] { $count } بلاغات تنتظر التحقق
   *[other] { $count } بلاغًا تنتظر التحقق
}
needs-verify-many = { $count } بلاغ أو أكثر تنتظر التحقق
needs-overdue = { $count ->
    [one] تنبيه واحد تجاوز موعد الرد
    [two] تنبيهان تجاوزا موعد الرد
    [few] { $count } تنبيهات تجاوزت موعد الرد
   *[other] { $count } تنبيهًا تجاوزت موعد الرد
}
needs-due-soon = { $count ->
    [one] تنبيه واحد يجب الرد عليه خلال يوم
    [two] تنبيهان يجب الرد عليهما خلال يوم
    [few] { $count } تنبيهات يجب الرد عليها خلال يوم
   *[other] { $count } تنبيهًا يجب الرد عليها خلال يوم
}
needs-unassigned = { $count ->
    [one] تنبيه واحد لم يُسند إلى أحد بعد
    [two] تنبيهان لم يُسندا إلى أحد بعد
    [few] { $count } تنبيهات لم تُسند إلى أحد بعد
   *[other] { $count } تنبيهًا لم تُسند إلى أحد بعد
}
needs-answered = { $count ->
    [one] ردّ شريك على تنبيه أسندتموه إليه
   *[other] ردّ الشركاء على { $count } من التنبيهات التي أسندتموها إليهم
}
needs-handed = { $count ->
    [one] أُسند تنبيه واحد إلى منظمتكم ({ $waiting } بانتظار ردكم)
   *[other] أُسند { $count } من التنبيهات إلى منظمتكم ({ $waiting } بانتظار ردكم)
}
nav-menu = القائمة
nav-main = القائمة الرئيسية
alert-report-count = { $count ->
    [one] بلاغ واحد
    [two] بلاغان
    [few] { $count } بلاغات
   *[other] { $count } بلاغًا
}

# Form errors, beside their field and in the summary at the top of the page.
error-summary = هناك مشكلة
problem-required = املؤوا هذا الحقل.
problem-too-short = استخدموا { $min } أحرف على الأقل.
problem-too-long = استخدموا { $max } حرفًا على الأكثر.
problem-control = احذفوا أحرف التحكم غير المرئية.
problem-future = لا يمكن أن يكون التاريخ في المستقبل.
problem-past = لا يمكن أن يكون التاريخ في الماضي.
problem-too-early = يجب أن يكون التاريخ في { $year } أو بعده.
problem-range = أدخلوا عددًا صحيحًا من { $min } إلى { $max }.
problem-unknown = اختاروا أحد الخيارات المعروضة.
problem-not-email = أدخلوا عنوان بريد إلكتروني مثل name@example.org.
problem-email-script = استخدموا في العنوان حروفًا لاتينية دون علامات، وأرقامًا و . _ % + - فقط.
problem-too-far-ahead = يجب أن يكون التاريخ خلال { $months } شهرًا.
problem-end-before-start = يجب أن تأتي النهاية بعد البداية.
problem-other = هذه القيمة غير مقبولة.
label-other = هذا النموذج
label-action = { response-action }
label-outcome = { response-outcome }
label-area = { report-area }
label-category = { report-category }
label-severity = { report-severity }
label-description = { report-description }
label-occurred_at = { report-occurred }
label-display_name = اسمكم
label-password = كلمة المرور
label-email = البريد الإلكتروني
label-name = الاسم
label-k = أصغر عدد يُعرض
label-kind = النوع
label-partner_org = المنظمة الشريكة
label-valid_to = صالح حتى
label-contact_days = مدة حفظ جهات الاتصال (أيام)
label-dismissed_days = مدة حفظ البلاغات المستبعدة (أيام)
error-summary-item = { $field } — { $message }

# Confirming what cannot be undone.
confirm-cancel = لا، العودة
sharing-revoke-question = إيقاف المشاركة مع { $partner }؟
sharing-revoke-explain = يفقد الشريك الوصول فورًا: تختفي الأعداد والسجلات والتنبيهات المشتركة من صفحاته. ما نزّله من قبل يبقى لديه. لا يمكن التراجع عن ذلك؛ أي اتفاق جديد يبدأ من البداية.
members-remove-question = إزالة { $name } ({ $email }) من منظمتكم؟
members-remove-explain = تنتهي جلساته لمنظمتكم فورًا ولا يعود يرى بلاغاتها ولا تنبيهاتها. يبقى حسابه، مع أي منظمة أخرى ينتمي إليها.
field-revoke-question = إلغاء وصول { $name }؟
field-revoke-explain = لا تعود الهواتف المهيأة بهذا الوصول قادرة على جلب النموذج ولا إرسال البلاغات. تبقى البلاغات التي وصلت. امنحوا الفريق وصولًا جديدًا إن ظل بحاجة إليه.
names-remove-question = إيقاف حماية الاسم { $name }؟
names-remove-explain = لن يُستبدل هذا الاسم بعد الآن في الأوصاف التي تُشارك. السجلات التي شوركت من قبل لا تتغير.
problem-none-chosen = اختاروا خيارًا واحدًا على الأقل.
label-categories = { sharing-categories }

# An alert acknowledged, then closed with an outcome.
alert-acknowledge = أتولى الأمر
alert-acknowledge-hint = يُعلم الآخرين في منظمتكم أن أحدًا يتابع هذا التنبيه.
alert-acknowledged = تم التكفل: يرى الآخرون أن أحدًا يتابع الأمر.
alert-acknowledged-on = مفتوح، تم التكفل به في { $date }
alert-close-title = إغلاق هذا التنبيه
alert-close-how = كيف انتهى الأمر؟
alert-close-hint = إغلاق التنبيه يغلق أيضًا الاختبارات والمستويات الجغرافية المطوية معه. البلاغات الجديدة لن تعيد فتحه.
alert-close = إغلاق التنبيه
alert-closed = أُغلق التنبيه.
alert-closed-as = مغلق: { $outcome }
outcome-resolved = حُلّ، عولج الوضع
outcome-false_alarm = إنذار كاذب، لم تؤكده البلاغات
outcome-no_longer_relevant = لم يعد ذا صلة، انتهى أو خرج عن نطاقنا
label-close_outcome = كيف انتهى
episode-acknowledged = أحدٌ يتابعه

# The front door, for visitors without an account.
front-title = الأمن الإنساني معًا
front-intro = هنا تعمل مجموعات المجتمع المدني المحلية والمجتمعات والشرطة وأجهزة الأمن الأخرى والسلطات المحلية معًا على الإنذار المبكر والاستجابة، ويحتفظ كل منها بسجلاته: تعاون لا اندماج.
front-report = الإبلاغ عن مخاوف
front-report-intro = أخبروا إحدى هذه المنظمات بما يحدث. لا تحتاجون إلى حساب، ولا نسجّل عنوانكم ولا جهازكم.
front-report-to = الإبلاغ عن مخاوف إلى { $org }
front-no-orgs = لا توجد هنا بعد منظمة تتلقى بلاغات من الجمهور.
front-who-reads = من يقرأ ما ترسلونه
front-who-reads-text = يذهب بلاغكم فقط إلى المنظمة التي تختارونها. إن تركتم وسيلة للتواصل معكم فلا يراها إلا منسقوها، وتُسجَّل كل مرة يطّلعون عليها. وحين تشارك المنظمة مع شركاء مثل الشرطة، فإنها تشارك أعدادًا، أو أوصافًا حُذفت منها أرقام الهواتف وعناوين البريد الإلكتروني والأسماء التي تحميها؛ ولا تشارك أبدًا وسيلة التواصل معكم.
front-members = الأعضاء
intake-contact-hint = لا يرى هذا إلا منسقو { $org }. ولا يُشارك أبدًا مع الشركاء.

# The organisation's recent activity, as sentences.
audit-event-alert-assign = أسند { $who } تنبيهًا للرد عليه
audit-event-alert-respond = سجّل { $who } ردًا على تنبيه
audit-event-alert-acknowledge = تكفّل { $who } بتنبيه
audit-event-alert-close = أغلق { $who } تنبيهًا
audit-event-app-user-create = منح { $who } فريقًا ميدانيًا وصوله
audit-event-app-user-revoke = ألغى { $who } وصول فريق ميداني
audit-event-attachment-read = فتح { $who } ملفًا مرفقًا ببلاغ
audit-event-auth-sign-in = سجّل { $who } الدخول
audit-event-auth-sign-in-failed = محاولة دخول بكلمة مرور خاطئة
audit-event-auth-sign-in-throttled = إبطاء الدخول بعد إخفاقات متكررة
audit-event-auth-sign-out = سجّل { $who } الخروج
audit-event-contact-read = اطّلع { $who } على وسيلة تواصل مُبلِّغ
audit-event-invitation-accept = قبل { $who } دعوة
audit-event-invitation-decline = رفض { $who } دعوة
audit-event-invitation-create = دعا { $who } شخصًا
audit-event-invitation-withdraw = سحب { $who } دعوة
audit-event-member-add = أضاف { $who } عضوًا
audit-event-member-remove = أزال { $who } عضوًا
audit-event-member-role = غيّر { $who } دور عضو
audit-event-org-export = صدّر { $who } بيانات المنظمة
audit-event-protected-name-add = أضاف { $who } اسمًا محميًا
audit-event-protected-name-remove = أزال { $who } اسمًا محميًا
audit-event-report-erase = محا { $who } بلاغًا
audit-event-report-verified = تحقق { $who } من بلاغ
audit-event-report-dismissed = استبعد { $who } بلاغًا
audit-event-report-closed = أغلق { $who } بلاغًا
audit-event-report-create = قدّم { $who } بلاغًا
audit-event-reports-import = استورد { $who } بلاغات
audit-event-retention-purge = حُذفت جهات الاتصال القديمة والبلاغات المستبعدة
audit-event-retention-set = غيّر { $who } مدة الحفظ
audit-event-sharing-create = أبرم { $who } اتفاق مشاركة
audit-event-sharing-revoke = ألغى { $who } اتفاق مشاركة
audit-event-submission-receive = وصل بلاغ من فريق ميداني
audit-event-user-create = أُنشئ حساب
audit-event-other = أجرى { $who } تغييرًا ({ $action })
audit-someone = أحدهم
pager-label = صفحات البلاغات
pager-newer = بلاغات أحدث
pager-older = بلاغات أقدم
pager-page = الصفحة { $page }
date-moment = { $day }، { $time } غرينتش
alert-acknowledged-by = مفتوح؛ يتابعه { $name } منذ { $date }
alerts-handed-elsewhere = التنبيهات التي أسندتها منظمات أخرى إلى منظمتكم موجودة في «{ nav-shared }».

# Maps and charts that read without hovering.
map-legend = الألوان
map-key = الأرقام على الخريطة
legend-exact = { $n ->
    [0] لا تنبيه مفتوح
    [one] تنبيه مفتوح واحد
    [two] تنبيهان مفتوحان
    [few] { $n } تنبيهات مفتوحة
   *[other] { $n } تنبيهًا مفتوحًا
}
legend-range = من { $lo } إلى { $hi } تنبيهات مفتوحة
legend-more = { $lo } تنبيهات مفتوحة أو أكثر
legend-areas = { $count ->
    [zero] لا منطقة
    [one] منطقة واحدة
    [two] منطقتان
    [few] { $count } مناطق
   *[other] { $count } منطقة
}
open-alerts = { $count ->
    [one] تنبيه مفتوح واحد
    [two] تنبيهان مفتوحان
    [few] { $count } تنبيهات مفتوحة
   *[other] { $count } تنبيهًا مفتوحًا
}
dashboard-map-none = لا توجد منطقة على الخريطة لديها تنبيه مفتوح.
dashboard-larger = التنبيهات المفتوحة لمناطق أكبر (غير مرسومة على الخريطة)
dashboard-to-alerts = عرض كل التنبيهات المفتوحة
series-total = { $count ->
    [zero] لا بلاغات
    [one] بلاغ واحد
    [two] بلاغان
    [few] { $count } بلاغات
   *[other] { $count } بلاغًا
}
series-most = الأكثر في أسبوع واحد: { $count }
comma = ،

# Index pages: names, not codes.
index-edition-name = { $half ->
    [1] النصف الأول من { $year }
   *[other] النصف الثاني من { $year }
}
transform-none = دون تحويل
transform-log1p = لوغاريتم (للأعداد شديدة التفاوت)
transform-winsorise = تقليص القيم المتطرفة
normalise-minmax = مقيسة من الأدنى إلى الأعلى
normalise-zscore = مقيسة بالبعد عن المتوسط
shared-too-few = أقل من أن يُعرض
index-legend-range = الدرجة من { $lo } إلى { $hi }
legend-countries = { $count ->
    [zero] لا بلدان
    [one] بلد واحد
    [two] بلدان اثنان
    [few] { $count } بلدان
   *[other] { $count } بلدًا
}

# Sharing: a preview before an agreement is made, and why partners see dashes.
sharing-preview = معاينة ما سيراه الشريك
preview-title = ما ستراه { $partner }
preview-intro = لم تتم مشاركة أي شيء بعد. تحققوا مما سيراه الشريك لو أبرمتم هذا الاتفاق الآن؛ لا يُبرم إلا عند الضغط على «إنشاء الاتفاق».
preview-terms = الاتفاق
preview-until = حتى { $date }، ما لم يُلغَ قبل ذلك
preview-until-revoked = حتى تلغوه
preview-gbv = يشارك هذا الاتفاق العنف القائم على النوع الاجتماعي. لا تشاركوه إلا حيث تسمح سلامة الناجيات.
preview-tables = جداوله لآخر { $weeks } أسابيع
preview-records = أول السجلات التي سيتلقاها
preview-alerts-only = لا يشارك هذا الاتفاق أي بلاغ: لا يرى الشريك إلا التنبيهات التي تسندونها إليه.
preview-change = تعديل الاتفاق
shared-hidden-count = { $count ->
    [one] عدد واحد مخفي
    [two] عددان مخفيان
    [few] { $count } أعداد مخفية
   *[other] { $count } عددًا مخفيًا
}
shared-why-title = لماذا تُخفى بعض الأعداد؟
shared-why = قد يدل عدد صغير من البلاغات من مكان صغير على الشخص الذي قدمها. لذلك يُخفى كل عدد أصغر مما يسمح به الاتفاق، وتُخفى معه أعداد أخرى قليلة قد تسمح باستنتاجه من المجاميع. ولا يُعرض العدد المخفي لاحقًا أبدًا.
date-range-days = من { $from } إلى { $to } { $month } { $year }
date-range-months = من { $from } إلى { $to } { $year }
date-range-years = من { $from } إلى { $to }
number-range = من { $lo } إلى { $hi }
audit-event-sharing-aggregates-read = اطّلع { $who }، من منظمة شريكة، على الأعداد التي تشاركونها
audit-event-sharing-records-read = اطّلع { $who }، من منظمة شريكة، على السجلات التي تشاركونها
audit-event-violation-create = وثّق { $who } انتهاكًا
audit-event-violation-verify = تحقق { $who } من انتهاك
preview-records-warning = تُرسل السجلات واحدًا واحدًا: يصل كل بلاغ مؤكد من هذه الفئات إلى الشريك، حتى حيث تخفي الجداول أعلاه عددًا صغيرًا. لا تختاروا السجلات إلا لشريك تأتمنونه على كل بلاغ.
episode-span = غير معتاد خلال الفترة { $dates }.
form-choose = — اختر —
colon = :
index-interval-fixed = المرتبة { $rank } في 90% على الأقل من السحوبات: لا تكاد المرتبة تتأثر بالأوزان
audit-event-violation-refer = أحال { $who } انتهاكًا إلى الجهات المعنية
audit-event-violation-respond = سجّل { $who } الرد على إحالة
audit-event-violation-end = أغلق { $who } ملف انتهاك

# The observatory's pages.
nav-violations = الانتهاكات
violations-title = انتهاكات حقوق الإنسان
violations-intro = الانتهاكات التي وثقتها منظمتكم. يتحقق من كل منها منسق ثانٍ قبل أن تُحتسب، ثم تُحال إلى الجهات المعنية حتى يأتي ردها.
violations-waiting = { $count ->
    [one] انتهاك واحد ينتظر أن يتحقق منه منسق ثانٍ
    [two] انتهاكان ينتظران أن يتحقق منهما منسق ثانٍ
    [few] { $count } انتهاكات تنتظر أن يتحقق منها منسق ثانٍ
   *[other] { $count } انتهاكًا تنتظر أن يتحقق منها منسق ثانٍ
}
violations-overdue = { $count ->
    [one] إحالة واحدة تجاوزت موعدها دون رد
    [two] إحالتان تجاوزتا موعدهما دون رد
    [few] { $count } إحالات تجاوزت موعدها دون رد
   *[other] { $count } إحالة تجاوزت موعدها دون رد
}
violation-status = أين وصل
vstatus-documented = موثق، لم يُتحقق منه بعد
vstatus-verified = متحقق منه
vstatus-referred = محال، في انتظار الرد
vstatus-responded = ورد الرد
vstatus-remedied = عولج
vstatus-closed = مغلق
act-arbitrary_arrest = اعتقال أو احتجاز تعسفي
act-torture_ill_treatment = تعذيب أو سوء معاملة
act-extrajudicial_killing = قتل خارج نطاق القضاء
act-enforced_disappearance = اختفاء قسري
act-sexual_violence = عنف جنسي
act-excessive_force = استخدام مفرط للقوة
act-extortion = ابتزاز
act-destruction_of_property = تدمير ممتلكات
act-restriction_of_assembly = تقييد التجمع السلمي
act-threat_to_defender = تهديد مدافع أو موظف في منظمة مجتمع مدني
act-attack_on_defender = اعتداء على مدافع أو موظف في منظمة مجتمع مدني
ikind-police = شرطة
ikind-gendarmerie = درك
ikind-military = جيش
ikind-intelligence = جهاز استخبارات
ikind-prison = إدارة السجون
ikind-ministry = وزارة
ikind-local_authority = سلطة محلية
ikind-armed_group = جماعة مسلحة
ikind-other_public_body = هيئة عامة
violation-date-unknown = التاريخ غير معروف
violation-victims = { $count ->
    [one] ضحية واحدة
    [two] ضحيتان
    [few] { $count } ضحايا
   *[other] { $count } ضحية
}
violation-when = متى
violation-institution = المؤسسة المعنية
violation-victims-title = الضحايا
violation-women-men = نساء { $women }، رجال { $men }
violation-documented = وثّقه
violation-imported = مستورد
violation-verified = تحقق منه
violation-referred = أحيل إلى
violation-due = الرد متوقع في { $date }
violation-ask = المطلوب
violation-answer = ردهم
violation-verify-explain = أنتم المفتاح الثاني: تحققوا من الوقائع والمصدر قبل التأكيد. بعد التحقق يُحتسب في إحصاءاتكم ويمكن إحالته.
violation-verify = التحقق من هذا الانتهاك
violation-second-key = ينتظر منسقًا ثانيًا: لا يمكن لمن وثّقه أن يتحقق منه.
violation-refer-title = إحالته إلى الجهات المعنية
violation-to-org = منظمة على تاندم
violation-not-on-tandem = — ليست على تاندم —
violation-to = أو المؤسسة، باسمها
violation-to-hint = مثلًا قائد اللواء أو وزارة العدل. اتركوه فارغًا إذا اخترتم منظمة أعلاه.
violation-due-label = الرد متوقع قبل
violation-refer = إحالة
violation-answer-label = ما ردّت به { $to }
violation-answer-record = تسجيل ردهم
violation-remedied = وضع علامة «عولج»
violation-close = إغلاق الملف
violations-back = كل الانتهاكات
violations-none = لم يُوثق أي انتهاك بعد.
violations-none-filtered = لا يوجد انتهاك مطابق.
violation-done-verified = تم التحقق. أصبح يُحتسب ويمكن إحالته.
violation-done-referred = أحيل. سيظهر متأخرًا إن لم يصل رد قبل الموعد.
violation-done-answered = سُجّل ردهم.
violation-done-ended = أُغلق الملف.
violation-new-title = توثيق انتهاك
violation-new-intro = اكتبوا ما حدث كما رواه الضحايا والشهود. دون أسماء: يُعدّ الضحايا، وتُسمّى المؤسسة أو الوحدة المعنية، لا شخص أبدًا. يتحقق منه منسق ثانٍ قبل أن يُحتسب.
violation-act = ما الذي حدث
violation-precision = ما مدى معرفة التاريخ؟
precision-exact = اليوم بالضبط
precision-month = الشهر فقط
precision-year = السنة فقط
precision-unknown = غير معروف
violation-institution-hint = مركز الشرطة أو اللواء أو الوزارة أو الجماعة المسلحة، باسمها. لا شخص أبدًا.
violation-institution-kind = نوع المؤسسة
violation-unit = الوحدة (إن عُرفت)
violation-victims-hint = كم شخصًا، وعدد النساء والرجال والفتيات والفتيان بقدر ما تعرفون.
violation-victims-total = عدد الضحايا
violation-victims-women = نساء
violation-victims-men = رجال
violation-victims-girls = فتيات
violation-victims-boys = فتيان
violation-description = ما الذي حدث
violation-description-hint = أين وكيف وما الذي عاناه الضحايا. لا تكتبوا أسماء أو أرقام هواتف.
violation-document = توثيقه
violation-done-documented = وُثّق. يجب الآن أن يتحقق منه منسق ثانٍ.
violations-new-link = توثيق انتهاك
label-act = ما الذي حدث
label-institution = المؤسسة المعنية
label-occurred_on = متى
label-victims_total = عدد الضحايا
label-victims = الضحايا
label-institution_kind = نوع المؤسسة
label-unit = الوحدة
label-date_precision = دقة التاريخ
label-to = أو المؤسسة، باسمها
label-ask = المطلوب
label-due_on = الرد متوقع قبل
label-to_org = منظمة على تاندم
label-response = ردهم
label-victims_women = نساء
label-victims_men = رجال
label-victims_girls = فتيات
label-victims_boys = فتيان
violation-remedied-question = وضع علامة «عولج» على هذا الانتهاك؟
violation-close-question = إغلاق ملف هذا الانتهاك؟
violation-end-explain = لا يمكن التراجع عن ذلك: يبقى الملف كما هو للتوثيق، ولا يمكن اتخاذ أي خطوة أخرى بشأنه.

## المرصد: المصادر والأسماء المختومة والأدلة (المسألة 14)
form-not-known = — غير معروف —
size-mb = { $n } ميغابايت
size-kb = { $n } كيلوبايت
violation-source-title = المصدر
violation-source-kind = من هو المصدر
violation-source-knowledge = كيف عرف
violation-source-reliability = مدى موثوقيته حتى الآن
violation-source-identity = اسم المصدر أو وسيلة الاتصال به
source-victim = الضحية
source-witness = شاهد
source-relative = أحد الأقارب
source-community_member = شخص من المجتمع
source-civil_society = منظمة من المجتمع المدني
source-media = وسائل الإعلام
source-official = موظف رسمي
source-other = شخص آخر
knowledge-direct = رأى أو عاش ما حدث
knowledge-hearsay = سمع من غيره
knowledge-documents = من وثائق
reliability-reliable = موثوق
reliability-usually_reliable = موثوق عادةً
reliability-unknown = غير معروف بعد
reliability-doubtful = مشكوك فيه
violation-names-title = أسماء الضحايا
violation-names = أسماء الضحايا
violation-names-hint = فقط إذا وافقوا. الأسماء مشفّرة ولا يفتحها إلا المنسقون، وكل فتح يُسجَّل.
violation-names-consent = وافق الضحايا على حفظ أسمائهم
violation-sealed-hint = مشفّر. لا يفتحه إلا المنسقون، وكل فتح يُسجَّل.
violation-sealed-both = أسماء الضحايا والمصدر محفوظة مشفّرة.
violation-sealed-names = أسماء الضحايا محفوظة مشفّرة.
violation-sealed-source = المصدر محفوظ مشفّرًا.
violation-sealed-open = إظهار الأسماء والمصدر
violation-sealed-audited = يُسجَّل فتحها باسمك.
violation-sealed-coordinators = لا يفتحها إلا المنسقون.
violation-sealed-title = الأسماء والمصدر
violation-sealed-recorded = سُجِّل هذا الفتح باسمك. لا تنسخ هذه الأسماء في أي مكان آخر.
violation-sealed-none = لم يُحفظ شيء
violation-back-one = العودة إلى الانتهاك
evidence-title = الأدلة
evidence-none = لا توجد ملفات أدلة بعد.
evidence-kind-photo = صورة
evidence-kind-document = وثيقة
evidence-kind-audio = تسجيل صوتي
evidence-kind-video = فيديو
evidence-added = أضافه { $by }، { $when }
evidence-custody = سلسلة الحيازة
evidence-sha = بصمة الملف (SHA-256) كما أُضيف:
custody-upload = أضافه { $by }، { $when }
custody-open-original = فتح الأصل { $by }، { $when }
custody-open-clean = فتح النسخة الخالية من البيانات الوصفية { $by }، { $when }
custody-open-sealed = نزّل الملف المشفّر { $by }، { $when }
evidence-open-original = فتح الأصل
evidence-open-clean = نسخة بلا بيانات وصفية
evidence-open-sealed = ملف مشفّر للمحكمة
evidence-clean-hint = لا تشارك إلا النسخة الخالية من البيانات الوصفية: ليس فيها مكان ولا جهاز ولا مؤلف.
evidence-no-clean = لا يستطيع تاندم إزالة البيانات الوصفية من الصوت والفيديو: لا تشارك الأصل إلا مع من يحق له رؤيته.
evidence-opened-audited = كل فتح يُسجَّل.
evidence-file = أضف صورة أو ملف PDF أو تسجيلًا صوتيًا أو فيديو
evidence-file-hint = حتى { $max }. يُشفَّر الملف فور وصوله، ولا يُحفظ اسمه.
evidence-add = إضافة الملف
evidence-too-large = الملف أكبر من { $max }. أرسل تسجيلًا أقصر أو صورة أصغر.
violation-done-evidence = أُضيف الملف وشُفِّر. بصمته في سلسلة الحيازة.
violation-names-consent-needed = لا تُحفظ الأسماء إلا إذا وافق الضحايا: ضع علامة في المربع، أو احذف الأسماء.
evidence-choose = اختر ملفًا لإضافته.
evidence-not-accepted = هذا الملف ليس صورة ولا PDF ولا تسجيلًا صوتيًا ولا فيديو.
public-title = انتهاكات حقوق الإنسان: إحصاءات عامة
public-intro = انتهاكات وثّقتها المراصد على هذه المنصة وتحقق منها منسق ثانٍ، حسب ربع السنة الذي وقعت فيه. تُخفى الأعداد من 1 إلى { $below }، وبعض الأعداد الأخرى معها، حتى لا يمكن استنتاج أي عدد مخفي من البقية. يُنشر ربع السنة بعد 90 يومًا من انتهائه ولا يتغير بعد ذلك.
public-none = لم يُنشر شيء بعد: يُنشر ربع السنة بعد 90 يومًا من انتهائه.
public-periods = أرباع السنة
public-total = { $count ->
    [one] انتهاك واحد متحقق منه
   *[other] { $count } انتهاكًا متحققًا منه
}
public-total-hidden = المجموع مخفي: العدد أقل من أن يُنشر.
public-by-act = حسب نوع الانتهاك
public-nothing = لا شيء في هذا الربع.
public-hidden = مخفي
public-map = الانتهاكات المتحقق منها حسب المنطقة
public-violations = { $count ->
    [one] انتهاك واحد
   *[other] { $count } انتهاكًا
}
public-by-area = حسب المنطقة ونوع الانتهاك
public-all-acts = كل الأنواع
public-method = { $hidden } من أصل { $cells } عددًا مخفية. البيانات، مع المؤسسات المعنية حسب النوع:
public-data = تنزيل (JSON)
quarter-1 = من يناير إلى مارس { $year }
quarter-2 = من أبريل إلى يونيو { $year }
quarter-3 = من يوليو إلى سبتمبر { $year }
quarter-4 = من أكتوبر إلى ديسمبر { $year }
public-legend-none = لا شيء
public-legend-range = من { $lo } إلى { $hi } انتهاكًا
public-legend-more = { $lo } انتهاكًا أو أكثر
nav-public-violations = الانتهاكات: إحصاءات عامة
nav-referrals = المحال إلينا
referrals-title = الانتهاكات المحالة إليكم
referrals-intro = تحيل المراصد الانتهاكات التي وثقتها وتحققت منها إلى المؤسسة المعنية، مع ما تطلبه والموعد. يصلهم ردكم من هنا. ترون ما حدث، ولا ترون أبدًا أسماء الضحايا ولا المصدر ولا الأدلة.
referrals-waiting = { $count ->
    [0] تم الرد على كل الإحالات.
    [one] إحالة واحدة تنتظر ردكم.
   *[other] { $count } إحالات تنتظر ردكم.
}
referrals-none = لم يُحل شيء إلى منظمتكم.
referral-from = أحالها { $from }
referral-answered = تم الرد
referral-protected = حُذفت الأسماء ووسائل الاتصال التي يحميها المرصد.
referral-your-answer = الرد المسجَّل
referral-answer-label = ردكم: ما تم فعله، أو ما سيتم فعله
referral-answer-hint = يراه { $from } فورًا على الانتهاك.
referral-answer = إرسال الرد
referral-done = أُرسل ردكم.
referrals-back = كل الإحالات
violation-on-tandem = هم على تاندم: يرون هذه الإحالة دون أسماء أو مصدر أو أدلة، ويمكنهم الرد عليها هنا.

# Verified violations as a warning sign in the alert engine.
alert-violations = الانتهاكات الموثقة وراء هذا التنبيه
alert-violation-count = { $count ->
    [one] انتهاك واحد تم التحقق منه
    [two] انتهاكان تم التحقق منهما
    [few] { $count } انتهاكات تم التحقق منها
   *[other] { $count } انتهاكًا تم التحقق منه
}
alert-more-violations = … و{ $count } أخرى في قائمة الانتهاكات
alert-violations-of = انتهاكات: { $act }
episode-violations = { $count ->
    [one] انتهاك واحد تم التحقق منه ({ $category }) في { $area }، { $dates }.
   *[other] { $count } انتهاكات تم التحقق منها ({ $category }) في { $area }، { $dates }.
}
episode-violation-severe = انتهاك تم التحقق منه بلغ من الخطورة ما يطلق تنبيهًا فورًا ({ $category }) في { $area }، { $dates }.

# Protection protocol reviews.
protocol-title = بروتوكول الحماية
protocol-intro = خطة منظمتك لحماية موظفيها والأشخاص الذين تعمل معهم: بمن تتصل، وإلى أين تذهب، وماذا تفعل عندما يتعرض أحد للتهديد. راجعها بانتظام. لا يحتفظ تاندم إلا بالتواريخ، ولا يحتفظ بالخطة نفسها أبدًا: احتفظ بها على الورق، لدى من يحتاجون إليها.
protocol-never = لا توجد مراجعة مسجلة لبروتوكول الحماية الخاص بكم.
protocol-reviewed-on = آخر مراجعة
protocol-next = المراجعة القادمة
protocol-next-hint = اتركه فارغًا لتكون بعد ستة أشهر من المراجعة. 24 شهرًا على الأكثر.
protocol-overdue = { $days ->
    [one] متأخرة يومًا واحدًا
   *[other] متأخرة { $days } يومًا
}
protocol-due-soon = { $days ->
    [0] مستحقة اليوم
    [one] مستحقة خلال يوم واحد
   *[other] مستحقة خلال { $days } يومًا
}
protocol-record = تسجيل المراجعة
protocol-saved = تم تسجيل المراجعة.
needs-protocol-never = سجّل متى رُوجع بروتوكول الحماية الخاص بكم آخر مرة
needs-protocol-overdue = مراجعة بروتوكول الحماية متأخرة { $days } يومًا
needs-protocol-due-soon = يجب مراجعة بروتوكول الحماية خلال { $days } يومًا
violation-targeted-org = المنظمة المستهدفة
violation-targeted-org-hint = فقط في حالة تهديد أو اعتداء على مدافع عن حقوق الإنسان أو موظف في منظمة مجتمع مدني: المنظمة التي يعمل لديها.
protocol-review-day = يوم المراجعة
violations-export-title = تصدير الانتهاكات
violations-export-intro = كل الانتهاكات التي وثقتها منظمتك، لآلية أممية أو محكمة أو لأرشيفك. لا تتضمن أسماء الضحايا ولا المصادر ولا ملفات الأدلة. يُسجَّل كل تصدير في سجل التدقيق.
violations-export-json = الأحداث (JSON، بصيغة أحداث HURIDOCS)
violations-export-hxl = جدول (CSV مع وسوم HXL)
shared-violations-from = الانتهاكات الموثقة من { $org }، { $quarter }
shared-violations-total = كل الانتهاكات في ذلك الربع
shared-violations-row-total = المجموع
shared-violations-none = لا انتهاك موثق في ذلك الربع.
shared-violations-legend = أعداد فصلية حسب المنطقة ونوع المؤسسة المعنية. المناطق والأفعال غير المعروضة لم يكن فيها شيء. تخفي عبارة «أقل من أن يُعرض» عددًا صغيرًا، أو عددًا يسمح باستنتاج عدد صغير. يُعرض الربع بعد انتهائه ومرور مهلة السماح، ولا يتغير بعد ذلك.
answers-title = سرعة رد المؤسسات
answers-intro = كل إحالة قامت بها منظمتك، حسب المؤسسة التي أُحيلت إليها؛ الأبطأ أولًا.
answers-counts = { $referred ->
    [one] إحالة واحدة
    [two] إحالتان
    [few] { $referred } إحالات
   *[other] { $referred } إحالة
}، تم الرد على { $answered }.
answers-overdue = { $count ->
    [one] واحدة متأخرة
   *[other] { $count } متأخرة
}
answers-median = { $days ->
    [0] تردّ عادةً في اليوم نفسه.
    [one] تردّ عادةً خلال يوم واحد.
   *[other] تردّ عادةً خلال { $days } يومًا.
}
answers-waiting = { $days ->
    [0] إحالة تنتظر منذ اليوم.
    [one] أقدم إحالة بلا رد تنتظر منذ يوم واحد.
   *[other] أقدم إحالة بلا رد تنتظر منذ { $days } يومًا.
}
violation-involvement = كيف تورطت المؤسسة
involvement-perpetrator = ارتكبه أفرادها
involvement-ordered = أمرت به أو خططت له
involvement-complicit = ساعدت من ارتكبوه
involvement-failed_to_protect = لم تمنعه أو لم تحمِ الضحايا
violation-method = كيف تم
violation-method-hint = في سطر واحد، مثل «ضُربوا بالهراوات» أو «احتُجزوا دون تهمة». بلا أسماء.
violation-victims-group = من كان الضحايا
vgroup-individuals = أفراد، كلٌّ على حدة
vgroup-family = أسرة
vgroup-community = مجتمع بأكمله
vgroup-organisation = منظمة
violation-victims-after = حال الضحايا في النهاية
vstate-released = أُطلق سراحهم
vstate-still_detained = ما زالوا محتجزين
vstate-injured = جرحى
vstate-killed = قُتلوا
vstate-missing = مفقودون
vstate-displaced = هُجّروا من بيوتهم
vstate-unharmed = لم يُصابوا بأذى
links-title = سجلات مرتبطة
links-none = لا شيء مرتبط بعد.
link-kind-violation = انتهاك
link-kind-report = بلاغ
link-kind-alert = إنذار
linked-violations-title = انتهاكات موثقة انطلاقًا من هذا
linked-violations-intro = انتهاكات ربطتها منظمتكم بهذا السجل. يُحفظ الرابط على الانتهاك: ومن هناك يُزال.
link-choose = اربط بلاغًا أو إنذارًا أو انتهاكًا
link-hint = ما كان من المنطقة نفسها وفي الوقت نفسه تقريبًا. اربط البلاغات أو الإنذارات التي سبقت هذا الانتهاك، أو انتهاكًا آخر من الحدث نفسه.
link-add = اربطه
link-remove = أزل الرابط
violation-done-linked = تم الربط.
violation-done-unlinked = أُزيل الرابط.

## المنتديات والالتزامات (عجلة التنسيق)
nav-forums = المنتديات
forums-title = المنتديات
forums-intro = اللقاءات الدائمة التي تجلس فيها منظمتكم مع غيرها: المجتمع والشرطة، ولجنة أمن المقاطعة، ومجموعة تدقيق سلامة النساء. وما يُتفق عليه هناك يُتابَع هنا.
forums-none = منظمتكم ليست عضوًا في أي منتدى بعد.
forum-convene = عقد منتدى
forum-name = اسم المنتدى
forum-name-hint = كما يسميه أعضاؤه، مثل «منتدى المجتمع والشرطة في كومبا».
forum-kind = نوع المنتدى
forum-kind-community_police = منتدى المجتمع والشرطة
forum-kind-security_committee = لجنة أمن المقاطعة
forum-kind-safety_audit = مجموعة تدقيق سلامة النساء
forum-kind-high_level_exchange = تبادل رفيع المستوى
forum-kind-oversight = منتدى رقابة مشتركة
forum-cadence = وتيرة الاجتماعات
cadence-monthly = كل شهر
cadence-quarterly = كل ثلاثة أشهر
cadence-twice_a_year = مرتين في السنة
cadence-as_needed = عند الحاجة
forum-members = المنظمات الأعضاء
forum-members-hint = منظمتكم تعقد المنتدى وهي عضو فيه. اختاروا الأعضاء الآخرين، ويمكنكم إضافة غيرهم لاحقًا.
forum-members-count = { $count ->
    [one] منظمة عضو واحدة
   *[other] { $count } منظمات أعضاء
}
forum-terms = الاختصاصات
forum-terms-hint = الغرض من المنتدى، ومن يشارك فيه، وكيف تُتخذ القرارات.
forum-convener = تعقده
forum-add-member = إضافة منظمة عضو
forum-add = إضافة
forum-commitments = الالتزامات
forum-no-commitments = لم يُتفق على أي التزام في هذا المنتدى بعد.
forum-closed-commitments = أُنجزت أو أُلغيت ({ $count })
forum-meetings = الاجتماعات
forum-no-meetings = لم يُسجَّل أي اجتماع بعد.
forum-keeping = الالتزامات المنجزة
forum-keeping-intro = لكل منظمة: الالتزامات التي حلّ أجلها، وكم أنجزت منها في وقتها. يُحسب الالتزام منجزًا إذا أُنجز قبل أجله وأكدته منظمة عضو أخرى.
keeping-org = المنظمة
keeping-due = حلّ أجلها
keeping-kept = أُنجزت في وقتها
keeping-overdue = متأخرة
keeping-rate = { $kept } من { $due } ({ $percent }٪)
keeping-nothing-due = لم يحلّ أجل أي منها بعد
commitment-due = الأجل { $day }
commitment-overdue = متأخر
cstatus-open = مفتوح
cstatus-in_progress = قيد التنفيذ
cstatus-done = أُنجز
cstatus-dropped = أُلغي
commitment-evidence = ما الذي أُنجز
commitment-evidence-hint = اذكروا ما أُنجز، أو سبب الإلغاء، وأين الدليل (صورة في المحضر، رسالة، تقرير). مطلوب عند الإنجاز والإلغاء.
commitment-confirmed-by = أكدته { $org }
commitment-unconfirmed = لم تؤكده منظمة عضو أخرى بعد.
commitment-move-on = تحديث هذا الالتزام
commitment-status = أين وصل
commitment-save = حفظ
commitment-confirm = تأكيد الإنجاز
commitment-confirm-hint = لا يؤكده إلا منظمة عضو أخرى.
commitment-new = تسجيل التزام
commitment-text = ما اتُّفق عليه
commitment-owner = من سينفذه
commitment-due-on = الموعد النهائي
commitment-meeting = اتُّفق عليه في اجتماع
commitment-no-meeting = لم يُذكر اجتماع
commitment-agree = تسجيل الالتزام
meeting-record = تسجيل اجتماع
meeting-held-on = تاريخ الاجتماع
meeting-agenda = جدول الأعمال
meeting-minutes = المحضر
meeting-participants = من شارك
meeting-participants-hint = عدّوا الأشخاص حسب الفئة؛ لا تُطلب الأسماء ولا تُحفظ. اتركوا العدد فارغًا في الأسطر التي لا تحتاجونها.
meeting-org-kind = من
meeting-gender = الجنس
meeting-age-band = العمر
meeting-group = المجموعة { $n }
meeting-count = العدد
gender-female = نساء
gender-male = رجال
gender-other = آخر
band-under_18 = دون 18
band-18_24 = 18–24
band-25_34 = 25–34
band-35_49 = 35–49
band-50_plus = 50 فما فوق
meeting-people = { $count ->
    [one] شخص واحد
   *[other] { $count } أشخاص
}
meeting-women = { $count } نساء
meeting-youth = { $count } دون 25 سنة
forum-convened = عُقد المنتدى.
forum-member-added = أصبحت المنظمة عضوًا.
meeting-recorded = سُجّل الاجتماع.
commitment-agreed = سُجّل الالتزام.
commitment-moved = حُدّث الالتزام.
commitment-confirmed = أكدتم إنجاز الالتزام.
forum-trainings = التدريبات المشتركة
forum-no-trainings = لم يُسجَّل أي تدريب بعد.
training-by = قدّمته { $org }
training-change = التقييم الذاتي: { $before } قبل، و{ $after } بعد، أي تغيّر قدره { $change } في المتوسط ({ $n } أشخاص، على مقياس من 0 إلى 10).
training-spread = تشتت التغيّرات (الانحراف المعياري): { $sd }.
training-record = تسجيل تدريب
training-topic = الموضوع
training-held-on = تاريخ التدريب
training-trainer = قدّمته
training-participants = من شارك
training-scores = التقييم الذاتي قبل وبعد
training-scores-hint = سطر لكل شخص: الدرجة قبل ثم بعد، من 0 إلى 10، مثل 4، 7. اتركوه فارغًا إن لم يُطلب تقييم.
training-recorded = سُجّل التدريب.

## عجلة التنسيق
wheel-title = عجلة التنسيق
wheel-of-area = ما قام به المجتمع المدني والشرطة والسلطات المحلية معًا في { $area } خلال الأشهر الاثني عشر الماضية، وفق { $forums ->
    [zero] المنتديات
    [one] المنتدى
    [two] المنتديين
    [few] { $forums } منتديات
   *[other] { $forums } منتدى
} التي تشارك فيها منظمتك وبلاغاتك أنت.
wheel-of-forum = ما قام به أعضاء { $name } معًا خلال الأشهر الاثني عشر الماضية.
wheel-show = اعرض
wheel-back-to-forum = العودة إلى { $name }
wheel-area-link = عجلة { $area }
wheel-see = اعرض عجلة التنسيق
wheel-svg-title = الأنشطة المشتركة الخمسة؛ الملكية المحلية: { $level }
wheel-hub = الملكية
wheel-level = الملكية المحلية
level-none = لم تُقَس بعد
level-none-means = لم يُسجَّل شيء هنا خلال الأشهر الاثني عشر الماضية.
level-information_sharing = 1. تبادل المعلومات
level-information_sharing-means = توجد بلاغات أو بيانات مشتركة عن المنطقة.
level-dialogue_consultation = 2. الحوار والتشاور
level-dialogue_consultation-means = اجتمع منتدى بحضور المجتمع المدني والشرطة أو السلطات المحلية.
level-joint_implementation = 3. التنفيذ المشترك
level-joint_implementation-means = وفت الشرطة أو السلطات المحلية بالتزام مع دليل، أو ردّت على إنذار.
level-joint_oversight = 4. الرقابة المؤسسية المشتركة
level-joint_oversight-means = بطاقة أداء لوحدة أمنية تغطي المنطقة، بقياسات يسجلها المجتمع المدني.
activity-capacity_building = بناء القدرات المشترك
activity-capacity_building-means = تدريبات تُقدَّم معًا أو من طرف لآخر.
activity-assessment = التقييم المشترك
activity-assessment-means = تحليل للنزاع يُعدّ معًا: الدوافع والجهات والمخاطر ونهج الشرطة وخط أساس.
activity-planning = التخطيط المشترك
activity-planning-means = خطة تُعتمد معًا، بأهداف ونظرية للتغيير.
activity-implementation = التنفيذ المشترك
activity-implementation-means = التزامات أُنجزت، مع دليل على ما أُنجز.
activity-monitoring = الرصد والتقييم المشتركان
activity-monitoring-means = التزامات تحققت منها وأكدتها منظمة عضو أخرى.
wheel-records = { $count ->
    [zero] لا سجلات
    [one] سجل واحد
    [two] سجلان
    [few] { $count } سجلات
   *[other] { $count } سجلًا
}
wheel-not-done = لا شيء خلال الأشهر الاثني عشر الماضية
wheel-shading = كلما كان جزء العجلة أغمق كانت سجلاته أكثر: لا شيء، واحد، اثنان أو ثلاثة، أربعة أو أكثر.
wheel-level-evidence = لماذا هذا المستوى
wheel-activities = الأنشطة المشتركة الخمسة
wheel-more = و{ $count } غيرها
wheel-conditions = واسعة، منهجية، عميقة
wheel-conditions-intro = تنمو الملكية المحلية حين يشارك أناس متنوعون (واسعة)، في الأنشطة الخمسة كلها (منهجية)، عبر آليات تدوم (عميقة). يُعطى كل شرط درجة من 0 إلى 100 وفق السجلات المذكورة معه.
condition-wide = واسعة
condition-wide-means = نساء ورجال، شباب وكبار، وكل أنواع المنظمات في الاجتماعات والتدريبات.
condition-systematic = منهجية
condition-systematic-means = كم نشاطًا من الأنشطة المشتركة الخمسة جرى: 20 لكل نشاط.
condition-deep = عميقة
condition-deep-means = منتديات تجتمع بالوتيرة التي حددتها ولها اختصاصات مكتوبة، والتزامات يُوفى بها في موعدها، ورأي المجتمع المدني في ظروف عمله.
part-gender_balance = التوازن بين النساء والرجال
part-youth = الشباب دون 25 عامًا (كاملة عند الربع)
part-age_spread = التوزع بين الفئات العمرية
part-sectors = أنواع المنظمات (كاملة عند ثلاثة)
part-capacity_building = بناء القدرات المشترك
part-assessment = التقييم المشترك
part-planning = التخطيط المشترك
part-implementation = التنفيذ المشترك
part-monitoring = الرصد والتقييم المشتركان
part-mechanisms = منتديات تجتمع بوتيرتها ولها اختصاصات مكتوبة
part-commitments_kept = التزامات وُفي بها في موعدها
part-cso_conditions = ظروف عمل المجتمع المدني (تقييم ذاتي)
wheel-from-records = { $count ->
    [zero] من لا سجلات
    [one] من سجل واحد
    [two] من سجلين
    [few] من { $count } سجلات
   *[other] من { $count } سجلًا
}
wheel-no-records = لا يُحتسب أي سجل هنا بعد.
wheel-trend = خلال الأرباع الماضية
wheel-trend-intro = المقاييس نفسها كما كانت في نهاية كل ربع، كل منها على الأشهر الاثني عشر السابقة له.
wheel-quarter = في
wheel-as-of = { $day }
wheel-activities-short = الأنشطة
wheel-method = طريقة حساب كل درجة مشروحة في وثائق Tandem (منهجية الملكية).
record-report = بلاغ
record-alert = إنذار
record-forum = منتدى
record-meeting = اجتماع
record-training = تدريب
record-assessment = تقييم
record-plan = خطة
record-commitment = التزام
record-self_assessment = تقييم ذاتي
record-scorecard = بطاقة أداء

## التحليلات والخطط المشتركة؛ ظروف عمل منظمة المجتمع المدني
joint-see = التحليلات والخطط المشتركة
joint-title = التحليلات والخطط المشتركة
joint-intro = ما أعدّه الأعضاء معًا: تحليلات للنزاع تُجرى قبل بدء أي برنامج ثم كلما تغيّرت الأوضاع، والخطط المعتمدة على أساسها مع الالتزامات التي تنفّذها.
joint-assessments = التحليلات المشتركة للنزاع
joint-no-assessments = لم يُسجَّل أي تحليل مشترك بعد.
joint-plans = الخطط المشتركة
joint-no-plans = لم تُسجَّل أي خطة مشتركة بعد.
joint-recorded-by = سجّلته { $org }
joint-took-part = المنظمات المشاركة
joint-drivers = دوافع النزاع
joint-drivers-hint = ما يدفع نحو العنف هنا: الأرض، العمل، الإقصاء، الشائعات، الانتهاكات السابقة.
joint-actors = الأطراف الفاعلة
joint-risks = المخاطر
joint-optional = اختياري.
joint-police-ethos = من ترى الشرطة أنها تحمي
joint-police-ethos-hint = اسألوا عن ذلك قبل بدء البرنامج: يذهب الحوار أبعد حين ترى الشرطة أن مهمتها حماية الناس.
joint-not-assessed = لم يُقيَّم
ethos-protects_state = الدولة
ethos-protects_citizens = الناس
ethos-mixed = كلاهما، بحسب الوحدة أو المسألة
joint-police-conduct = سلوك الشرطة كدافع للنزاع
joint-police-conduct-hint = الفساد، الانتهاكات، الغياب: ما يرويه الناس بكلماتهم.
joint-baseline = قياسات خط الأساس
joint-baseline-hint = الوضع الحالي، ليُرى التغيير لاحقًا: مثلًا، الرشاوى المطلوبة عند الحواجز في الشهر.
joint-cso-role = دور المجتمع المدني تجاه الحكومة
joint-cso-role-hint = الدور الذي تؤديه منظماتكم الآن، لا الدور المأمول.
role-contractor = متعاقد: يقدّم خدمات لصالح الحكومة
role-collaborator = متعاون: يعمل إلى جانب الحكومة
role-consultant = مستشار: يقدّم المشورة للحكومة
role-opposition = معارض: يحاسب الحكومة من خارجها
joint-context = سياق النزاع
joint-assess = تسجيل تحليل مشترك
joint-assessment-title = العنوان
joint-held-on = يوم الاتفاق عليه
joint-assess-button = تسجيل التحليل
joint-plan = تسجيل خطة مشتركة
joint-plan-title = العنوان
joint-adopted-on = يوم اعتمادها
joint-adopted = اعتُمدت في { $day }
joint-goals = الأهداف
joint-theory = نظرية التغيير
joint-theory-hint = إذا فعلنا هذا، فسيتغيّر ذاك، لأن…
joint-carried-by = الالتزامات التي تنفّذها
joint-plan-button = تسجيل الخطة
assessment-recorded = سُجّل التحليل المشترك.
plan-adopted = سُجّلت الخطة المشتركة.
conditions-see = ظروف عمل منظمتكم
conditions-title = ظروف العمل
conditions-intro = تكون الملكية المحلية عميقة حين يكون المجتمع المدني متمكّنًا ومستقلًا ومتمايزًا ومقبولًا وحرًا. تقيّم منظمة المجتمع المدني نفسها في كل منها، من 1 (إطلاقًا) إلى 5 (تمامًا)، كل بضعة أشهر؛ وتحتسب عجلة كل منتدى هي عضو فيه أحدث تقييم.
conditions-only-cso = منظمات المجتمع المدني وحدها تقيّم ظروف عملها. ترى منظمتكم تقييمات أعضاء المجتمع المدني في منتدياتها في عجلة كل منتدى.
conditions-past = تقييماتكم الذاتية
conditions-none = لم يُسجَّل أي تقييم بعد.
conditions-on = يوم التقييم الذاتي
conditions-together = الخمسة معًا
conditions-new = قيّموا ظروفكم الآن
conditions-note = ملاحظة
conditions-note-hint = اختياري: ما الذي تغيّر منذ المرة الماضية، بكلماتكم.
conditions-record = تسجيل التقييم الذاتي
conditions-recorded = سُجّل التقييم الذاتي.
cso-condition-empowered = متمكّنة
cso-condition-empowered-means = لدى منظمتكم المهارات والمال والأشخاص للقيام بعملها.
cso-condition-independent = مستقلة
cso-condition-independent-means = لا تقرّر أي حكومة أو حزب أو جهة مانحة ما تقوله منظمتكم أو تفعله.
cso-condition-distinct = متمايزة
cso-condition-distinct-means = يميّز الناس منظمتكم عن الدولة وعن الجماعات المسلحة.
cso-condition-accepted = مقبولة
cso-condition-accepted-means = تقبل المجتمعات التي تعملون معها، والسلطات، دور منظمتكم.
cso-condition-free = حرّة
cso-condition-free-means = يستطيع أعضاؤكم الاجتماع والكلام والتنقل دون تهديد.
conditions-scale = لكلٍّ منها، اختاروا 1 إن لم يكن صحيحًا إطلاقًا، و5 إن كان صحيحًا تمامًا.
commitment-link = رابط السجل الذي يثبت ذلك (اختياري)
commitment-link-hint = الصقوا عنوان بلاغ أو إنذار أو إحالة على تاندم تستطيع منظمتكم فتحه، مثل الإنذار الذي رددتم عليه.
commitment-link-open = { $kind ->
    [reports] فتح البلاغ المرتبط
    [alerts] فتح الإنذار المرتبط
    [referrals] فتح الإحالة المرتبطة
   *[other] فتح السجل المرتبط
}
problem-not-a-link = الصقوا عنوان بلاغ أو إنذار أو إحالة على تاندم، كما يظهر في المتصفح على صفحته.
problem-cannot-open = لا تستطيع منظمتكم فتح هذا السجل: اربطوا أحد سجلاتكم، أو سجلًا مُشاركًا معكم.

## Perception surveys
nav-surveys = الاستطلاعات
surveys-title = استطلاعات الرأي
surveys-intro = استطلاعات عن نظرة الناس إلى أمنهم وإلى الشرطة، تُجمع بـ KoboToolbox أو ODK. استورد ملف التصدير واسأل عن نسبة من أعطوا إجابة ما، للجميع وحسب الجنس أو العمر، مع هامش الخطأ الذي يعطيه تصميم العينة.
surveys-none = لا يوجد استطلاع بعد.
surveys-back = كل الاستطلاعات
survey-responses-count = { $count ->
    [one] إجابة واحدة
   *[other] { $count } إجابات
}
survey-fielded = في الميدان يوم { $date }
survey-new = بدء استطلاع
survey-title-field = العنوان
survey-title-hint = مثلاً: الثقة في الشرطة، الجولة الأولى (مارس 2026).
survey-fielded-on = في الميدان يوم
survey-design-hint = سمِّ أعمدة ملف التصدير التي تصف العينة. اترك الطبقات أو العنقود فارغاً إن لم يكن في العينة شيء منها. يمكن إسقاط بادئة المجموعة: «village» تجد «group_a/village».
survey-weight = عمود الوزن
survey-weight-hint = وزن المعاينة لكل إجابة. إن كانت كل الإجابات متساوية فأضف عموداً من الآحاد.
survey-strata = عمود الطبقات
survey-strata-hint = الطبقة التي سُحبت منها كل إجابة، مثل المديرية.
survey-cluster = عمود العناقيد
survey-cluster-hint = العنقود (وحدة المعاينة الأولى)، مثل القرية أو منطقة العدّ.
survey-create = بدء الاستطلاع
survey-created = بدأ الاستطلاع. استورد الآن إجاباته من ملف تصدير، أو اكتب أدناه أسئلته للهواتف.
survey-imported = استُوردت الإجابات.
survey-imported-count = { $count ->
    [one] استُوردت إجابة واحدة
   *[other] استُوردت { $count } إجابات
}{ $already ->
    [0] .
   *[other] ؛ و{ $already } كانت هنا من قبل فتُركت.
}
survey-responses = الإجابات
survey-none-column = لا شيء
survey-ask = اسأل الاستطلاع
survey-question = السؤال (العمود)
survey-value = الإجابة
survey-value-hint = اكتب الإجابة كما يكتبها ملف التصدير، مثلاً: yes.
survey-by = اعرض حسب
survey-by-none = الجميع فقط
survey-method = المجال
survey-method-logit = لوجيت (الخيار المعتاد)
survey-method-beta = بيتا (كورن–غروبارد، للنسب القريبة من 0٪ أو 100٪)
survey-estimate = اعرض التقدير
survey-results = نسبة من أجابوا «{ $value }»
survey-results-intro = بين الإجابات عن { $question }، موزونة كما يقول تصميم العينة، مع مجالات ثقة 95٪.
survey-chart-title = نسبة من أجابوا { $value } مع مجالات ثقة 95٪
survey-group = الفئة
survey-group-all = الجميع
survey-share = النسبة
survey-interval = مجال الثقة 95٪
survey-se = الخطأ المعياري (نقاط)
survey-n = الإجابات
survey-effective-n = الإجابات الفعلية
survey-deff = أثر التصميم
survey-small = عينة صغيرة
survey-small-means = الفئة الموسومة «عينة صغيرة» فيها أقل من 30 إجابة فعلية أو هامش واسع جداً بالنسبة لحجمها: اقرأها بحذر.
survey-method-said-logit = المجالات بطريقة لوجيت.
survey-method-said-beta = المجالات بطريقة بيتا (كورن–غروبارد).
survey-import = استيراد الإجابات
survey-import-intro = نزّل البيانات من KoboToolbox (CSV، بأسماء المجموعات أو دونها) أو من ODK Central (تصدير CSV) واختر الملف هنا. لا يُستورد شيء إن كان أي سطر خاطئاً، وتُترك الإجابات المستوردة من قبل.
survey-file = ملف CSV
survey-file-hint = مفصول بفواصل أو بفواصل منقوطة، حتى 48 ميغابايت.
survey-import-button = استيراد الملف
problem-in-file = السطر { $line } من الملف: { $fault }. لم يُستورد شيء.
file-fault-unreadable = لا يمكن قراءته كملف CSV بترميز UTF-8
file-fault-no-rows = لا توجد إجابات تحت سطر العناوين
file-fault-blank-header = عمود بلا اسم
file-fault-header-twice = عمودان بالاسم نفسه
file-fault-no-column = عمود { $role } في الاستطلاع غير موجود في الملف
file-fault-ambiguous = أكثر من عمود قد يكون عمود { $role } في الاستطلاع؛ اكتب اسمه كاملاً
file-fault-ragged = هذا السطر ليس فيه عدد الخلايا نفسه الذي في سطر العناوين
file-fault-bad-weight = الوزن ليس عدداً موجباً
file-fault-blank-design = إجابة بلا { $role }
file-fault-key-twice = هذه الإجابة مكررة في الملف
file-fault-too-many = في الملف إجابات أكثر مما يحتمله استيراد واحد
design-role-weight = الوزن
design-role-strata = الطبقة
design-role-cluster = العنقود

## Unit scorecards
nav-scorecards = بطاقات الأداء
scorecards-title = بطاقات أداء الوحدات
scorecards-intro = كيف تعمل الوحدات الأمنية التي تتابعها منظمتك: الاستجابة للإنذارات، والالتزامات المنفّذة، والانتهاكات، وما يقوله الناس في استطلاعاتك. يبيّن كل رقم مصدره. تبقى البطاقة لمنظمتك حتى تقرر نشرها.
scorecards-surveys = استطلاعات الرأي
scorecards-public-see = البطاقات المنشورة
scorecard-is-public = منشورة
scorecard-is-private = لا تراها إلا منظمتك
scorecards-none = لا توجد بطاقة بعد.
scorecard-new = بدء بطاقة
scorecard-unit = الوحدة الأمنية
scorecard-unit-hint = مركز شرطة أو لواء أو جهاز أمني آخر على تاندم.
scorecard-create = بدء البطاقة
scorecards-only-cso = تحتفظ منظمات المجتمع المدني بالبطاقات، رقابةً منها على القطاع الأمني.
scorecards-back = كل البطاقات
scorecard-lead = { $area } · تحتفظ بها { $keeper }
scorecard-public-since = منشورة منذ { $date }.
scorecard-public-page = عرض الصفحة العامة
scorecard-private-note = لا يرى هذه البطاقة إلا منظمتك.
scorecard-indicators = المؤشرات
scorecard-no-indicators = لا يوجد مؤشر بعد: أضف مؤشراً أدناه.
scorecard-status-on_track = على المسار
scorecard-status-off_track = خارج المسار
scorecard-status-no_data = لا بيانات
scorecard-computed-alert_response_median_hours = يحسبه تاندم: الساعات من الإنذار إلى أول رد من الوحدة (الوسيط)، كل ربع سنة
scorecard-computed-alert_response_p90_hours = يحسبه تاندم: الساعات من الإنذار إلى أول رد من الوحدة (9 من 10 أسرع)، كل ربع سنة
scorecard-computed-alerts_answered_before_due = يحسبه تاندم: نسبة الإنذارات التي ردّت عليها الوحدة قبل موعدها، كل ربع سنة
scorecard-computed-commitments_kept_on_time = يحسبه تاندم: نسبة التزامات الوحدة في المنتديات المنفّذة في موعدها والمؤكَّدة، كل ربع سنة
scorecard-computed-verified_violations = يحسبه تاندم: الانتهاكات الموثَّقة والمتحقَّق منها التي تذكر الوحدة، كل ربع سنة
scorecard-computed-referrals_answered = يحسبه تاندم: نسبة الانتهاكات المحالة إلى الوحدة التي ردّت عليها، كل ربع سنة
scorecard-recorded = تقيسه منظمتك
scorecard-baseline = خط الأساس
scorecard-target = الهدف
scorecard-by = مفصّل حسب
scorecard-when = متى
scorecard-value = القيمة
scorecard-evidence = الدليل
scorecard-records-alerts = { $n ->
    [one] إنذار واحد أُسند إلى الوحدة
   *[other] { $n } إنذارات أُسندت إلى الوحدة
}
scorecard-records-commitments = { $n ->
    [one] التزام واحد حلّ موعده
   *[other] { $n } التزامات حلّ موعدها
}
scorecard-records-violations = { $n ->
    [one] انتهاك واحد متحقَّق منه
   *[other] { $n } انتهاكات متحقَّق منها
}
scorecard-records-referrals = { $n ->
    [one] إحالة واحدة
   *[other] { $n } إحالات
}
scorecard-see-records = اعرضها
scorecard-no-points = لم يُقَس شيء بعد.
scorecard-compare = مقارنةً بوحدات أخرى من النوع نفسه
scorecard-compare-intro = آخر قيمة لكل مؤشر لكل وحدة من هذا النوع تحتفظ منظمتك ببطاقة لها.
scorecard-indicator = المؤشر
scorecard-no-value = لا بيانات
scorecard-measure = تسجيل قياس
scorecard-measured-on = تاريخ القياس
scorecard-source = المصدر
scorecard-source-hint = من أين جاء الرقم، مثلاً: استطلاع الرأي، الجولة الثانية.
scorecard-value-from = القيمة
scorecard-value-typed = أكتبها بنفسي
scorecard-value-survey = من أحد استطلاعاتنا
scorecard-ci-low = المجال من
scorecard-ci-high = المجال إلى
scorecard-from-survey = من استطلاع
scorecard-survey = الاستطلاع
scorecard-group = الفئة
scorecard-group-hint = اتركه فارغاً للجميع، أو اكتب إجابة من عمود «اعرض حسب»، مثلاً: female.
scorecard-measure-button = تسجيل القياس
scorecard-add-indicator = إضافة مؤشر
scorecard-computed = ما الذي يُقاس
scorecard-computed-none = نقيسه بأنفسنا
scorecard-computed-hint = يحسب تاندم بعض المؤشرات من سجلاتك؛ الاسم والتعريف لك، والباقي يتبع.
scorecard-name = الاسم
scorecard-definition = التعريف
scorecard-measure-kind = وحدة القياس
scorecard-measure-percent = نسبة مئوية
scorecard-measure-hours = ساعات
scorecard-measure-days = أيام
scorecard-measure-count = عدد
scorecard-measure-score = درجة
scorecard-direction = أي اتجاه أفضل
scorecard-direction-up = الأعلى أفضل
scorecard-direction-down = الأدنى أفضل
scorecard-frequency = كم مرة
scorecard-frequency-monthly = كل شهر
scorecard-frequency-quarterly = كل ربع سنة
scorecard-frequency-twice_a_year = مرتين في السنة
scorecard-frequency-yearly = كل سنة
scorecard-by-hint = اختياري، مثلاً: الجنس والفئة العمرية.
scorecard-add-indicator-button = إضافة المؤشر
scorecard-publishing = النشر
scorecard-publishing-intro = تقرر منظمتك إن كانت هذه البطاقة عامة. لا تعرض الصفحة العامة إلا الأرباع المنشورة للعموم (بعد 90 يوماً من انتهائها) كما كانت السجلات حينها؛ والأعداد في شرائح من خمسة؛ والنسب والمدد فقط إذا قامت على عشرة سجلات على الأقل، مقرّبة. ما تقيسونه بأنفسكم يُعرض كما سُجّل.
scorecard-publish = نشرها للعموم
scorecard-unpublish = سحبها من العموم
scorecard-created = بدأت البطاقة. أضف مؤشراتها.
indicator-added = أُضيف المؤشر.
measurement-recorded = سُجّل القياس.
scorecard-published = البطاقة منشورة للعموم.
scorecard-unpublished = لم تعد البطاقة منشورة.
scorecard-hours = { $n } ساعة
scorecard-days = { $n } يوماً
scorecard-chart-title = { $name }: الاتجاه، مع مجالات الثقة 95٪ لقياسات الاستطلاع والهدف خطاً متقطعاً
scorecard-count-band = { $low ->
    [0] أقل من 5
   *[other] من { $low } إلى { $high }
}
public-scorecards-title = البطاقات المنشورة
public-scorecards-intro = بطاقات اختارت منظمات المجتمع المدني نشرها عن الوحدات الأمنية التي تتابعها.
public-scorecards-none = لم تُنشر أي بطاقة.
public-scorecards-back = كل البطاقات المنشورة
public-scorecard-note = نشرتها المنظمة التي تحتفظ بها يوم { $date }.
public-scorecard-on = (من { $low ->
    [0] أقل من 5
   *[other] { $low } إلى { $high }
} سجلات)
public-scorecard-source-alerts = الإنذارات المسندة إلى الوحدة
public-scorecard-source-commitments = التزامات المنتديات
public-scorecard-source-violations = الانتهاكات المتحقَّق منها
public-scorecard-source-referrals = الإحالات إلى الوحدة
public-scorecard-nothing = لا يمكن عرض شيء بعد: سجلات قليلة جداً، أو لم يُنشر أي ربع.
public-scorecard-rules = لحماية الناس وراء الأرقام، لا تُعرض إلا الأرباع المنشورة للعموم (بعد 90 يوماً من انتهائها) كما كانت السجلات يومها؛ وتُعرض الأعداد في شرائح من خمسة؛ ولا تُعرض نسبة أو مدة إلا إذا قامت على عشرة سجلات على الأقل، مقرّبة (النسب إلى 5 نقاط، والمدد إلى الساعة).

## Monitoring form labels
label-title = العنوان
label-weight = عمود الوزن
label-strata = عمود الطبقات
label-cluster = عمود العناقيد
label-fielded_on = في الميدان يوم
label-file = الملف
label-question = السؤال
label-value = القيمة
label-by = اعرض حسب
label-method = المجال
label-unit_org = الوحدة الأمنية
label-definition = التعريف
label-measure = وحدة القياس
label-direction = أي اتجاه أفضل
label-baseline = خط الأساس
label-target = الهدف
label-frequency = كم مرة
label-computed = ما الذي يُقاس
label-disaggregation = مفصّل حسب
label-indicator = المؤشر
label-measured_on = تاريخ القياس
label-source = المصدر
label-evidence = الدليل
label-ci_low = المجال
label-survey = الاستطلاع
label-answer = الإجابة
label-group = الفئة
problem-no-such-answer = لم تعطِ أي إجابة هذه القيمة: اكتبها تماماً كما يكتبها ملف التصدير.
problem-not-a-number = أدخل عدداً من 0 إلى 1,000,000,000.
problem-percent = أدخل نسبة مئوية من 0 إلى 100.
file-fault-wide-header = في الملف أعمدة كثيرة جداً، أو اسم عمود طويل جداً
survey-no-interval = لا مجال
survey-choose-question = اختر السؤال.
public-scorecard-recorded = تقيسه المنظمة التي تحتفظ بهذه البطاقة
scorecard-remove = إزالة
scorecard-remove-question = إزالة قياس { $date } ({ $value })؟
scorecard-remove-explain = يُزال من البطاقة، ومن الصفحة العامة إن كانت البطاقة منشورة. يحتفظ سجل التدقيق بأثره. سجّل الرقم الصحيح بعد ذلك.
measurement-removed = أُزيل القياس.

## A survey served to phones (issue 16)
field-form = الاستمارة
field-form-report = استمارة البلاغ
survey-phones = أسئلة للهواتف
survey-phones-intro = يمكن لفرق الميدان ملء هذا الاستطلاع على الهواتف باستخدام ⁨ODK Collect⁩ أو ⁨KoboCollect⁩، حتى دون اتصال. اكتب سؤالًا في كل سطر: اسمًا قصيرًا، ثم السؤال كما يقرؤه الباحث، ثم إجاباته. تصل كل إجابة إلى هذا الاستطلاع مرة واحدة، مهما أعاد الهاتف إرسالها.
survey-questionnaire = الأسئلة
survey-questionnaire-hint = الإجابات على شكل قيمة=تسمية تفصل بينها فواصل، أو الكلمة number، أو text. اكتب ‎= 1 لقيمة تحملها كل إجابة (وزن يساوي 1). يجب أن تكون أعمدة الوزن والطبقة والعنقود في الاستطلاع من بين الأسئلة. اترك الحقل فارغًا لإيقاف تقديم الاستطلاع.
survey-questionnaire-example = عرض مثال
survey-questionnaire-save = حفظ الأسئلة
survey-questionnaire-saved = حُفظت الأسئلة. ستجلب الهواتف الاستمارة الجديدة عند اتصالها التالي.
survey-phones-served = يمكن للهواتف الآن ملء هذا الاستطلاع.
survey-phones-team = أعطِ فريقًا ميدانيًا هذه الاستمارة
label-questionnaire = الأسئلة
problem-in-line = السطر { $line } من الأسئلة: { $fault }.
problem-in-questionnaire = في الأسئلة: { $fault }.
line-fault-shape = اكتبه على شكل الاسم | السؤال | الإجابات
line-fault-bad-name = يتكوّن الاسم من حروف لاتينية وأرقام و_ ويبدأ بحرف (بحد أقصى { $max })
line-fault-name-twice = هذا الاسم مستخدم في سؤال سابق
line-fault-no-label = نص السؤال مفقود
line-fault-bad-choice = اكتب كل إجابة على شكل قيمة=تسمية، والقيمة حروف لاتينية أو أرقام أو _ أو - فقط؛ الفواصل تفصل بين الإجابات
line-fault-choice-twice = الإجابة نفسها معروضة مرتين
line-fault-too-many = { $questions } سؤالًا على الأكثر، و{ $choices } إجابة لكل سؤال
line-fault-empty = اكتب سؤالًا واحدًا على الأقل
line-fault-design-missing = يجب أن يكون عمود { $role } في الاستطلاع أحد الأسئلة
line-fault-weight = يجب أن يكون الوزن سؤالًا من نوع number، أو ‎= عددًا موجبًا
line-fault-no-choices = اكتب قائمة الإجابات، أو الكلمة number أو text
line-fault-reserved = هذا الاسم محجوز لأدوات الاستمارات (مثل start أو end أو instanceID): اختر اسمًا آخر
line-fault-design-optional = يجب أن يكون عمود { $role } في الاستطلاع قائمة إجابات أو رقمًا أو ‎= قيمة، حتى لا تتركه أي إجابة فارغًا

## Knowledge bank (issue 17)
nav-knowledge = بنك المعرفة
knowledge-title = بنك المعرفة
knowledge-intro = دراسات حالة وممارسات جيدة من مجتمعات ومنظمات مجتمع مدني وقطاع أمني يعملون معًا: ما الذي فُعل، وكيف، وما الذي يمكن للآخرين أن يستفيدوه منه. يمكن لأي شخص قراءتها.
knowledge-search = كلمات للبحث
knowledge-search-hint = مثلًا: منتدى الأمن، الوساطة، police. تأتي أولًا الدراسات التي تضم الكلمات متتالية.
knowledge-language = اللغة
knowledge-any-language = كل اللغات
knowledge-activity = نشاط العجلة
knowledge-any-activity = كل الأنشطة
knowledge-find = بحث
knowledge-found = { $count ->
    [zero] لا توجد دراسة حالة لـ«{ $q }»
    [one] دراسة حالة واحدة لـ«{ $q }»
    [two] دراستا حالة لـ«{ $q }»
    [few] { $count } دراسات حالة لـ«{ $q }»
   *[other] { $count } دراسة حالة لـ«{ $q }»
}
knowledge-all = { $count ->
    [zero] لا توجد دراسات حالة
    [one] دراسة حالة واحدة
    [two] دراستا حالة
    [few] { $count } دراسات حالة
   *[other] { $count } دراسة حالة
}
knowledge-none = لا توجد دراسة حالة تضم هذه الكلمات. جرّب كلمات أقل أو أخرى، أو لغة أخرى.
knowledge-lang-en = الإنجليزية
knowledge-lang-fr = الفرنسية
knowledge-lang-ar = العربية
knowledge-by = من { $org }
knowledge-back = كل دراسات الحالة
knowledge-region = المنطقة
knowledge-actors = من شارك
knowledge-activities = أنشطة العجلة
knowledge-tags = الوسوم
knowledge-written-by = كتبها
knowledge-shipped = مشروع تاندم
knowledge-add = إضافة دراسة حالة
knowledge-add-intro = شارك ما قامت به منظمتك ليتعلم منه الآخرون. تُنشر الدراسة فورًا باسم منظمتك ويمكن لأي شخص قراءتها: لا تذكر أسماء ولا ما قد يعرّض الناس للخطر.
knowledge-field-title = العنوان
knowledge-field-summary = ملخص (جملتان أو ثلاث)
knowledge-field-body = دراسة الحالة
knowledge-field-body-hint = بصيغة ⁨Markdown⁩: ## لعنوان، - لقائمة، **غامق**. صف ما فُعل، وكيف، وما الذي تغيّر، وما الذي يمكن للآخرين أن يستفيدوه.
knowledge-list-hint = افصل بينها بفواصل.
knowledge-publish = نشر دراسة الحالة
case-study-added = نُشرت دراسة الحالة.
wheel-examples = أمثلة في بنك المعرفة
label-summary = الملخص
label-body = دراسة الحالة
label-language = اللغة
label-region = المنطقة
label-actors = من شارك
label-activity = أنشطة العجلة
label-tags = الوسوم
label-q = كلمات للبحث
case-study-withdraw = سحب دراسة الحالة هذه
case-study-withdraw-question = هل تريد سحب «{ $title }» من بنك المعرفة؟
case-study-withdraw-explain = تُزال فورًا للجميع. لا يمكن استرجاع النسخ التي حفظها الناس أو طبعوها.
case-study-withdrawn = سُحبت دراسة الحالة.

## Letters of recognition and invitation (issue 17)
nav-letters = الرسائل
letters-title = رسائل الاعتراف والدعوة
letters-intro = رسالة من منظمتك تزكّي منظمة أخرى (لتأشيرة، أو لقاء مع مسؤولين، أو دخول موقع). كل رسالة موقّعة: يمكن لأي شخص أن يتحقق، على هذا الخادم أو دون اتصال، من أنها أصلية وما زالت سارية ولم تُسحب.
letters-none = لم تُصدر أو تُستلم أي رسالة بعد.
letter-kind = نوع الرسالة
letter-kind-recognition = رسالة اعتراف
letter-kind-invitation = رسالة دعوة
letter-to = إلى { $name }
letter-from = من { $name }
letter-addressee = موجّهة إلى
letter-addressee-hint = مثلًا: القسم القنصلي في سفارة، وزارة، «إلى من يهمه الأمر».
letter-dates = صدرت في { $issued }، سارية حتى { $until }
letter-revoked-tag = مسحوبة
letter-pdf = تنزيل ملف PDF
letter-check = التحقق منها
letter-revoke = سحب
letter-revoke-question = هل تريد سحب الرسالة الموجهة إلى { $name }؟
letter-revoke-explain = سيرى كل من يتحقق منها من الآن أنها مسحوبة. لا يمكن استرجاع نسخة مطبوعة، لكن التحقق منها سيفشل.
letter-new = إصدار رسالة
letter-recipient = للمنظمة
letter-purpose = الغرض
letter-purpose-hint = الغرض من الرسالة في جملة أو جملتين: يُطبع في الرسالة ويُوقَّع.
letter-valid-until = سارية حتى
letter-issue = إصدار الرسالة وتوقيعها
letter-issued = صدرت الرسالة ووُقّعت. نزّل ملف PDF أدناه.
letter-revoked = سُحبت الرسالة.
letter-verify-title = التحقق من رسالة
letter-issuer = صادرة عن
letter-issued-on = صدرت في
letter-verdict-genuine = هذه الرسالة أصلية وسارية.
letter-verdict-genuine-means = وقّعها هذا الخادم، ولم يتغير فيها شيء، وهي سارية حتى { $date }.
letter-verdict-expired = هذه الرسالة أصلية لكنها لم تعد سارية.
letter-verdict-expired-means = كانت سارية حتى { $date }. اطلب رسالة جديدة من الجهة التي أصدرتها.
letter-verdict-revoked = سُحبت هذه الرسالة.
letter-verdict-revoked-means = سحبتها الجهة التي أصدرتها في { $date }. لا تعتمد عليها.
letter-verdict-tampered = هذه الرسالة لا تجتاز التحقق.
letter-verdict-tampered-means = ما هو محفوظ ليس ما وُقّع. لا تعتمد عليها، وأبلغ الجهة التي أصدرتها.
letter-verdict-unknown_key = لا يمكن التحقق من هذه الرسالة هنا.
letter-verdict-unknown_key-means = وُقّعت بمفتاح لم يعد هذا الخادم يحتفظ به. تحقق منها دون اتصال بالمفتاح المنشور للجهة المصدرة.
letter-offline = التحقق منها دون هذا الخادم
letter-offline-how = يحمل ملف PDF النص الموقّع والتوقيع بترميز ⁨base64⁩. فكّ ترميزهما إلى signed.txt وsignature.bin، واحفظ هذا المفتاح العام باسم key.pem، ثم شغّل:
letter-signed-text = النص الموقّع:
label-recipient_org = للمنظمة
label-purpose = الغرض
label-addressee = موجّهة إلى
label-valid_until = سارية حتى

## Referral directory (issue 17)
nav-services = مساعدة دون شرطة
services-title = مساعدة لا تتطلب الشرطة
services-intro = خدمات يمكن اللجوء إليها دون الذهاب إلى الشرطة: الدعم النفسي والاجتماعي، والإرشاد الأسري، والمساعدة القانونية، ودور إيواء الناجيات من العنف، وبرامج الخروج وإعادة الإدماج، والخطوط الهاتفية. اختر مكان سكن الشخص لترى ما يخدم تلك المنطقة.
services-area = أين يسكن الشخص
services-any-area = كل المناطق
services-kind = نوع المساعدة
services-any-kind = كل الأنواع
services-language = اللغة
services-language-hint = مثلًا: fr أو ar أو الفولفولدي. اتركه فارغًا لكل اللغات.
services-find = ابحث عن خدمات
services-for = { $count ->
    [zero] لا توجد خدمات لـ{ $area }
    [one] خدمة واحدة لـ{ $area }
    [two] خدمتان لـ{ $area }
    [few] { $count } خدمات لـ{ $area }
   *[other] { $count } خدمة لـ{ $area }
}
services-all = { $count ->
    [zero] لا توجد خدمات
    [one] خدمة واحدة
    [two] خدمتان
    [few] { $count } خدمات
   *[other] { $count } خدمة
}
services-none = لا توجد خدمة مدرجة لهذا بعد.
services-leaflet = اطبع نشرة من صفحة واحدة لهذه المنطقة
service-kind-psychosocial_support = الدعم النفسي والاجتماعي
service-kind-family_counselling = الإرشاد الأسري
service-kind-legal_aid = المساعدة القانونية
service-kind-gbv_shelter = دار إيواء للناجيات من العنف
service-kind-exit_reintegration = برنامج الخروج وإعادة الإدماج
service-kind-hotline = خط هاتفي
service-eligibility = من يمكنه استخدامها
service-contact = كيف يُتصل بها
service-contact-hint = رقم هاتف أو عنوان. إنه علني.
service-hours = ساعات العمل
service-languages = اللغات
service-languages-hint = افصل بينها بفواصل.
service-areas = المناطق التي تخدمها
service-areas-hint = تشمل المنطقة كل ما يقع داخلها. اضغط مطوّلًا على الهاتف (أو استخدم Ctrl) لاختيار أكثر من منطقة.
service-listed-by = أدرجتها
service-new = إدراج خدمة
service-name = اسم الخدمة
service-description = ما تقدّمه
service-add = إدراج الخدمة
service-listed = أُدرجت الخدمة.
service-removed = أُزيلت الخدمة.
service-remove = إزالة
service-remove-question = هل تريد إزالة «{ $name }» من الدليل؟
service-remove-explain = تختفي فورًا للجميع. تبقى في النشرات المطبوعة.
leaflet-title = مساعدة لا تتطلب الشرطة: { $area }
leaflet-intro = يمكنك اللجوء إلى هذه الخدمات دون الذهاب إلى الشرطة.
leaflet-back = العودة إلى الدليل
label-eligibility = من يمكنه استخدامها
label-contact = كيف يُتصل بها
label-hours = ساعات العمل
label-areas = المناطق التي تخدمها
label-languages = اللغات

## سجل المنظمات وخريطة القدرات وسجل التمويل (المسألة 17)
nav-registry = المنظمات
registry-title = سجل المنظمات
registry-intro = المنظمات العاملة هنا من أجل الأمن الإنساني: ما تقوم به كل منها وأين، ومعايير «سلام أفضل» التي تعلنها، والمنظمات الأخرى التي تزكّيها. كل منظمة تختار أن تُدرج أو لا، ولمن.
registry-capacity-link = من يفعل ماذا وأين (خريطة القدرات)
registry-funding-link = سجل التمويل
registry-edit-own = تعديل ملف منظمتك
registry-list-own = إدراج منظمتك
registry-visitor-hint = ترى المنظمات المدرجة للعموم. قد يرى أفراد المنظمات المسجّلة في المنصة أكثر من ذلك.
registry-count = { $count ->
    [zero] لا منظمة مدرجة
    [one] منظمة واحدة مدرجة
    [two] منظمتان مدرجتان
    [few] { $count } منظمات مدرجة
   *[other] { $count } منظمة مدرجة
}
registry-meets = تستوفي معايير «سلام أفضل»
visibility-short-members = للأعضاء فقط
visibility-short-hidden = مخفية
visibility-short-public = علنية
registry-endorsed-count = { $count ->
    [0] لم تُزكَّ بعد
    [one] زكّتها منظمة واحدة
    [two] زكّتها منظمتان
    [few] زكّتها { $count } منظمات
   *[other] زكّتها { $count } منظمة
}
registry-none = لم تُدرج أي منظمة بعد.
registry-back = العودة إلى السجل
registry-areas = المناطق
registry-activities = الأنشطة المشتركة
registry-none-named = لم يُذكر شيء
registry-constituencies = من تخدمهم
registry-languages = اللغات
registry-contact = وسيلة تواصل علنية
registry-visibility = من يرى هذا الملف
visibility-public = الجميع، بمن فيهم الزوار غير المسجّلين
visibility-members = أفراد المنظمات المسجّلة في هذه المنصة فقط
visibility-hidden = لا أحد خارج منظمتي (لا تُدرج ولا تُحسب في خريطة القدرات)
registry-updated = آخر تحديث
registry-assessment = التقييم الذاتي وفق «سلام أفضل»
registry-meets-long = تعلن كل القيم الأساسية وكفاءة ومعيارًا من معايير القاعدة الاجتماعية: معايير «سلام أفضل».
registry-not-meets = لا تعلن كل معايير «سلام أفضل» بعد.
registry-assessment-hint = ما تقوله المنظمة عن نفسها، وفق أداة «سلام أفضل» الصادرة عن شبكة ICAN. تزكيات المنظمات الأخرى هي ما يجعله أكثر من ادعاء.
bp-values = القيم والالتزامات الأساسية
bp-value-non_violence = اللاعنف وحل النزاعات سلميًا
bp-value-human_rights = حقوق الإنسان وحقوق المرأة والسلام
bp-value-gender_sensitivity = مراعاة النوع الاجتماعي في الأمن والحوكمة
bp-value-independence = الاستقلال السياسي أو عدم الانحياز الحزبي
bp-value-inclusion = إشراك النساء والشباب والأقليات والفئات المهمشة
registry-not-claimed = غير معلنة
bp-competencies = الكفاءات
bp-competency-ground_realities = خبرة عملية وفهم للواقع الميداني يراعي النوع الاجتماعي
bp-competency-representing_women = سجلّ في تمثيل النساء أو المجتمع المدني
bp-competency-aid_livelihoods = الإغاثة أو التعافي المبكر أو سبل العيش
bp-competency-armed_groups = الوصول إلى الجماعات المسلحة أو منع التجنيد
bp-competency-community_security = نزع السلاح أو إعادة التأهيل أو الأمن المجتمعي
bp-competency-mediation = الوساطة وصنع السلام بين المجتمعات
bp-competency-social_cohesion = التماسك الاجتماعي وثقافة السلام
bp-competency-justice = العدالة والمصالحة والعمل مع الضحايا
bp-competency-resources = الأرض والموارد الطبيعية مع مراعاة حاجات المجتمعات والنساء
bp-constituency = قاعدتها الاجتماعية
bp-constituency-on_the_ground = قاعدة على الأرض
bp-constituency-feedback = وسائل للاستماع إلى المجتمعات، بما فيها الفئات المهمشة
bp-constituency-mobilise = القدرة على الحشد والتأثير في الرأي العام
bp-constituency-diverse = تمثيل متنوع للنساء والشباب والأقليات أو المناطق
registry-none-claimed = لا شيء معلن.
registry-endorsements = { $count ->
    [0] التزكيات
    [one] زكّتها منظمة واحدة
    [two] زكّتها منظمتان
    [few] زكّتها { $count } منظمات
   *[other] زكّتها { $count } منظمة
}
registry-endorsed-by = زكّتها { $org } في { $on }
endorsement-withdraw = سحب التزكية
registry-no-endorsements = لم تزكّها أي منظمة بعد.
registry-endorse-h = تزكية هذه المنظمة
registry-endorse-note = لماذا تزكّيها منظمتك (اختياري)
registry-endorse-hint = يظهر مع اسم منظمتك لكل من يرى الملفين.
registry-endorse = التزكية باسم منظمتي
profile-title = ملف منظمتك
profile-intro = ما يراه الآخرون في السجل وعلى خريطة القدرات. اختر أولًا من يراه: يمكن لمنظمة مهددة أن تبقى مخفية.
registry-mission = الرسالة
registry-constituencies-hint = بكلماتك، مفصولة بفواصل: شابات، أسر نازحة.
registry-contact-hint = رقم هاتف أو بريد إلكتروني أو عنوان يمكن للعموم استعماله. اتركه فارغًا إن لم يوجد.
profile-save = حفظ الملف
capacity-title = من يفعل ماذا وأين
capacity-intro = المنظمات المدرجة، والأنشطة المشتركة التي تشارك فيها كل منها وأين، من ملفاتها والمنتديات التي تجلس فيها والتدريبات التي قدّمتها والبرامج الممولة لها. المنظمة العاملة في إقليم تعمل في كل مقاطعاته.
capacity-gaps = الثغرات
capacity-no-women = مقاطعات بلا منظمة تقودها نساء
capacity-no-youth = مقاطعات بلا منظمة يقودها شباب
capacity-nobody = أنشطة مشتركة لا تقوم بها أي منظمة
capacity-covered = لا شيء: في كل مقاطعة واحدة منها.
capacity-all-done = لا شيء: هناك من يقوم بكل منها.
capacity-gaps-hint = محسوبة على المنظمات المدرجة لك، العاملة الآن أو خلال الاثني عشر شهرًا الماضية.
capacity-map-title = المنظمات العاملة في كل مقاطعة
capacity-legend-more = { $lo } منظمات أو أكثر
capacity-legend-exact = { $n ->
    [0] لا منظمة
    [one] منظمة واحدة
    [two] منظمتان
    [few] { $n } منظمات
   *[other] { $n } منظمة
}
capacity-legend-range = من { $lo } إلى { $hi } منظمات
capacity-orgs = { $count ->
    [0] لا منظمة
    [one] منظمة واحدة
    [two] منظمتان
    [few] { $count } منظمات
   *[other] { $count } منظمة
}
capacity-no-map = ليست للمناطق حدود تُرسم بها خريطة.
capacity-matrix = حسب المنطقة
capacity-show = عرض
capacity-no-one = لا أحد
capacity-4w = من، ماذا، أين، متى
capacity-present = تعمل هنا
capacity-source-profile = الملف
capacity-source-forum = منتدى
capacity-source-training = تدريب قدّمته
capacity-source-programme = برنامج ممول
capacity-ongoing = مستمر
capacity-ended = انتهى
funding-title = سجل التمويل
funding-intro = من يموّل ماذا، ولكم من الوقت، وأين. تُميَّز المنح التي مدتها ستة أشهر أو أقل: عمل يحتاج سنوات لا ينبغي أن يعيش على دورات من ثلاثة إلى ستة أشهر.
funding-count = { $count ->
    [zero] لا منح.
    [one] منحة واحدة.
    [two] منحتان.
    [few] { $count } منح.
   *[other] { $count } منحة.
}
funding-short-count = { $count ->
    [one] واحدة مدتها ستة أشهر أو أقل.
    [two] اثنتان مدتهما ستة أشهر أو أقل.
   *[other] { $count } مدتها ستة أشهر أو أقل.
}
funding-download = تنزيل السجل ملفَّ أنشطة IATI ‏(XML)
funding-short = ستة أشهر أو أقل
label-funder = الجهة المموّلة
label-recipient = الجهة المنفّذة
label-band = المبلغ
band-under_10k = أقل من 10٬000 دولار أمريكي
band-10k_50k = من 10٬000 إلى 50٬000 دولار أمريكي
band-50k_250k = من 50٬000 إلى 250٬000 دولار أمريكي
band-250k_1m = من 250٬000 إلى مليون دولار أمريكي
band-over_1m = أكثر من مليون دولار أمريكي
band-not_given = غير معلن
funding-period = المدة
funding-recorded-by = سجّلتها
grant-remove = إزالة المنحة
funding-none = لم تُسجّل أي منحة بعد.
funding-add-h = تسجيل منحة
funding-recipient-hint = اسم المنظمة كما يظهر في Tandem يربط المنحة بها.
label-start = البداية
label-end = النهاية
funding-end-hint = تُميَّز المنحة التي مدتها ستة أشهر أو أقل.
label-iati_id = معرّف IATI (اختياري)
funding-iati-hint = إن كانت الجهة المموّلة تنشرها في IATI، مثل ⁨XM-DAC-41114-PROJECT-00012⁩.
funding-add = تسجيل المنحة
funding-import-h = استيراد ملف أنشطة IATI
funding-import-hint = ملف XML لأنشطة IATI (المعيار 2.0x). يصبح كل نشاط منحة، أو لا شيء: يذكر الخطأ رقم السطر. النشاط المستورد من قبل يُستبدل.
funding-import = استيراد الملف
profile-saved = حُفظ الملف.
endorsed = صارت منظمتك تزكّيها.
endorsement-withdrawn = سُحبت التزكية.
grant-recorded = سُجّلت المنحة.
grant-removed = أُزيلت المنحة.
grants-imported = استُورد ملف IATI.
endorsement-withdraw-question = أتسحب تزكيتك لـ{ $name }؟
endorsement-withdraw-explain = لن تظهر بعد الآن في ملفها. يمكنك تزكيتها من جديد لاحقًا.
grant-remove-question = أتزيل المنحة «{ $title }»؟
grant-remove-explain = تخرج من السجل ومن خريطة القدرات. لا يمكن التراجع عن ذلك.
label-visibility = من يرى هذا الملف
label-mission = الرسالة
label-activities = الأنشطة المشتركة
label-constituencies = من تخدمهم
label-values = القيم الأساسية
label-competencies = الكفاءات
label-constituency = قاعدتها الاجتماعية
label-note = ملاحظة
capacity-area = المنطقة
capacity-choose-area = اختر منطقة
capacity-nobody-here = لا تعمل هنا أي منظمة مدرجة.
capacity-districts = كل المقاطعات
capacity-missing = { $count ->
    [one] نشاط واحد لا يقوم به أحد
    [two] نشاطان لا يقوم بهما أحد
    [few] { $count } أنشطة لا يقوم بها أحد
   *[other] { $count } نشاطًا لا يقوم به أحد
}
capacity-none-missing = كل الأنشطة قائمة
problem-in-iati = السطر { $line } من الملف: { $fault }. لم يُستورد شيء.
iati-fault-not-xml = ليس ملف XML سليم البنية
iati-fault-not-activities = ليس ملف أنشطة IATI (يجب أن يبدأ بـ iati-activities)
iati-fault-none = لا يحتوي الملف أي نشاط
iati-fault-too-many = يحتوي الملف أكثر من { $max } نشاط
iati-fault-field = النشاط { $activity }: «{ $field }» ناقص أو غير صالح
iati-fault-repeated = النشاط { $activity } يكرر معرّفًا ورد من قبل في الملف
alerts-source-label = أي التنبيهات
alerts-source-reports = من بلاغاتكم
alerts-source-event-data = من بيانات الأحداث المستوردة
alerts-source-event-data-hint = أطلقت هذه التنبيهات ملفات الأحداث التي استوردتموها وحدها (مثل ACLED أو UCDP): لا يُحسب فيها أي من بلاغاتكم. التنبيهات التي أطلقتها بلاغاتكم تحت «{ alerts-source-reports }».
dashboard-event-data-alerts = أطلقت ملفات الأحداث التي استوردتموها تنبيهات خاصة بها، غير ظاهرة على هذه الخريطة:
