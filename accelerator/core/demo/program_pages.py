"""The programs index and a page per program, in three languages."""

from wagtail.models import Locale

from accelerator.programs.models import Program
from cms.models import HomePage, ProgramIndexPage, ProgramPage

from .call_pages import LANGUAGES, ensure_translations
from .programs import ATLAS, DIGITAL

INDEX = {
    "en": {
        "title": "Programs",
        "slug": "programs",
        "intro": "The support programs run on this site, with their cohorts and calls.",
    },
    "vi": {
        "title": "Chương trình",
        "slug": "chuong-trinh",
        "intro": "Các chương trình hỗ trợ trên nền tảng, cùng các đợt hỗ trợ và thông báo mời.",
    },
    "ar": {
        "title": "البرامج",
        "slug": "البرامج",
        "intro": "برامج الدعم المسيّرة على هذه المنصة، مع دفعاتها ودعواتها.",
    },
}

PROGRAMS = {
    ATLAS: {
        "en": {
            "slug": "atlas",
            "intro": (
                "Four years to help young cooperatives of nine Moroccan regions become viable "
                "enterprises: selection in regional phases, a strategic diagnostic, a development "
                "plan financed with the cooperative, training and twelve coaching sessions each."
            ),
        },
        "vi": {
            "slug": "atlas",
            "intro": (
                "Bốn năm giúp các hợp tác xã trẻ tại chín vùng của Ma-rốc trở thành doanh nghiệp "
                "bền vững: lựa chọn theo từng giai đoạn vùng, chẩn đoán chiến lược, kế hoạch phát "
                "triển đồng tài trợ, tập huấn và mười hai buổi đồng hành cho mỗi hợp tác xã."
            ),
        },
        "ar": {
            "slug": "الأطلس",
            "intro": (
                "أربع سنوات لمساعدة التعاونيات الناشئة في تسع جهات مغربية على أن تصبح مقاولات قادرة "
                "على الاستمرار: انتقاء على مراحل جهوية، وتشخيص استراتيجي، وخطة تطوير بتمويل مشترك "
                "مع التعاونية، وتكوين، واثنتا عشرة حصة مواكبة لكل تعاونية."
            ),
        },
    },
    DIGITAL: {
        "en": {
            "slug": "cooperatives-go-digital",
            "intro": (
                "Eighteen months for 150 agricultural cooperatives of the Central Highlands, the "
                "Mekong Delta and the northern mountains to keep their books, sell and talk to "
                "their members with digital tools."
            ),
        },
        "vi": {
            "slug": "hop-tac-xa-chuyen-doi-so",
            "intro": (
                "Mười tám tháng để 150 hợp tác xã nông nghiệp ở Tây Nguyên, Đồng bằng sông Cửu Long "
                "và miền núi phía Bắc dùng công cụ số trong sổ sách, bán hàng và trao đổi với thành "
                "viên."
            ),
        },
        "ar": {
            "slug": "التعاونيات-نحو-التحول-الرقمي",
            "intro": (
                "ثمانية عشر شهراً لتمكين 150 تعاونية فلاحية في المرتفعات الوسطى ودلتا الميكونغ "
                "والمناطق الجبلية الشمالية من مسك حساباتها والبيع والتواصل مع أعضائها بأدوات رقمية."
            ),
        },
    },
}


def _fill_index(page, language):
    for field, value in INDEX[language].items():
        setattr(page, field, value)


def _filler(code):
    def fill(page, language):
        program = page.program
        page.title = getattr(program, f"name_{language}") or program.name_en
        page.slug = PROGRAMS[code][language]["slug"]
        page.intro = PROGRAMS[code][language]["intro"]

    return fill


def ensure_program_pages():
    locales = {language: Locale.objects.get(language_code=language) for language in LANGUAGES}
    english_home = HomePage.objects.filter(locale=locales["en"]).first()
    index = ProgramIndexPage.objects.child_of(english_home).first()
    if index is None:
        index = ProgramIndexPage(show_in_menus=True)
        _fill_index(index, "en")
        english_home.add_child(instance=index)
        index.save_revision().publish()
    ensure_translations(index, locales, _fill_index)
    for code in PROGRAMS:
        program = Program.objects.filter(code=code).first()
        if program is None:
            continue
        page = ProgramPage.objects.filter(program=program, locale=locales["en"]).first()
        fill = _filler(code)
        if page is None:
            page = ProgramPage(program=program)
            fill(page, "en")
            index.add_child(instance=page)
            page.save_revision().publish()
        ensure_translations(page, locales, fill)
