"""The two demo programs, their funders and offices, and their first cohort.

Organisations and programs are invented. Dates are set relative to the day the demo is first
loaded, so the Moroccan cohort is in selection and the Vietnamese one is recruiting, and are
never moved afterwards.
"""

from datetime import timedelta

from django.utils import timezone

from accelerator.programs.models import (
    Cohort,
    Country,
    Currency,
    Organisation,
    Phase,
    Program,
    Region,
)

ATLAS = "atlas"
DIGITAL = "coop-digital"

ORGANISATIONS = {
    "ARCD": "Agency for Rural Cooperation and Development",
    "NCSO": "National Cooperative Support Office",
    "CDSC": "Cooperative Development Support Centre",
    "LDIF": "Lotus Digital Inclusion Fund",
}

PROGRAMS = {
    ATLAS: {
        "fields": {
            "name_en": "Atlas Young Cooperatives Program",
            "name_vi": "Chương trình Hợp tác xã trẻ Atlas",
            "name_ar": "برنامج الأطلس للتعاونيات الناشئة",
            "description_en": (
                "Atlas supports cooperatives created in the last four years, in cohorts of 500. Each "
                "admitted cooperative gets a strategic diagnostic, a development plan, collective "
                "training and twelve coaching sessions over two years, plus help with packaging, "
                "labelling and finding buyers."
            ),
            "description_vi": (
                "Atlas hỗ trợ các hợp tác xã thành lập trong bốn năm gần đây, mỗi đợt 500 hợp tác xã. "
                "Mỗi hợp tác xã được chọn sẽ được chẩn đoán chiến lược, xây dựng kế hoạch phát triển, "
                "tham gia tập huấn và được chuyên gia đồng hành mười hai buổi trong hai năm, cùng với "
                "hỗ trợ về bao bì, nhãn mác và tìm người mua."
            ),
            "description_ar": (
                "يواكب برنامج الأطلس التعاونيات المحدثة خلال السنوات الأربع الأخيرة، في دفعات من 500 "
                "تعاونية. تستفيد كل تعاونية مقبولة من تشخيص استراتيجي وخطة تطوير وتكوين جماعي واثنتي "
                "عشرة حصة مواكبة على مدى سنتين، إضافة إلى الدعم في التغليف ووضع العلامات والبحث عن "
                "المشترين."
            ),
            "country": Country.MOROCCO,
            "currency": Currency.MAD,
            "youth_age_limit": 35,
        },
        "funders": ["ARCD"],
        "implementing_office": "NCSO",
        "starts_in_days": -800,
        "years": 4,
    },
    DIGITAL: {
        "fields": {
            "name_en": "Cooperatives Go Digital",
            "name_vi": "Hợp tác xã chuyển đổi số",
            "name_ar": "التعاونيات نحو التحول الرقمي",
            "description_en": (
                "Helps agricultural cooperatives in the Central Highlands, the Mekong Delta and the "
                "northern mountains keep their books, trace their products and sell online. Each "
                "cooperative gets a digital maturity diagnostic, training for two members, a "
                "coach for eighteen months and co-financed equipment."
            ),
            "description_vi": (
                "Giúp các hợp tác xã nông nghiệp ở Tây Nguyên, Đồng bằng sông Cửu Long và miền núi "
                "phía Bắc ghi chép sổ sách, truy xuất nguồn gốc sản phẩm và bán hàng trực tuyến. Mỗi "
                "hợp tác xã được đánh giá mức độ sẵn sàng chuyển đổi số, đào tạo cho hai thành viên, "
                "có chuyên gia đồng hành trong mười tám tháng và được hỗ trợ một phần chi phí thiết bị."
            ),
            "description_ar": (
                "يساعد التعاونيات الفلاحية في المرتفعات الوسطى ودلتا الميكونغ والمناطق الجبلية في "
                "شمال فيتنام على مسك حساباتها وتتبّع منتجاتها والبيع عبر الإنترنت. تستفيد كل تعاونية من "
                "تشخيص لنضجها الرقمي، وتكوين لعضوين منها، ومواكبة لمدة ثمانية عشر شهراً، ومعدات "
                "بتمويل مشترك."
            ),
            "country": Country.VIETNAM,
            "currency": Currency.VND,
            "youth_age_limit": 30,
        },
        "funders": ["ARCD", "LDIF"],
        "implementing_office": "CDSC",
        "starts_in_days": -60,
        "years": 3,
    },
}

