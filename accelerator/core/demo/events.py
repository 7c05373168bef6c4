"""The demo events: an index under each home page and five events, past and upcoming, in
English, Vietnamese and Arabic. Times are reckoned from the day the demo is first loaded, on the
clock of the place of each event, and never moved afterwards; what exists is left as it is."""

import zoneinfo
from datetime import datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Locale

from accelerator.programs.models import Organisation, Program
from cms.models import EventIndexPage, EventPage

from .call_pages import LANGUAGES, ensure_translations
from .news import ensure_index
from .programs import ATLAS, DIGITAL

INDEX = {
    "en": {
        "title": "Events",
        "slug": "events",
        "intro": "Kick-off meetings, workshops, steering committees and trainings, coming and past.",
    },
    "vi": {
        "title": "Sự kiện",
        "slug": "su-kien",
        "intro": "Họp khởi động, hội thảo, họp ban chỉ đạo và tập huấn, sắp diễn ra và đã qua.",
    },
    "ar": {
        "title": "الأنشطة",
        "slug": "الأنشطة",
        "intro": "اجتماعات الانطلاق والورشات واجتماعات اللجنة التوجيهية والدورات التكوينية، القادمة والسابقة.",
    },
}

MOROCCO = "Africa/Casablanca"
VIETNAM = "Asia/Ho_Chi_Minh"

EVENTS = [
    {
        "slug": "atlas-kick-off-meeting",
        "program": ATLAS,
        "kind": EventPage.Kind.KICK_OFF,
        "mode": EventPage.Mode.IN_PERSON,
        "time_zone": MOROCCO,
        "in_days": -110,
        "starts": time(9, 30),
        "hours": 6,
        "participants": 85,
        "partners": ["ARCD", "NCSO"],
        "en": {
            "title": "Kick-off meeting of the Atlas program",
            "place": "Marrakech",
            "intro": "Launch of the program with regional offices, cooperative unions and the funder.",
        },
        "vi": {
            "title": "Họp khởi động chương trình Atlas",
            "place": "Marrakech",
            "intro": "Khởi động chương trình cùng các văn phòng vùng, liên minh hợp tác xã và nhà tài trợ.",
        },
        "ar": {
            "title": "الاجتماع الافتتاحي لبرنامج الأطلس",
            "place": "مراكش",
            "intro": "إطلاق البرنامج مع المكاتب الجهوية والاتحادات التعاونية والجهة المموّلة.",
        },
    },
    {
        "slug": "steering-committee-first-meeting",
        "program": ATLAS,
        "kind": EventPage.Kind.STEERING_COMMITTEE,
        "mode": EventPage.Mode.HYBRID,
        "time_zone": MOROCCO,
        "in_days": -28,
        "starts": time(10, 0),
        "hours": 3,
        "participants": 24,
        "partners": ["ARCD", "NCSO"],
        "en": {
            "title": "First meeting of the steering committee",
            "place": "Rabat",
            "intro": "Review of the first cohort's selection and approval of the coaching schedule.",
        },
        "vi": {
            "title": "Phiên họp thứ nhất của ban chỉ đạo",
            "place": "Rabat",
            "intro": "Xem xét kết quả lựa chọn đợt đầu và thông qua lịch đồng hành.",
        },
        "ar": {
            "title": "الاجتماع الأول للجنة التوجيهية",
            "place": "الرباط",
            "intro": "دراسة انتقاء الدفعة الأولى والمصادقة على جدول المواكبة.",
        },
    },
    {
        "slug": "online-information-session-digital-call",
        "program": DIGITAL,
        "kind": EventPage.Kind.OTHER,
        "mode": EventPage.Mode.ONLINE,
        "time_zone": VIETNAM,
        "in_days": 6,
        "starts": time(14, 0),
        "hours": 2,
        "participants": None,
        "partners": ["CDSC"],
        "en": {
            "title": "Online information session on the call",
            "place": "",
            "intro": "How to apply, which documents to prepare, questions and answers.",
        },
        "vi": {
            "title": "Buổi giới thiệu trực tuyến về thông báo",
            "place": "",
            "intro": "Cách đăng ký, hồ sơ cần chuẩn bị, hỏi đáp.",
        },
        "ar": {
            "title": "لقاء تواصلي عن بُعد حول الدعوة",
            "place": "",
            "intro": "كيفية الترشح والوثائق المطلوب إعدادها، وأسئلة وأجوبة.",
        },
    },
    {
        "slug": "training-of-trainers-marketing",
        "program": ATLAS,
        "kind": EventPage.Kind.TRAINING,
        "mode": EventPage.Mode.IN_PERSON,
        "time_zone": MOROCCO,
        "in_days": 15,
        "starts": time(9, 0),
        "hours": 56,
        "participants": None,
        "partners": ["NCSO"],
        "en": {
            "title": "Training of trainers: marketing and commercial promotion",
            "place": "Agadir",
            "intro": "Three days for regional trainers on packaging, labelling and selling at trade fairs.",
        },
        "vi": {
            "title": "Đào tạo giảng viên: tiếp thị và xúc tiến thương mại",
            "place": "Agadir",
            "intro": "Ba ngày dành cho giảng viên vùng về bao bì, nhãn mác và bán hàng tại hội chợ.",
        },
        "ar": {
            "title": "تكوين المكونين: التسويق والترويج التجاري",
            "place": "أكادير",
            "intro": "ثلاثة أيام للمكونين الجهويين حول التغليف ووضع العلامات والبيع في المعارض.",
        },
    },
    {
        "slug": "mid-term-review-workshop-digital",
        "program": DIGITAL,
        "kind": EventPage.Kind.WORKSHOP,
        "mode": EventPage.Mode.HYBRID,
        "time_zone": VIETNAM,
        "in_days": 75,
        "starts": time(8, 30),
        "hours": 8,
        "participants": None,
        "partners": ["CDSC", "LDIF"],
        "en": {
            "title": "Mid-term review workshop",
            "place": "Can Tho",
            "intro": "Cooperatives, trainers and partners review the first months of the program.",
        },
        "vi": {
            "title": "Hội thảo đánh giá giữa kỳ",
            "place": "Cần Thơ",
            "intro": "Hợp tác xã, giảng viên và đối tác cùng đánh giá những tháng đầu của chương trình.",
        },
        "ar": {
            "title": "ورشة المراجعة المرحلية",
            "place": "كان تو",
            "intro": "التعاونيات والمكونون والشركاء يراجعون الأشهر الأولى من البرنامج.",
        },
    },
]


