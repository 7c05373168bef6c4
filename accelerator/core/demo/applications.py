"""Applications to the demo calls, made the way applicants make them: a form validated by
`ApplicationForm`, the statutes checked and attached, then `services.submit`.

The Moroccan call receives about 120 applications (most submitted during its window, some left
as drafts), the Vietnamese call a handful. Everything is drawn from a seeded generator, so each
run describes the same applicants; one that is already there (same e-mail or same registration
number in the call) is skipped, which makes a second run create nothing.

The applicants are invented: their confirmation e-mails are recorded as delivered when they
submitted instead of being mailed out by the demo.
"""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

import phonenumbers
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.text import slugify

from accelerator.calls import services
from accelerator.calls.forms import ApplicationForm
from accelerator.calls.models import Application, ApplicationFile
from accelerator.calls.validators import CONTENT_TYPES, check_upload
from accelerator.cooperatives.models import Cooperative, normalise_registration_number
from accelerator.notifications.models import OutboxMessage
from accelerator.programs.models import LegalForm, Province, Region, Sector

from .calls import ATLAS_CALL, DIGITAL_CALL
from .reference import MOROCCO, VIETNAM

SEED = 20260
ATLAS_SUBMITTED = 110
ATLAS_DRAFTS = 10
# Cooperatives registered more than four years before the call opened: ineligible later.
ATLAS_TOO_OLD = 7


@dataclass
class Applicant:
    """One invented applicant: what they type in the form, and when."""

    email: str
    language: str
    data: dict
    started_at: datetime
    # None for an applicant who has not submitted: a draft keeps the first `draft_fields`
    # fields typed, and perhaps the statutes.
    submitted_at: datetime | None = None
    draft_fields: int = 0
    draft_has_statutes: bool = False
    statutes_name: str = "statutes.pdf"


# Moroccan value chains by region (of the call), then how each is named and described.
ATLAS_REGION_SECTORS = {
    "ma-souss-massa": [
        "argan",
        "saffron",
        "aromatic-medicinal-plants",
        "honey",
        "couscous-cereals",
    ],
    "ma-draa-tafilalet": ["dates", "aromatic-medicinal-plants", "crafts-weaving", "honey"],
    "ma-guelmim-oued-noun": ["dates", "argan", "dairy", "crafts-weaving", "couscous-cereals"],
    "ma-marrakech-safi": ["argan", "olive-oil", "aromatic-medicinal-plants", "crafts-weaving"],
    "ma-beni-mellal-khenifra": ["olive-oil", "dairy", "honey", "couscous-cereals"],
    "ma-casablanca-settat": ["dairy", "couscous-cereals", "honey", "crafts-weaving"],
    "ma-fes-meknes": [
        "olive-oil",
        "aromatic-medicinal-plants",
        "honey",
        "dairy",
        "couscous-cereals",
    ],
    "ma-oriental": ["olive-oil", "aromatic-medicinal-plants", "dates", "honey", "crafts-weaving"],
    "ma-tanger-tetouan-al-hoceima": ["honey", "dairy", "olive-oil", "crafts-weaving"],
}