# The first cohort of each program: the Moroccan one is admitted in three regional phases.
COHORTS = {
    ATLAS: {
        "name_en": "Cohort 1",
        "name_vi": "Đợt 1",
        "name_ar": "الدفعة الأولى",
        "capacity": 500,
        "starts_in_days": -610,
        "months": 24,
        "phases": [
            (
                ("Phase 1 — South", "Giai đoạn 1 — miền Nam", "المرحلة الأولى — الجنوب"),
                167,
                ["ma-souss-massa", "ma-draa-tafilalet", "ma-guelmim-oued-noun"],
            ),
            (
                ("Phase 2 — Centre", "Giai đoạn 2 — miền Trung", "المرحلة الثانية — الوسط"),
                167,
                ["ma-marrakech-safi", "ma-beni-mellal-khenifra", "ma-casablanca-settat"],
            ),
            (
                (
                    "Phase 3 — North and East",
                    "Giai đoạn 3 — miền Bắc và miền Đông",
                    "المرحلة الثالثة — الشمال والشرق",
                ),
                166,
                ["ma-fes-meknes", "ma-oriental", "ma-tanger-tetouan-al-hoceima"],
            ),
        ],
    },
    DIGITAL: {
        "name_en": "Cohort 2026",
        "name_vi": "Đợt 2026",
        "name_ar": "دفعة 2026",
        "capacity": 150,
        "starts_in_days": 90,
        "months": 18,
        "phases": [],
    },
}


def _ensure_organisations():
    organisations = {}
    for acronym, name in ORGANISATIONS.items():
        organisations[acronym], _created = Organisation.objects.get_or_create(
            acronym=acronym, defaults={"name": name}
        )
    return organisations


def _create_cohort(program, spec, today):
    start = today + timedelta(days=spec["starts_in_days"])
    cohort = Cohort.objects.create(
        program=program,
        name_en=spec["name_en"],
        name_vi=spec["name_vi"],
        name_ar=spec["name_ar"],
        capacity=spec["capacity"],
        start_date=start,
        end_date=start + timedelta(days=round(spec["months"] * 30.4)),
    )
    for order, ((english, vietnamese, arabic), capacity, region_codes) in enumerate(spec["phases"]):
        phase = Phase.objects.create(
            cohort=cohort,
            sort_order=order,
            name_en=english,
            name_vi=vietnamese,
            name_ar=arabic,
            capacity=capacity,
        )
        # A parental many-to-many is held in memory until committed; a phase is not a
        # ClusterableModel, so its own save() would not write it.
        phase.regions.set(Region.objects.filter(code__in=region_codes))
        phase.regions.commit()
    return cohort


def ensure_programs():
    """Create what is missing: a cohort only for a program that has none yet."""
    today = timezone.localdate()
    organisations = _ensure_organisations()
    programs = {}
    for code, spec in PROGRAMS.items():
        start = today + timedelta(days=spec["starts_in_days"])
        program, created = Program.objects.get_or_create(
            code=code,
            defaults={
                **spec["fields"],
                "implementing_office": organisations[spec["implementing_office"]],
                "start_date": start,
                "end_date": start + timedelta(days=round(spec["years"] * 365.25)),
            },
        )
        if created:
            program.funders.set([organisations[acronym] for acronym in spec["funders"]])
            program.save()
        if not program.cohorts.exists():
            _create_cohort(program, COHORTS[code], today)
        programs[code] = program
    return programs
