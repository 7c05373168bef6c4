"""The demo news: an index under each home page and five news items in English, Vietnamese and
Arabic, written for this demo. Dates are reckoned back from the day the demo is first loaded and
never moved afterwards; what exists is left as it is.
"""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from accelerator.programs.models import Program
from cms.models import CallPage, HomePage, NewsIndexPage, NewsPage

from .call_pages import LANGUAGES, ensure_translations
from .calls import DIGITAL_CALL
from .programs import ATLAS, DIGITAL

INDEX = {
    "en": {
        "title": "News",
        "slug": "news",
        "intro": "Meetings, trainings and calls of the programs run on this site.",
    },
    "vi": {
        "title": "Tin tức",
        "slug": "tin-tuc",
        "intro": "Các cuộc họp, lớp tập huấn và thông báo của các chương trình trên nền tảng.",
    },
    "ar": {
        "title": "الأخبار",
        "slug": "الأخبار",
        "intro": "اجتماعات البرامج المسيّرة على هذه المنصة ودوراتها التكوينية ودعواتها.",
    },
}


def _p(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def _quote(text, attribution):
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def _figures(*pairs):
    return {
        "type": "key_figures",
        "value": [{"number": number, "label": label} for number, label in pairs],
    }


# The call block's page is found when the news is built: it stands here as this marker.
CALL = {"type": "call", "value": None}

NEWS = [
    {
        "program": ATLAS,
        "days_ago": 110,
        "en": {
            "slug": "atlas-kick-off",
            "title": "Atlas program kicks off in Marrakech",
            "intro": (
                "Eighty-five representatives of regional offices, cooperative unions and the "
                "funder met to launch four years of support to young Moroccan cooperatives."
            ),
            "tags": ["kick-off", "Atlas"],
            "body": [
                _p(
                    "The kick-off meeting presented how the program will run: a public call per "
                    "cohort, selection in regional phases, a strategic diagnostic for every "
                    "admitted cooperative, then a development plan financed together with it."
                ),
                _p(
                    "Regional offices explained how they will relay the call in rural communes, "
                    "where many cooperatives learn about support programs by word of mouth."
                ),
                _quote(
                    "We want every cooperative to leave the program with a plan it wrote itself "
                    "and the skills to carry it out.",
                    "Program coordinator",
                ),
                _figures(
                    (85, "participants"),
                    (9, "regions represented"),
                    (500, "places in the first cohort"),
                ),
            ],
        },
        "vi": {
            "slug": "khoi-dong-chuong-trinh-atlas",
            "title": "Khởi động chương trình Atlas tại Marrakech",
            "intro": (
                "Tám mươi lăm đại diện của các văn phòng vùng, liên minh hợp tác xã và nhà tài "
                "trợ đã gặp nhau để khởi động bốn năm hỗ trợ các hợp tác xã trẻ của Ma-rốc."
            ),
            "tags": ["khởi động", "Atlas"],
            "body": [
                _p(
                    "Cuộc họp khởi động giới thiệu cách chương trình vận hành: một thông báo mời "
                    "bày tỏ quan tâm cho mỗi đợt, lựa chọn theo từng giai đoạn vùng, chẩn đoán "
                    "chiến lược cho mỗi hợp tác xã được chọn, rồi một kế hoạch phát triển được "
                    "đồng tài trợ."
                ),
                _p(
                    "Các văn phòng vùng trình bày cách đưa thông báo đến các xã nông thôn, nơi "
                    "nhiều hợp tác xã biết đến chương trình hỗ trợ qua truyền miệng."
                ),
                _quote(
                    "Chúng tôi mong mỗi hợp tác xã rời chương trình với một kế hoạch do chính "
                    "mình xây dựng và đủ năng lực để thực hiện.",
                    "Điều phối viên chương trình",
                ),
                _figures((85, "người tham dự"), (9, "vùng có đại diện"), (500, "chỉ tiêu đợt đầu")),
            ],
        },
        "ar": {
            "slug": "انطلاق-برنامج-الأطلس",
            "title": "انطلاق برنامج الأطلس بمراكش",
            "intro": (
                "التقى خمسة وثمانون ممثلاً عن المكاتب الجهوية والاتحادات التعاونية والجهة المموّلة "
                "لإطلاق أربع سنوات من دعم التعاونيات المغربية الناشئة."
            ),
            "tags": ["انطلاق", "الأطلس"],
            "body": [
                _p(
                    "عرض الاجتماع الافتتاحي طريقة سير البرنامج: دعوة عمومية لكل دفعة، وانتقاء على "
                    "مراحل جهوية، وتشخيص استراتيجي لكل تعاونية مقبولة، ثم خطة تطوير بتمويل مشترك."
                ),
                _p(
                    "شرحت المكاتب الجهوية كيف ستوصل الدعوة إلى الجماعات القروية، حيث تعرف تعاونيات "
                    "كثيرة برامج الدعم من أفواه الناس."
                ),
                _quote(
                    "نريد أن تخرج كل تعاونية من البرنامج بخطة كتبتها بنفسها وبالمهارات اللازمة "
                    "لتنفيذها.",
                    "منسق البرنامج",
                ),
                _figures((85, "مشاركاً"), (9, "جهات ممثلة"), (500, "مقعد في الدفعة الأولى")),
            ],
        },
    },
    {
        "program": ATLAS,
        "days_ago": 28,
        "en": {
            "slug": "steering-committee-first-meeting",
            "title": "Steering committee reviews the first cohort's selection",
            "intro": (
                "The steering committee met in Rabat with 24 members present to review the "
                "selection of the first cohort and approve the coaching schedule."
            ),
            "tags": ["steering committee", "Atlas"],
            "body": [
                _p(
                    "The committee examined the applications received, the eligibility results "
                    "and the reviewers' ranking, region by region, before confirming the "
                    "admissions proposed by the program office."
                ),
                _p(
                    "It asked that cooperatives led by women and by young people be followed "
                    "closely during the diagnostics, and approved twelve coaching sessions per "
                    "cooperative over two years."
                ),
                _figures((24, "members present"), (3, "regional phases approved")),
            ],
        },
        "vi": {
            "slug": "hop-ban-chi-dao-lan-thu-nhat",
            "title": "Ban chỉ đạo xem xét kết quả lựa chọn đợt đầu",
            "intro": (
                "Ban chỉ đạo họp tại Rabat với 24 thành viên tham dự để xem xét việc lựa chọn "
                "đợt hỗ trợ đầu tiên và thông qua lịch đồng hành."
            ),
            "tags": ["ban chỉ đạo", "Atlas"],
            "body": [
                _p(
                    "Ban chỉ đạo xem xét số hồ sơ đăng ký nhận được, kết quả kiểm tra điều kiện "
                    "tham gia và bảng xếp hạng của hội đồng chấm điểm theo từng vùng, trước khi "
                    "xác nhận danh sách do văn phòng chương trình đề xuất."
                ),
                _p(
                    "Ban đề nghị theo dõi sát các hợp tác xã do phụ nữ và thanh niên điều hành "
                    "trong quá trình chẩn đoán, và thông qua mười hai buổi đồng hành cho mỗi hợp "
                    "tác xã trong hai năm."
                ),
                _figures((24, "thành viên tham dự"), (3, "giai đoạn vùng được thông qua")),
            ],
        },
        "ar": {
            "slug": "اجتماع-اللجنة-التوجيهية-الأول",
            "title": "اللجنة التوجيهية تدرس انتقاء الدفعة الأولى",
            "intro": (
                "اجتمعت اللجنة التوجيهية بالرباط بحضور 24 عضواً لدراسة انتقاء الدفعة الأولى "
                "والمصادقة على جدول المواكبة."
            ),
            "tags": ["اللجنة التوجيهية", "الأطلس"],
            "body": [
                _p(
                    "درست اللجنة الطلبات الواردة ونتائج دراسة الأهلية وترتيب المراجعين، جهة بجهة، "
                    "قبل تأكيد القبول الذي اقترحه مكتب البرنامج."
                ),
                _p(
                    "وطلبت متابعة التعاونيات التي تقودها النساء والشباب عن كثب خلال التشخيص، "
                    "وصادقت على اثنتي عشرة حصة مواكبة لكل تعاونية على مدى سنتين."
                ),
                _figures((24, "عضواً حاضراً"), (3, "مراحل جهوية مصادق عليها")),
            ],
        },
    },
    {
        "program": DIGITAL,
        "days_ago": 60,
        "en": {
            "slug": "training-of-trainers-digital-tools",
            "title": "Thirty trainers ready to teach digital bookkeeping",
            "intro": (
                "A five-day training of trainers in Buon Ma Thuot prepared thirty trainers from "
                "provincial cooperative alliances to teach digital tools to cooperative staff."
            ),
            "tags": ["training", "training of trainers"],
            "body": [
                _p(
                    "Participants practised keeping accounts and member records on a phone, "
                    "selling through online marketplaces and running a member group chat, then "
                    "each prepared a one-day session for their province."
                ),
                _p(
                    "They will train the accountants and managers of the cooperatives admitted "
                    "to the program, close to home, in the months after admission."
                ),
                _figures((30, "trainers trained"), (5, "days"), (12, "provinces")),
            ],
        },
        "vi": {
            "slug": "dao-tao-giang-vien-cong-cu-so",
            "title": "Ba mươi giảng viên sẵn sàng hướng dẫn kế toán số",
            "intro": (
                "Khóa đào tạo giảng viên (TOT) năm ngày tại Buôn Ma Thuột đã chuẩn bị cho ba "
                "mươi giảng viên của liên minh hợp tác xã các tỉnh hướng dẫn công cụ số cho cán "
                "bộ hợp tác xã."
            ),
            "tags": ["tập huấn", "đào tạo giảng viên"],
            "body": [
                _p(
                    "Học viên thực hành ghi sổ kế toán và danh sách thành viên trên điện thoại, "
                    "bán hàng qua sàn thương mại điện tử và quản lý nhóm trao đổi với thành viên, "
                    "sau đó mỗi người chuẩn bị một buổi tập huấn một ngày cho tỉnh của mình."
                ),
                _p(
                    "Các giảng viên sẽ tập huấn cho kế toán và giám đốc các hợp tác xã được chọn "
                    "vào chương trình, ngay tại địa phương, trong những tháng sau khi được chọn."
                ),
                _figures((30, "giảng viên được đào tạo"), (5, "ngày"), (12, "tỉnh")),
            ],
        },
        "ar": {
            "slug": "تكوين-المكونين-الأدوات-الرقمية",
            "title": "ثلاثون مكوّناً مستعدون لتعليم المحاسبة الرقمية",
            "intro": (
                "أعدّ تكوين للمكونين دام خمسة أيام في بون ما توت ثلاثين مكوّناً من الاتحادات "
                "التعاونية الإقليمية لتعليم الأدوات الرقمية لأطر التعاونيات."
            ),
            "tags": ["التكوين", "تكوين المكونين"],
            "body": [
                _p(
                    "تدرّب المشاركون على مسك الحسابات وسجلات الأعضاء على الهاتف، والبيع عبر "
                    "المنصات الإلكترونية، وتسيير مجموعة تواصل مع الأعضاء، ثم أعدّ كل منهم دورة "
                    "من يوم واحد لإقليمه."
                ),
                _p(
                    "سيكوّنون محاسبي التعاونيات المقبولة في البرنامج ومسيّريها، قرب مقراتهم، خلال "
                    "الأشهر التي تلي القبول."
                ),
                _figures((30, "مكوّناً"), (5, "أيام"), (12, "إقليماً")),
            ],
        },
    },
    {
        "program": ATLAS,
        "days_ago": 7,
        "en": {
            "slug": "mid-term-review-workshop",
            "title": "Mid-term review: what the first diagnostics tell us",
            "intro": (
                "Coaches, regional offices and cooperative representatives met for two days in "
                "Agadir to review the program at mid-term."
            ),
            "tags": ["mid-term review", "Atlas"],
            "body": [
                _p(
                    "The workshop compared the baseline diagnostics with the first mid-term ones. "
                    "Bookkeeping and the preparation of general assemblies improved most; "
                    "marketing and digital skills remain the weakest domains."
                ),
                _p(
                    "Participants proposed more exchange visits between cooperatives of the same "
                    "sector and a shared calendar of trade fairs for the second year."
                ),
                _quote(
                    "Our members now see the accounts before the general assembly, not after.",
                    "Treasurer of a women's argan cooperative",
                ),
            ],
        },
        "vi": {
            "slug": "hoi-thao-danh-gia-giua-ky",
            "title": "Đánh giá giữa kỳ: các lần chẩn đoán đầu tiên cho thấy điều gì",
            "intro": (
                "Chuyên gia đồng hành, văn phòng vùng và đại diện hợp tác xã đã làm việc hai "
                "ngày tại Agadir để đánh giá chương trình giữa kỳ."
            ),
            "tags": ["đánh giá giữa kỳ", "Atlas"],
            "body": [
                _p(
                    "Hội thảo so sánh kết quả chẩn đoán đầu kỳ với các lần chẩn đoán giữa kỳ đầu "
                    "tiên. Sổ sách kế toán và việc chuẩn bị đại hội thành viên tiến bộ nhiều "
                    "nhất; tiếp thị và năng lực số vẫn là những lĩnh vực yếu nhất."
                ),
                _p(
                    "Người tham dự đề xuất tăng các chuyến trao đổi kinh nghiệm giữa các hợp tác "
                    "xã cùng ngành và lập lịch hội chợ chung cho năm thứ hai."
                ),
                _quote(
                    "Giờ đây thành viên được xem sổ sách trước đại hội, chứ không phải sau.",
                    "Thủ quỹ một hợp tác xã dầu argan của phụ nữ",
                ),
            ],
        },
        "ar": {
            "slug": "ورشة-المراجعة-المرحلية",
            "title": "المراجعة المرحلية: ما تكشفه التشخيصات الأولى",
            "intro": (
                "التقى المواكبون والمكاتب الجهوية وممثلو التعاونيات يومين بأكادير لمراجعة "
                "البرنامج في منتصف مدته."
            ),
            "tags": ["المراجعة المرحلية", "الأطلس"],
            "body": [
                _p(
                    "قارنت الورشة التشخيصات الأولية بأولى التشخيصات المرحلية. تحسّن مسك الحسابات "
                    "وإعداد الجموع العامة أكثر من غيرهما، بينما يبقى التسويق والمهارات الرقمية "
                    "أضعف المجالات."
                ),
                _p(
                    "اقترح المشاركون مزيداً من زيارات تبادل التجارب بين تعاونيات القطاع نفسه "
                    "وجدولاً مشتركاً للمعارض التجارية للسنة الثانية."
                ),
                _quote(
                    "صار أعضاؤنا يطّلعون على الحسابات قبل الجمع العام، لا بعده.",
                    "أمينة مال تعاونية نسائية لزيت الأركان",
                ),
            ],
        },
    },
    {
        "program": DIGITAL,
        "days_ago": 3,
        "en": {
            "slug": "call-open-cooperatives-go-digital",
            "title": "Call open: 150 places for agricultural cooperatives going digital",
            "intro": (
                "Agricultural cooperatives of the Central Highlands, the Mekong Delta and the "
                "northern mountains can now apply to the program's first cohort."
            ),
            "tags": ["call", "digital"],
            "body": [
                _p(
                    "Cooperatives apply online, in Vietnamese, without creating an account: they "
                    "can save their application and come back to it with the link they receive."
                ),
                CALL,
            ],
        },
        "vi": {
            "slug": "mo-thong-bao-hop-tac-xa-chuyen-doi-so",
            "title": "Mở thông báo: 150 suất cho hợp tác xã nông nghiệp chuyển đổi số",
            "intro": (
                "Hợp tác xã nông nghiệp ở Tây Nguyên, Đồng bằng sông Cửu Long và miền núi phía "
                "Bắc đã có thể đăng ký tham gia đợt hỗ trợ đầu tiên của chương trình."
            ),
            "tags": ["thông báo", "chuyển đổi số"],
            "body": [
                _p(
                    "Hợp tác xã đăng ký trực tuyến bằng tiếng Việt, không cần tạo tài khoản: có "
                    "thể lưu hồ sơ đăng ký và quay lại hoàn thiện bằng đường liên kết được gửi."
                ),
                CALL,
            ],
        },
        "ar": {
            "slug": "دعوة-مفتوحة-التحول-الرقمي",
            "title": "دعوة مفتوحة: 150 مقعداً للتعاونيات الفلاحية نحو التحول الرقمي",
            "intro": (
                "يمكن الآن للتعاونيات الفلاحية في المرتفعات الوسطى ودلتا الميكونغ والمناطق الجبلية "
                "الشمالية الترشح للدفعة الأولى من البرنامج."
            ),
            "tags": ["دعوة", "التحول الرقمي"],
            "body": [
                _p(
                    "تترشح التعاونيات عبر الإنترنت دون إنشاء حساب: يمكنها حفظ طلبها والعودة إليه "
                    "بالرابط الذي يصلها."
                ),
                CALL,
            ],
        },
    },
]


def _body(blocks, call_page):
    body = []
    for block in blocks:
        if block is CALL:
            if call_page is None:
                continue
            block = {"type": "call", "value": call_page.pk}
        body.append(block)
    return body


def _filler(spec, call_page):
    def fill(page, language):
        content = spec[language]
        page.title = content["title"]
        page.slug = content["slug"]
        page.intro = content["intro"]
        page.body = _body(content["body"], call_page)
        page.tags.clear()
        page.tags.add(*content["tags"])

    return fill


def ensure_index(model, content, locales):
    """An index page of this model under the English home page, translated, shown in menus."""
    english_home = HomePage.objects.filter(locale=locales["en"]).first()
    index = model.objects.child_of(english_home).first()
    if index is None:
        index = model(show_in_menus=True)
        for field, value in content["en"].items():
            setattr(index, field, value)
        english_home.add_child(instance=index)
        index.save_revision().publish()

    def fill(page, language):
        for field, value in content[language].items():
            setattr(page, field, value)

    ensure_translations(index, locales, fill)
    return index


def ensure_news():
    locales = {language: Locale.objects.get(language_code=language) for language in LANGUAGES}
    index = ensure_index(NewsIndexPage, INDEX, locales)
    programs = {
        program.code: program for program in Program.objects.filter(code__in=[ATLAS, DIGITAL])
    }
    call_page = CallPage.objects.filter(
        call__reference_prefix=DIGITAL_CALL, locale=locales["en"]
    ).first()
    today = timezone.localdate()
    for spec in NEWS:
        fill = _filler(spec, call_page)
        page = NewsPage.objects.child_of(index).filter(slug=spec["en"]["slug"]).first()
        if page is None:
            page = NewsPage(
                date=today - timedelta(days=spec["days_ago"]), program=programs.get(spec["program"])
            )
            fill(page, "en")
            index.add_child(instance=page)
            page.save_revision().publish()
        ensure_translations(page, locales, fill)