# sector: (French-style name with {name}, Arabic name with {name}, products en, products ar,
#          activity en, activity ar)
ATLAS_SECTORS = {
    "argan": (
        "Coopérative {name} pour la production d'huile d'argan",
        "تعاونية {name} لإنتاج زيت الأركان",
        "Cosmetic and culinary argan oil, amlou",
        "زيت الأركان التجميلي والغذائي، أملو",
        "extracting argan oil by hand",
        "استخراج زيت الأركان يدوياً",
    ),
    "aromatic-medicinal-plants": (
        "Coopérative {name} des plantes aromatiques et médicinales",
        "تعاونية {name} للنباتات العطرية والطبية",
        "Dried thyme, rosemary and verbena; rose water",
        "الزعتر والأزير واللويزة المجففة، ماء الورد",
        "gathering and drying aromatic and medicinal plants",
        "جمع النباتات العطرية والطبية وتجفيفها",
    ),
    "dates": (
        "Coopérative {name} de valorisation des dattes",
        "تعاونية {name} لتثمين التمور",
        "Mejhoul and Boufeggous dates, date paste",
        "تمور المجهول وبوفقوس، عجينة التمر",
        "sorting and packing oasis dates",
        "فرز تمور الواحة وتلفيفها",
    ),
    "olive-oil": (
        "Coopérative oléicole {name}",
        "تعاونية {name} لزيت الزيتون",
        "Extra virgin olive oil, table olives",
        "زيت الزيتون البكر الممتاز، زيتون المائدة",
        "pressing olive oil",
        "عصر زيت الزيتون",
    ),
    "saffron": (
        "Coopérative {name} du safran",
        "تعاونية {name} للزعفران",
        "Saffron threads in 1 g and 5 g boxes",
        "خيوط الزعفران في علب من 1 و5 غرامات",
        "growing and picking saffron",
        "زراعة الزعفران وجنيه",
    ),
    "honey": (
        "Coopérative apicole {name}",
        "تعاونية {name} لتربية النحل",
        "Thyme and euphorbia honey, beeswax",
        "عسل الزعتر والدغموس، شمع النحل",
        "beekeeping and honey",
        "تربية النحل وإنتاج العسل",
    ),
    "couscous-cereals": (
        "Coopérative {name} du couscous et des produits du terroir",
        "تعاونية {name} للكسكس والمنتجات المحلية",
        "Hand-rolled barley and wheat couscous, berkoukech",
        "كسكس الشعير والقمح المفتول يدوياً، البركوكش",
        "rolling couscous and preparing local products",
        "فتل الكسكس وتحضير المنتجات المحلية",
    ),
    "crafts-weaving": (
        "Coopérative artisanale {name} de tissage",
        "تعاونية {name} للنسيج التقليدي",
        "Hand-woven carpets and cushions",
        "زرابي ووسائد منسوجة يدوياً",
        "weaving carpets and cushions",
        "نسج الزرابي والوسائد",
    ),
    "dairy": (
        "Coopérative laitière {name}",
        "تعاونية {name} للحليب ومشتقاته",
        "Fresh milk, lben, goat cheese",
        "الحليب الطري، اللبن، جبن الماعز",
        "collecting and processing milk",
        "جمع الحليب وتحويله",
    ),
}

COOPERATIVE_NAMES = [
    ("Tifawin", "تيفاوين"),
    ("Tamount", "تامونت"),
    ("Al Amal", "الأمل"),
    ("Nour", "النور"),
    ("Ighrem", "إغرم"),
    ("Assafou", "أسافو"),
    ("Anaruz", "أناروز"),
    ("Tilila", "تيليلة"),
    ("Al Baraka", "البركة"),
    ("Al Khair", "الخير"),
    ("Al Wafae", "الوفاء"),
    ("Annajah", "النجاح"),
    ("Tiwizi", "تيويزي"),
    ("Tamaynut", "تامينوت"),
    ("Aghbalou", "أغبالو"),
    ("Attanmia", "التنمية"),
    ("Al Fath", "الفتح"),
    ("Tidrarin", "تيدرارين"),
    ("Ennakhil", "النخيل"),
    ("Al Ikhlas", "الإخلاص"),
    ("Tagmat", "تاكمات"),
    ("Al Mostakbal", "المستقبل"),
    ("Toudert", "تودرت"),
    ("Assaka", "أساكا"),
    ("Targa", "تاركا"),
    ("Chourouk", "الشروق"),
    ("Al Yasmine", "الياسمين"),
    ("Tafoukt", "تافوكت"),
]

FIRST_NAMES = [
    ("Fatima", "فاطمة"),
    ("Khadija", "خديجة"),
    ("Aicha", "عائشة"),
    ("Hassan", "حسن"),
    ("Mohamed", "محمد"),
    ("Youssef", "يوسف"),
    ("Naima", "نعيمة"),
    ("Said", "سعيد"),
    ("Brahim", "إبراهيم"),
    ("Zineb", "زينب"),
    ("Hanane", "حنان"),
    ("Abdellah", "عبد الله"),
    ("Latifa", "لطيفة"),
    ("Rachid", "رشيد"),
    ("Meryem", "مريم"),
    ("Omar", "عمر"),
    ("Lahcen", "لحسن"),
    ("Itto", "إيطو"),
    ("Mustapha", "مصطفى"),
    ("Hafsa", "حفصة"),
    ("Malika", "مليكة"),
    ("Driss", "إدريس"),
]

