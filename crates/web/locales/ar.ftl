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
