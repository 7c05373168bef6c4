"""The demo calls for expressions of interest and their questions, in three languages.

The Moroccan call closed some weeks before the demo was first loaded (its applications are in
selection); the Vietnamese one is open. Dates are set once, at creation.
"""

import datetime

from django.utils import timezone

from accelerator.calls.models import Call, CallQuestion
from accelerator.programs.models import Program, Region

from .programs import ATLAS, DIGITAL

Kind = CallQuestion.Kind

ATLAS_CALL = "ATL1"
DIGITAL_CALL = "CDS1"

STATUTES = {
    "key": "statutes",
    "kind": Kind.FILE,
    "label": (
        "Statutes of the cooperative",
        "Điều lệ hợp tác xã",
        "النظام الأساسي للتعاونية",
    ),
    "help_text": (
        "The statutes as registered, scanned or photographed: PDF, JPEG or PNG, up to 10 MB.",
        "Điều lệ đã đăng ký, bản scan hoặc ảnh chụp: PDF, JPEG hoặc PNG, tối đa 10 MB.",
        "النظام الأساسي كما تم إيداعه، ممسوحاً ضوئياً أو مصوَّراً: PDF أو JPEG أو PNG، في حدود 10 ميغابايت.",
    ),
}

CALLS = {
    ATLAS_CALL: {
        "program": ATLAS,
        "title": (
            "Call for expressions of interest — Atlas, cohort 1",
            "Thông báo mời bày tỏ quan tâm — Atlas, đợt 1",
            "دعوة لتقديم طلبات الاهتمام — برنامج الأطلس، الدفعة الأولى",
        ),
        "timezone": "Africa/Casablanca",
        # (days from the first load, local time)
        # Long enough ago for the cohort to have reached its end-line diagnostics.
        "opens": (-700, datetime.time(9, 0)),
        "closes": (-640, datetime.time(23, 59)),
        "target": 500,
        "questions": [
            {
                "key": "project",
                "kind": Kind.LONG_TEXT,
                "label": (
                    "Your project in a few lines",
                    "Dự án của hợp tác xã trong vài dòng",
                    "مشروعكم في بضعة أسطر",
                ),
                "help_text": (
                    "What the cooperative makes or sells today, what it wants to achieve in two "
                    "years, and what stands in its way.",
                    "Hợp tác xã đang sản xuất hoặc bán gì, muốn đạt được điều gì trong hai năm tới "
                    "và đang gặp khó khăn gì.",
                    "ما تنتجه التعاونية أو تبيعه اليوم، وما تطمح إلى تحقيقه خلال سنتين، وما "
                    "يعيق ذلك.",
                ),
            },
            {
                "key": "main_market",
                "kind": Kind.SINGLE_CHOICE,
                "label": (
                    "Where does the cooperative sell most of its products?",
                    "Hợp tác xã bán phần lớn sản phẩm ở đâu?",
                    "أين تبيع التعاونية أغلب منتجاتها؟",
                ),
                "choices": (
                    [
                        "We do not sell yet",
                        "Local market and weekly souk",
                        "Other cities of Morocco",
                        "Abroad",
                    ],
                    [
                        "Chưa bán",
                        "Chợ địa phương và chợ phiên",
                        "Các thành phố khác của Maroc",
                        "Xuất khẩu",
                    ],
                    [
                        "لم نبدأ البيع بعد",
                        "السوق المحلي والسوق الأسبوعي",
                        "مدن مغربية أخرى",
                        "خارج المغرب",
                    ],
                ),
            },
            {
                "key": "support_needs",
                "kind": Kind.MULTIPLE_CHOICE,
                "label": (
                    "Which support would help the cooperative most?",
                    "Hình thức hỗ trợ nào cần thiết nhất cho hợp tác xã?",
                    "ما نوع الدعم الأكثر فائدة للتعاونية؟",
                ),
                "help_text": (
                    "Tick up to three.",
                    "Chọn tối đa ba mục.",
                    "اختاروا ثلاثة على الأكثر.",
                ),
                "choices": (
                    [
                        "Governance and general assemblies",
                        "Management and accounting",
                        "Production and quality",
                        "Packaging, labelling and certification",
                        "Marketing and sales",
                        "Digital tools",
                    ],
                    [
                        "Quản trị và đại hội thành viên",
                        "Quản lý và kế toán",
                        "Sản xuất và chất lượng",
                        "Bao bì, nhãn mác và chứng nhận",
                        "Tiếp thị và bán hàng",
                        "Công cụ số",
                    ],
                    [
                        "الحوكمة والجموع العامة",
                        "التدبير والمحاسبة",
                        "الإنتاج والجودة",
                        "التغليف ووضع العلامات والإشهاد",
                        "التسويق والبيع",
                        "الأدوات الرقمية",
                    ],
                ),
            },
            {
                "key": "bank_account",
                "kind": Kind.YES_NO,
                "label": (
                    "Does the cooperative have a bank account in its own name?",
                    "Hợp tác xã đã có tài khoản ngân hàng đứng tên hợp tác xã chưa?",
                    "هل للتعاونية حساب بنكي باسمها؟",
                ),
            },
            {
                "key": "permanent_jobs",
                "kind": Kind.NUMBER,
                "label": (
                    "How many people work for the cooperative all year round?",
                    "Có bao nhiêu người làm việc thường xuyên cho hợp tác xã?",
                    "كم عدد الأشخاص الذين يعملون في التعاونية طوال السنة؟",
                ),
                "help_text": (
                    "Members and employees with regular work, part-time included.",
                    "Tính cả thành viên và người lao động làm việc thường xuyên, kể cả bán thời gian.",
                    "الأعضاء والأجراء الذين يشتغلون بانتظام، بمن فيهم من يشتغل بدوام جزئي.",
                ),
                "min_value": 0,
                "max_value": 500,
            },
            STATUTES,
        ],
    },
    DIGITAL_CALL: {
        "program": DIGITAL,
        "title": (
            "Call for expressions of interest — Cooperatives Go Digital, cohort 2026",
            "Thông báo mời bày tỏ quan tâm — Hợp tác xã chuyển đổi số, đợt 2026",
            "دعوة لتقديم طلبات الاهتمام — التعاونيات نحو التحول الرقمي، دفعة 2026",
        ),
        "timezone": "Asia/Ho_Chi_Minh",
        "opens": (-10, datetime.time(8, 0)),
        "closes": (45, datetime.time(17, 0)),
        "target": 150,
        "regions": ["vn-central-highlands", "vn-mekong-delta", "vn-northern-midlands-mountains"],
        "questions": [
            {
                "key": "project",
                "kind": Kind.LONG_TEXT,
                "label": (
                    "What would you like to do with digital tools first?",
                    "Hợp tác xã muốn số hóa việc gì trước tiên?",
                    "ما الذي تودّون رقمنته أولاً؟",
                ),
                "help_text": (
                    "The task you want to move first (bookkeeping, traceability, online sales…) "
                    "and who in the cooperative will lead it.",
                    "Công việc muốn chuyển đổi trước (sổ sách, truy xuất nguồn gốc, bán hàng trực "
                    "tuyến…) và ai trong hợp tác xã sẽ phụ trách.",
                    "المهمة التي تريدون البدء بها (مسك الحسابات، التتبع، البيع عبر الإنترنت…) "
                    "ومن سيتولاها داخل التعاونية.",
                ),
            },
            {
                "key": "bookkeeping",
                "kind": Kind.SINGLE_CHOICE,
                "label": (
                    "How does the cooperative keep its accounts today?",
                    "Hiện nay hợp tác xã ghi chép sổ sách kế toán như thế nào?",
                    "كيف تمسك التعاونية حساباتها حالياً؟",
                ),
                "choices": (
                    [
                        "On paper",
                        "In a spreadsheet",
                        "With accounting software",
                        "An outside accountant does it",
                    ],
                    [
                        "Ghi sổ tay",
                        "Dùng bảng tính Excel",
                        "Dùng phần mềm kế toán",
                        "Thuê kế toán bên ngoài",
                    ],
                    [
                        "على الورق",
                        "في جدول إلكتروني",
                        "ببرنامج محاسبة",
                        "محاسب من خارج التعاونية",
                    ],
                ),
            },
            {
                "key": "channels",
                "kind": Kind.MULTIPLE_CHOICE,
                "label": (
                    "Where do you sell today?",
                    "Hợp tác xã đang bán sản phẩm qua những kênh nào?",
                    "عبر أي قنوات تبيعون حالياً؟",
                ),
                "choices": (
                    [
                        "Traders who come to buy",
                        "Shops and supermarkets",
                        "Social networks (Zalo, Facebook)",
                        "E-commerce platforms",
                        "Export through a company",
                    ],
                    [
                        "Thương lái đến thu mua",
                        "Cửa hàng và siêu thị",
                        "Mạng xã hội (Zalo, Facebook)",
                        "Sàn thương mại điện tử",
                        "Xuất khẩu qua doanh nghiệp",
                    ],
                    [
                        "تجار يأتون للشراء",
                        "المتاجر والأسواق الممتازة",
                        "شبكات التواصل الاجتماعي (Zalo وFacebook)",
                        "منصات التجارة الإلكترونية",
                        "التصدير عبر شركة",
                    ],
                ),
            },
            {
                "key": "traceability",
                "kind": Kind.YES_NO,
                "label": (
                    "Does any of your products carry a traceability QR code?",
                    "Sản phẩm của hợp tác xã đã có mã QR truy xuất nguồn gốc chưa?",
                    "هل يحمل أحد منتجاتكم رمز QR للتتبع؟",
                ),
            },
            {
                "key": "smartphone_members",
                "kind": Kind.NUMBER,
                "label": (
                    "How many members use a smartphone for the cooperative's work?",
                    "Bao nhiêu thành viên dùng điện thoại thông minh cho công việc của hợp tác xã?",
                    "كم عدد الأعضاء الذين يستعملون هاتفاً ذكياً في عمل التعاونية؟",
                ),
                "min_value": 0,
                "max_value": 10000,
            },
            STATUTES,
        ],
    },
}