LAST_NAMES = [
    ("Ait Lahcen", "آيت لحسن"),
    ("Ouhammou", "أوحمو"),
    ("El Idrissi", "الإدريسي"),
    ("Amrani", "العمراني"),
    ("Ouchen", "أوشن"),
    ("Boutaleb", "بوطالب"),
    ("Zerouali", "الزروالي"),
    ("Alaoui", "العلوي"),
    ("Id Brahim", "إد إبراهيم"),
    ("Ait Ouakrim", "آيت واكريم"),
    ("Lamrani", "اللمراني"),
    ("Haddou", "حدو"),
    ("Bouzid", "بوزيد"),
    ("Ennaji", "الناجي"),
    ("Tahiri", "الطاهري"),
    ("Oubella", "أوبلا"),
    ("Chakir", "شاكر"),
]

# (English, Arabic) halves of the project description.
GOALS = [
    ("sell under our own brand in city shops", "البيع بعلامتنا الخاصة في متاجر المدن"),
    (
        "obtain the health authorisation and a quality label",
        "الحصول على الترخيص الصحي وعلامة للجودة",
    ),
    ("double our production while keeping its quality", "مضاعفة إنتاجنا مع الحفاظ على جودته"),
    ("sell online and at national fairs", "البيع عبر الإنترنت وفي المعارض الوطنية"),
    ("pay every member a regular income", "ضمان دخل منتظم لكل عضو"),
]
LACKS = [
    ("proper packaging and labels", "تغليف وملصقات مناسبة"),
    ("a suitable workshop and equipment", "ورشة ومعدات ملائمة"),
    ("bookkeeping skills", "الخبرة في مسك الحسابات"),
    ("regular buyers", "مشترون دائمون"),
    (
        "working capital to buy raw material at harvest time",
        "رأس مال لشراء المادة الأولية في موسم الجني",
    ),
]

