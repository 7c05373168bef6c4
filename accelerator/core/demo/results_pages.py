"""A results page per cohort of each demo program, in three languages, under the program's
page; the figures themselves are computed from the demo records by the results task."""

from wagtail.models import Locale

from accelerator.programs.models import Cohort
from accelerator.results.models import CohortResultsPage, ResultsSnapshot
from accelerator.results.store import schedule_recompute
from cms.models import ProgramPage

from .call_pages import LANGUAGES, ensure_translations
from .programs import ATLAS, DIGITAL

TEXT = {
    "en": {
        "title": "Results: {cohort}",
        "slug": "results-{number}",
        "intro": (
            "What this cohort has achieved so far, counted from the program's own records: "
            "cooperatives and members reached, capacity scores before and after, training, "
            "coaching, assistance and the money spent with its co-financing. Filter by phase, "
            "region or sector, and download the same figures as open data."
        ),
    },
    "vi": {
        "title": "Kết quả: {cohort}",
        "slug": "ket-qua-{number}",
        "intro": (
            "Những gì đợt hỗ trợ này đạt được đến nay, được tính trực tiếp từ hồ sơ của chương "
            "trình: số hợp tác xã và thành viên được hỗ trợ, điểm năng lực trước và sau, đào tạo, "
            "đồng hành, hỗ trợ kỹ thuật và kinh phí đã chi cùng phần đồng tài trợ. Có thể lọc theo "
            "giai đoạn, vùng hoặc ngành và tải về cùng số liệu dưới dạng dữ liệu mở."
        ),
    },
    "ar": {
        "title": "النتائج: {cohort}",
        "slug": "النتائج-{number}",
        "intro": (
            "ما حققته هذه الدفعة حتى الآن، محسوباً من سجلات البرنامج نفسها: التعاونيات والأعضاء "
            "المستفيدون، ونقاط القدرات قبل الدعم وبعده، والتكوين، والمواكبة، والمساعدة التقنية، "
            "والمبالغ المصروفة مع تقاسم التمويل. يمكن التصفية حسب المرحلة أو الجهة أو القطاع، "
            "وتنزيل الأرقام نفسها كبيانات مفتوحة."
        ),
    },
}


def _filler(number):
    def fill(page, language):
        cohort = page.cohort
        name = getattr(cohort, f"name_{language}") or cohort.name_en
        text = TEXT[language]
        page.title = text["title"].format(cohort=name)
        page.slug = text["slug"].format(number=number)
        page.intro = text["intro"]

    return fill


def ensure_results_pages():
    """Create the missing results pages of the demo programs' cohorts (en, vi, ar) and have each
    cohort never computed have its figures computed (after the commit, by the results task).
    Idempotent: a second run changes nothing."""
    locales = {language: Locale.objects.get(language_code=language) for language in LANGUAGES}
    cohorts = Cohort.objects.filter(program__code__in=[ATLAS, DIGITAL]).order_by(
        "program", "start_date", "pk"
    )
    numbers = {}
    for cohort in cohorts:
        numbers[cohort.program_id] = numbers.get(cohort.program_id, 0) + 1
        parent = ProgramPage.objects.filter(
            program_id=cohort.program_id, locale=locales["en"]
        ).first()
        if parent is None:
            continue
        fill = _filler(numbers[cohort.program_id])
        page = CohortResultsPage.objects.filter(cohort=cohort, locale=locales["en"]).first()
        if page is None:
            page = CohortResultsPage(cohort=cohort)
            fill(page, "en")
            parent.add_child(instance=page)
            page.save_revision().publish()
        ensure_translations(page, locales, fill)
        if not ResultsSnapshot.objects.filter(cohort=cohort).exists():
            schedule_recompute(cohort.pk)