def _moment(today, days, at, zone):
    day = today + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, at, tzinfo=zone)


def _translated(field, values):
    return {
        f"{field}_{code}": value for code, value in zip(("en", "vi", "ar"), values, strict=True)
    }


def _question(call, order, spec):
    fields = {
        **_translated("label", spec["label"]),
        **_translated("help_text", spec.get("help_text", ("", "", ""))),
        **_translated("choices", ["\n".join(lines) for lines in spec.get("choices", ([],) * 3)]),
    }
    return CallQuestion(
        call=call,
        sort_order=order,
        key=spec["key"],
        kind=spec["kind"],
        min_value=spec.get("min_value"),
        max_value=spec.get("max_value"),
        **fields,
    )


def _create_call(prefix, spec, program):
    cohort = program.cohorts.order_by("start_date").first()
    call = Call(program=program, cohort=cohort, reference_prefix=prefix, timezone=spec["timezone"])
    zone = call.tzinfo
    today = timezone.localdate(timezone=zone)
    call.opens_at = _moment(today, *spec["opens"], zone)
    call.closes_at = _moment(today, *spec["closes"], zone)
    call.target_cooperatives = spec["target"]
    for field, value in _translated("title", spec["title"]).items():
        setattr(call, field, value)
    if "regions" in spec:
        regions = Region.objects.filter(code__in=spec["regions"])
    else:
        # The call covers the regions of its cohort's phases.
        regions = Region.objects.filter(phase__cohort=cohort).distinct()
    call.regions.set(regions)
    call.save()
    CallQuestion.objects.bulk_create(
        [_question(call, order, question) for order, question in enumerate(spec["questions"])]
    )
    return call


def ensure_calls():
    """Create the calls that are missing, each with its questions; existing calls are left as
    staff keep them (questions included)."""
    programs = {
        program.code: program for program in Program.objects.filter(code__in=[ATLAS, DIGITAL])
    }
    existing = {
        call.reference_prefix: call for call in Call.objects.filter(reference_prefix__in=CALLS)
    }
    calls = {}
    for prefix, spec in CALLS.items():
        calls[prefix] = existing.get(prefix) or _create_call(
            prefix, spec, programs[spec["program"]]
        )
    return calls