# Hand-written Vietnamese applicants: (name, province, sector, legal form, registration number,
# contact, e-mail, products, project, members (total, women, youth, founders), turnover in VND,
# answers (bookkeeping, channels, traceability, smartphone members), submitted).
DIGITAL_APPLICANTS = [
    (
        "Hợp tác xã Nông nghiệp Cà phê Ea Tu",
        "vn-dak-lak",
        "coffee",
        "agricultural-cooperative",
        "6001583427",
        "Y Bhin Niê",
        "htx.caphe.eatu@example.org",
        "Cà phê nhân Robusta, cà phê rang xay đóng gói",
        "Chúng tôi muốn chuyển sổ thu mua cà phê của 48 hộ thành viên sang phần mềm và gắn mã QR "
        "cho cà phê rang xay. Anh Y Khoa, 27 tuổi, kế toán của hợp tác xã, sẽ phụ trách.",
        (48, 19, 12, 9),
        2_450_000_000,
        ("c2", ["c1", "c3"], "no", 31),
        True,
    ),
    (
        "Hợp tác xã Hồ tiêu Ia Blang",
        "vn-gia-lai",
        "pepper",
        "agricultural-cooperative",
        "5901247736",
        "Nguyễn Thị Hồng",
        "htx.hotieu.iablang@example.org",
        "Tiêu đen, tiêu sọ đạt chuẩn hữu cơ",
        "Chúng tôi cần truy xuất nguồn gốc từng lô tiêu hữu cơ để bán cho doanh nghiệp xuất khẩu. "
        "Chị Hồng, giám đốc, và một thành viên trẻ sẽ theo học.",
        (32, 14, 6, 7),
        1_800_000_000,
        ("c1", ["c1", "c5"], "no", 20),
        True,
    ),
    (
        "Hợp tác xã Chè Shan tuyết Na Hang",
        "vn-tuyen-quang",
        "tea",
        "agricultural-cooperative",
        "5000918254",
        "Hoàng Văn Dũng",
        "htx.che.nahang@example.org",
        "Chè Shan tuyết sao tay, chè búp khô",
        "Chúng tôi muốn mở gian hàng trên sàn thương mại điện tử và quay video giới thiệu vùng "
        "chè cổ thụ. Hai thành viên trẻ biết dùng máy tính sẽ phụ trách.",
        (27, 15, 11, 7),
        640_000_000,
        ("c1", ["c1", "c3"], "no", 18),
        True,
    ),
    (
        "Hợp tác xã Lúa gạo Thạnh Lợi",
        "vn-can-tho",
        "rice",
        "agricultural-cooperative",
        "1801736512",
        "Trần Minh Tâm",
        "htx.luagao.thanhloi@example.org",
        "Gạo thơm ST25, lúa giống xác nhận",
        "Chúng tôi muốn ghi nhật ký đồng ruộng điện tử cho 120 ha lúa để bán gạo có truy xuất "
        "nguồn gốc cho siêu thị. Anh Tâm và con gái, 24 tuổi, sẽ phụ trách.",
        (65, 21, 9, 12),
        5_300_000_000,
        ("c3", ["c1", "c2"], "yes", 40),
        True,
    ),
    (
        "Hợp tác xã Thủy sản Tân Ân",
        "vn-ca-mau",
        "aquaculture",
        "fisheries-cooperative",
        "2001364480",
        "Lê Thị Bé Ba",
        "htx.thuysan.tanan@example.org",
        "Tôm sú và cua biển nuôi quảng canh sinh thái",
        "Chúng tôi muốn theo dõi sản lượng tôm, cua của từng hộ trên điện thoại và bán qua Zalo "
        "cho nhà hàng ở Cần Thơ và Thành phố Hồ Chí Minh.",
        (41, 17, 8, 10),
        3_100_000_000,
        ("c2", ["c1", "c3"], "no", 26),
        True,
    ),
    (
        "Hợp tác xã Trái cây Mỹ Lương",
        "vn-dong-thap",
        "fruit",
        "agricultural-cooperative",
        "1402291375",
        "Võ Thị Kim Ngân",
        "htx.traicay.myluong@example.org",
        "Xoài cát Hòa Lộc, sầu riêng, chôm chôm",
        "Chúng tôi đã có mã vùng trồng và muốn quản lý đơn hàng xuất khẩu bằng phần mềm. Chị Ngân, "
        "29 tuổi, phó giám đốc, sẽ phụ trách.",
        (38, 16, 13, 8),
        4_200_000_000,
        ("c3", ["c1", "c2", "c5"], "yes", 30),
        True,
    ),
    (
        "Hợp tác xã Cà phê Arabica Cầu Đất",
        "vn-lam-dong",
        "coffee",
        "agricultural-cooperative",
        "5801672093",
        "Phạm Văn Lợi",
        "htx.arabica.caudat@example.org",
        "Cà phê Arabica chế biến ướt, cà phê đặc sản",
        "Chúng tôi muốn bán cà phê đặc sản trực tuyến cho quán cà phê ở Hà Nội và ghi chép chi phí "
        "của từng hộ.",
        (24, 8, 7, 6),
        2_900_000_000,
        ("c2", ["c2", "c3", "c4"], "yes", 21),
        True,
    ),
    (
        "Hợp tác xã Mật ong Bắc Hà",
        "vn-lao-cai",
        "honey",
        "agricultural-cooperative",
        "5300845116",
        "Vàng A Chá",
        "htx.matong.bacha@example.org",
        "Mật ong hoa bạc hà, mật ong rừng",
        "Chúng tôi muốn có nhãn mác và mã QR cho mật ong hoa bạc hà.",
        (19, 6, 10, 5),
        380_000_000,
        ("c1", ["c1"], "no", 12),
        False,
    ),
    (
        "Hợp tác xã Chè Tân Cương Xanh",
        "vn-thai-nguyen",
        "tea",
        "agricultural-cooperative",
        "4601527738",
        "Đỗ Thị Lan",
        "htx.che.tancuong@example.org",
        "Chè búp sao sấy, chè đinh",
        "",
        (22, 14, 5, 6),
        None,
        ("c2", [], "no", 15),
        False,
    ),
]


def statutes_pdf(lines):
    """A small, well-formed one-page PDF (the upload check reads content, not names)."""

    def escape(text):
        text = text.encode("ascii", "replace").decode()
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    commands = ["BT", "/F1 14 Tf", "72 770 Td"]
    for index, line in enumerate(lines):
        if index:
            commands.append("0 -22 Td")
        commands.append(f"({escape(line)}) Tj")
    commands.append("ET")
    content = "\n".join(commands).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    document = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(document))
        document += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(document)
    document += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        document += b"%010d 00000 n \n" % offset
    document += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(document)


