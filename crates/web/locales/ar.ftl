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
login-intro = سجّل الدخول بعنوان البريد الإلكتروني وكلمة المرور اللذين أعطاك إياهما مسؤول منظمتك.
login-email = البريد الإلكتروني
login-password = كلمة المرور
login-submit = دخول
login-failed = البريد الإلكتروني أو كلمة المرور غير صحيحة.
login-throttled = محاولات فاشلة كثيرة. حاول مرة أخرى بعد { $seconds } ثانية.
login-no-org = حسابك لا ينتمي إلى أي منظمة بعد. اطلب من أحد المسؤولين إضافتك.

home-title = الرئيسية
home-welcome = أهلًا بك يا { $name }.
home-acting-for = أنت تعمل باسم { $org } بصفة { $role }.
home-next = ستظهر هنا البلاغات والتنبيهات والمنتديات والمؤشر كلما استخدمتها منظمتك.
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
members-add = إضافة عضو
members-password = كلمة مرور لحساب جديد
members-password-hint = مطلوبة فقط إن لم يكن للعنوان حساب بعد؛ عشرة أحرف على الأقل.
members-change-role = تغيير الدور
members-remove = إزالة
members-added = أُضيف العضو.
members-updated = حُدّث العضو.
members-removed = أُزيل العضو.

audit-title = النشاط الأخير
audit-when = متى
audit-action = الإجراء
audit-subject = السجل

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

severity-1 = ١ – منخفضة
severity-2 = ٢ – متوسطة
severity-3 = ٣ – خطيرة
severity-4 = ٤ – حرجة

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
alert-unassigned = غير مُسند
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
method-c1 = EARS C1
method-c2 = EARS C2
method-c3 = EARS C3

dashboard-title = لوحة المتابعة
dashboard-map = التنبيهات المفتوحة حسب المنطقة
dashboard-map-legend = كلما كانت المنطقة أغمق زادت تنبيهاتها المفتوحة. المناطق الخالية من التنبيهات فاتحة.
dashboard-series = البلاغات أسبوعيًا، آخر ٢٦ أسبوعًا
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
level-admin1 = الإقليم (المستوى الإداري 1)
level-admin2 = المقاطعة (المستوى الإداري 2)
level-locality = البلدة

sharing-title = اتفاقات المشاركة
sharing-intro = لا يخرج شيء من منظمتكم إلا بموجب اتفاق. يحدد كل اتفاق شريكًا واحدًا وما يجوز له رؤيته وكيف؛ وإلغاؤه يوقف المشاركة فورًا.
sharing-with = بين
sharing-to = { $org } يتلقى منا
sharing-from = نتلقى من { $org }
sharing-mode = الكيفية
sharing-mode-aggregates = أعداد مجمَّعة فقط
sharing-mode-records = سجلات مجهَّلة الهوية
sharing-mode-hint = الأعداد المجمعة خلايا ثابتة (المنطقة، الأسبوع، الفئة) للبلاغات المؤكدة مع إخفاء الأعداد الصغيرة. السجلات بلاغات مؤكدة بمنطقة أوسع، باليوم فقط، دون المبلِّغ، ووصف خالٍ من الأسماء وأرقام الهواتف والبريد الإلكتروني وأرقام الهوية.
sharing-kind-reports = البلاغات
sharing-kind-alerts = الإنذارات المسندة إلى الشريك
sharing-kinds = ماذا
sharing-level = مستوى المنطقة
sharing-k = أصغر عدد يُعرض (k)
sharing-k-hint = تُخفى الأعداد الأصغر منه، ومعها أي عدد آخر قد يكشفها. 3 على الأقل؛ والافتراضي 5.
sharing-categories = الفئات
sharing-categories-hint = إن لم تُحدَّد أي فئة: كل الفئات.
sharing-all-categories = كل الفئات
sharing-valid = الصلاحية
sharing-valid-to = صالح حتى (اختياري)
sharing-status = الحالة
sharing-status-in_force = سارٍ
sharing-status-revoked = ملغى
sharing-status-expired = منتهٍ
sharing-status-pending = لم يسرِ بعد
sharing-revoke = إلغاء
sharing-none = لا توجد اتفاقات مشاركة.
sharing-new = اتفاق جديد
sharing-partner = المنظمة الشريكة
sharing-create = إنشاء الاتفاق
sharing-created = أُنشئ الاتفاق؛ تبدأ المشاركة الآن.
sharing-revoked = أُلغي الاتفاق؛ لم يعد يُشارَك شيء.

shared-title = ما يُشارَك معنا
shared-none = لا تشارك أي منظمة شيئًا مع منظمتكم حاليًا.
shared-alerts = الإنذارات المسندة إلينا
shared-owner = من
shared-from = البلاغات المؤكدة لـ { $org }
shared-explain = أعداد البلاغات المؤكدة حسب { $level } والأسبوع والفئة. تُخفى الأعداد الأصغر من { $k }.
shared-total = المجموع
shared-suppressed = مخفي لحماية من أبلغوا
shared-legend = – : مخفي لأنه صغير أو لأنه يكشف عددًا صغيرًا. المناطق والفئات غير الظاهرة لم تكن فيها بلاغات مؤكدة.
shared-below-k = أقل من أصغر عدد في الاتفاق
shared-no-weeks = لا توجد بلاغات مؤكدة في هذه الأسابيع.
shared-weeks = الأسابيع
shared-records-link = السجلات مجهَّلة الهوية
shared-records-title = السجلات المشارَكة
shared-records-intro = بلاغات مؤكدة مشارَكة معكم: منطقة أوسع، اليوم فقط، دون المبلِّغ، ووصف خالٍ من الأسماء وأرقام الهواتف والبريد الإلكتروني وأرقام الهوية.
shared-date = اليوم
shared-alert-note = ترون هذا الإنذار لأنه أُسند إلى منظمتكم بموجب اتفاق مشاركة. تبقى البلاغات التي يستند إليها لدى صاحبها.

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