def _filler(spec):
    def fill(page, language):
        content = spec[language]
        page.title = content["title"]
        page.slug = f"{spec['slug']}-{language}" if language != "en" else spec["slug"]
        page.place = content["place"]
        page.intro = content["intro"]

    return fill


def _new_event(spec, programs, organisations, today):
    zone = zoneinfo.ZoneInfo(spec["time_zone"])
    start = datetime.combine(today + timedelta(days=spec["in_days"]), spec["starts"], tzinfo=zone)
    page = EventPage(
        kind=spec["kind"],
        mode=spec["mode"],
        time_zone=spec["time_zone"],
        start=start,
        end=start + timedelta(hours=spec["hours"]),
        participants=spec["participants"],
        program=programs.get(spec["program"]),
    )
    page.partners_present = [
        organisations[acronym] for acronym in spec["partners"] if acronym in organisations
    ]
    return page


def ensure_events():
    locales = {language: Locale.objects.get(language_code=language) for language in LANGUAGES}
    index = ensure_index(EventIndexPage, INDEX, locales)
    programs = {
        program.code: program for program in Program.objects.filter(code__in=[ATLAS, DIGITAL])
    }
    organisations = {
        organisation.acronym: organisation for organisation in Organisation.objects.all()
    }
    today = timezone.localdate()
    for spec in EVENTS:
        fill = _filler(spec)
        page = EventPage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if page is None:
            page = _new_event(spec, programs, organisations, today)
            fill(page, "en")
            index.add_child(instance=page)
            page.save_revision().publish()
        ensure_translations(page, locales, fill)