def _phone(rng, country, prefixes):
    while True:
        prefix = rng.choice(prefixes)
        digits = prefix + "".join(str(rng.randint(0, 9)) for _ in range(10 - len(prefix)))
        number = phonenumbers.parse(digits, country)
        if phonenumbers.is_valid_number(number):
            if country == "MA":
                return " ".join(digits[i : i + 2] for i in range(0, 10, 2))
            return f"{digits[:4]} {digits[4:7]} {digits[7:]}"


def _atlas_applicants(call):
    """The Moroccan applicants, always the same ones for the same call dates."""
    rng = random.Random(SEED)
    zone = call.tzinfo
    opens, closes = call.opens_at, call.closes_at
    opening_day = opens.astimezone(zone).date()
    window = (closes - opens).total_seconds()
    total = ATLAS_SUBMITTED + ATLAS_DRAFTS
    serials = rng.sample(range(100, 99999), total)
    too_old = set(rng.sample(range(ATLAS_SUBMITTED), ATLAS_TOO_OLD))
    used_names = set()
    applicants = []
    for index in range(total):
        region = rng.choice(list(ATLAS_REGION_SECTORS))
        sector = rng.choice(ATLAS_REGION_SECTORS[region])
        # Names repeat across value chains, as "Al Amal" does in real registers.
        fresh = [pair for pair in COOPERATIVE_NAMES if (pair, sector) not in used_names]
        name_pair = rng.choice(fresh or COOPERATIVE_NAMES)
        used_names.add((name_pair, sector))
        latin_template, arabic_template, products_en, products_ar, activity_en, activity_ar = (
            ATLAS_SECTORS[sector]
        )
        language = "ar" if rng.random() < 0.7 else "en"
        in_arabic = language == "ar" and rng.random() < 0.8
        legal_name = (arabic_template if in_arabic else latin_template).format(
            name=name_pair[1] if in_arabic else name_pair[0]
        )
        if index in too_old:
            registered = opening_day - timedelta(days=rng.randint(4 * 365 + 30, 8 * 365))
        else:
            registered = opening_day - timedelta(days=rng.randint(30, 4 * 365 - 15))
        members = rng.randint(7, 60)
        women = (
            rng.randint(members // 2 + 1, members)
            if rng.random() < 0.4
            else rng.randint(0, members // 2)
        )
        youth = (
            rng.randint(members // 2 + 1, members)
            if rng.random() < 0.3
            else rng.randint(0, members // 2)
        )
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        email = f"{slugify(first[0])}.{slugify(last[0])}.{index + 1:03d}@example.org"
        goal, lack = rng.choice(GOALS), rng.choice(LACKS)
        if language == "ar":
            word = "أعضاء" if members <= 10 else "عضواً"
            project = (
                f"تضم تعاونيتنا {members} {word}، ونعمل في {activity_ar}. نطمح خلال سنتين إلى "
                f"{goal[1]}، لكن ينقصنا اليوم {lack[1]}."
            )
            contact, products = f"{first[1]} {last[1]}", products_ar
        else:
            project = (
                f"Our cooperative has {members} members and works in {activity_en}. Within two "
                f"years we want to {goal[0]}, but today we lack {lack[0]}."
            )
            contact, products = f"{first[0]} {last[0]}", products_en
        recent = (opening_day - registered).days < 365
        if sector == "crafts-weaving":
            legal_form = "craft-cooperative"
        elif rng.random() < 0.05:
            legal_form = "service-cooperative"
        else:
            legal_form = "agricultural-cooperative"
        data = {
            "legal_name": legal_name,
            "registration_number": f"COOP-{registered.year}-{serials[index]:05d}",
            "registration_date": registered.isoformat(),
            "legal_form": legal_form,
            "sector": sector,
            "products": products,
            "annual_turnover": "" if recent else str(rng.randint(15, 900) * 1000),
            "region": region,
            "province": rng.choice([entry[0] for entry in MOROCCO[region][3]]),
            "commune": "",
            "members_total": str(members),
            "members_women": str(women),
            "members_youth": str(youth),
            "founders_count": str(min(members, rng.randint(5, 12))),
            "contact_name": contact,
            "contact_phone": _phone(rng, "MA", ["06", "07"]),
            "contact_email": email,
            "q_project": project,
            "q_main_market": rng.choices(["c1", "c2", "c3", "c4"], weights=[2, 6, 3, 1])[0],
            "q_support_needs": sorted(
                rng.sample(["c1", "c2", "c3", "c4", "c5", "c6"], rng.randint(1, 3))
            ),
            "q_bank_account": "yes" if rng.random() < 0.6 else "no",
            "q_permanent_jobs": str(rng.randint(0, min(members, 30))),
        }
        # Applications come in all along the window, most of them close to the deadline.
        moment = opens + timedelta(seconds=window * min(rng.betavariate(2.5, 1), 0.999))
        started = moment - timedelta(minutes=rng.randint(20, 60 * 24 * 6))
        applicant = Applicant(
            email=email,
            language=language,
            data=data,
            started_at=max(started, opens + timedelta(minutes=5)),
            statutes_name="النظام الأساسي.pdf" if language == "ar" else "statuts.pdf",
        )
        if index < ATLAS_SUBMITTED:
            applicant.submitted_at = max(moment, applicant.started_at + timedelta(minutes=15))
        else:
            applicant.draft_fields = rng.randint(0, len(data))
            applicant.draft_has_statutes = rng.random() < 0.3
        applicants.append(applicant)
    return applicants


def _digital_applicants(call):
    """The Vietnamese applicants, submitted between the opening and today."""
    rng = random.Random(SEED + 1)
    opens = call.opens_at
    until = min(timezone.now(), call.closes_at)
    region_of = {entry[0]: region for region, spec in VIETNAM.items() for entry in spec[3]}
    applicants = []
    for (
        name,
        province,
        sector,
        legal_form,
        number,
        contact,
        email,
        products,
        project,
        (members, women, youth, founders),
        turnover,
        (bookkeeping, channels, traceability, smartphones),
        submitted,
    ) in DIGITAL_APPLICANTS:
        registered = opens.date() - timedelta(days=rng.randint(400, 3000))
        moment = opens + (until - opens) * rng.uniform(0.1, 0.95)
        data = {
            "legal_name": name,
            "registration_number": number,
            "registration_date": registered.isoformat(),
            "legal_form": legal_form,
            "sector": sector,
            "products": products,
            "annual_turnover": "" if turnover is None else str(turnover),
            "region": region_of[province],
            "province": province,
            "commune": "",
            "members_total": str(members),
            "members_women": str(women),
            "members_youth": str(youth),
            "founders_count": str(founders),
            "contact_name": contact,
            "contact_phone": _phone(rng, "VN", ["090", "091", "097", "098", "035", "086"]),
            "contact_email": email,
            "q_project": project,
            "q_bookkeeping": bookkeeping,
            "q_channels": channels,
            "q_traceability": traceability,
            "q_smartphone_members": str(smartphones),
        }
        applicant = Applicant(
            email=email,
            language="vi",
            data=data,
            started_at=moment - timedelta(hours=rng.randint(1, 30)),
            statutes_name="dieu-le-hop-tac-xa.pdf",
        )
        if submitted:
            applicant.submitted_at = moment
        else:
            applicant.draft_fields = 9
            applicant.draft_has_statutes = True
        applicants.append(applicant)
    return applicants


class DemoDataError(Exception):
    """A generated applicant no longer fits the call (e.g. reference data was changed)."""


class _Lookups:
    """Codes of reference data to the primary keys the form expects."""

    def __init__(self):
        self.ids = {
            "region": dict(Region.objects.values_list("code", "pk")),
            "province": dict(Province.objects.values_list("code", "pk")),
            "sector": dict(Sector.objects.values_list("code", "pk")),
            "legal_form": dict(LegalForm.objects.values_list("code", "pk")),
        }

    def form_data(self, data):
        return {
            name: str(self.ids[name][value]) if name in self.ids and value else value
            for name, value in data.items()
        }


def _attach_statutes(application, call, applicant):
    lines = [
        "Statutes of the cooperative",
        f"Registration number: {applicant.data['registration_number']}",
        f"Registered on: {applicant.data['registration_date']}",
        f"Demo document for call {call.reference_prefix}",
    ]
    uploaded = SimpleUploadedFile(
        applicant.statutes_name, statutes_pdf(lines), content_type="application/pdf"
    )
    kind, sha256 = check_upload(uploaded, call.file_types, call.max_file_size)
    services.attach_file(
        application,
        question_key="statutes",
        uploaded=uploaded,
        kind=kind,
        sha256=sha256,
        content_type=CONTENT_TYPES[kind],
    )


def _create(call, applicant, lookups):
    """One applicant's application: a draft holding what they typed (as the form's autosave
    keeps it), then, unless they stopped there, the statutes attached and the form submitted."""
    data = lookups.form_data(applicant.data)
    drafting = applicant.submitted_at is None
    application = Application.objects.create(
        call=call,
        email=applicant.email,
        language=applicant.language,
        draft_data=dict(list(data.items())[: applicant.draft_fields]) if drafting else data,
    )
    if not drafting or applicant.draft_has_statutes:
        _attach_statutes(application, call, applicant)
    if drafting:
        return application
    form = ApplicationForm(data, call=call, language=applicant.language)
    if not form.is_valid():
        raise DemoDataError(f"{applicant.email}: {form.errors.as_json()}")
    return services.submit(application, form, now=applicant.submitted_at)


def _backdate(created):
    """Give applications, their files, cooperatives and confirmations the dates of the story
    rather than the moment the demo was loaded."""
    last_saved = {}
    submitted = {}
    for application, applicant in created:
        last_saved[application.pk] = applicant.submitted_at or applicant.started_at + timedelta(
            minutes=40
        )
        application.created_at = applicant.started_at
        application.updated_at = last_saved[application.pk]
        if applicant.submitted_at is not None:
            submitted[application.pk] = (application, applicant.submitted_at)
    Application.objects.bulk_update([a for a, _ in created], ["created_at", "updated_at"])

    files = list(ApplicationFile.objects.filter(application_id__in=last_saved))
    for attachment in files:
        attachment.uploaded_at = last_saved[attachment.application_id] - timedelta(minutes=5)
    ApplicationFile.objects.bulk_update(files, ["uploaded_at"])

    first_submission = {}
    for application, moment in submitted.values():
        known = first_submission.get(application.cooperative_id)
        first_submission[application.cooperative_id] = min(known or moment, moment)
    cooperatives = list(Cooperative.objects.filter(pk__in=first_submission))
    for cooperative in cooperatives:
        moment = first_submission[cooperative.pk]
        cooperative.created_at = min(cooperative.created_at, moment)
        cooperative.updated_at = moment
    Cooperative.objects.bulk_update(cooperatives, ["created_at", "updated_at"])

    messages = list(
        OutboxMessage.objects.filter(dedup_key__in=[f"submitted:{pk}" for pk in submitted])
    )
    for message in messages:
        moment = submitted[int(message.dedup_key.split(":")[1])][1]
        message.status = OutboxMessage.Status.SENT
        message.attempts = 1
        message.created_at = message.sent_at = moment
    OutboxMessage.objects.bulk_update(messages, ["status", "attempts", "created_at", "sent_at"])


def _ensure_for_call(call, applicants, lookups):
    known_emails = set(call.applications.values_list("email", flat=True))
    known_numbers = set(call.applications.submitted().values_list("registration_key", flat=True))
    missing = [
        applicant
        for applicant in applicants
        if applicant.email not in known_emails
        and normalise_registration_number(applicant.data["registration_number"])
        not in known_numbers
    ]
    # Submitted in the order they arrived, so references follow the dates.
    missing.sort(key=lambda applicant: applicant.submitted_at or applicant.started_at)
    created = [(_create(call, applicant, lookups), applicant) for applicant in missing]
    _backdate(created)
    return len(created)


def ensure_applications(calls):
    """Create the missing demo applications; returns how many were created."""
    lookups = _Lookups()
    atlas, digital = calls[ATLAS_CALL], calls[DIGITAL_CALL]
    return _ensure_for_call(atlas, _atlas_applicants(atlas), lookups) + _ensure_for_call(
        digital, _digital_applicants(digital), lookups
    )
