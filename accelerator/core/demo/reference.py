"""Reference lists the demo programs use: real regions and provinces of Morocco and Vietnam,
value chains and legal forms, named in English, Vietnamese and Arabic.

Vietnam's provinces are those in force since 1 July 2025, when 63 provinces became 34. Moroccan
names are written in Latin script as Morocco writes them (French usage) in English and
Vietnamese, and in Arabic as Moroccan administrations write them.
"""

from accelerator.programs.models import Country, LegalForm, Province, Region, Sector

# code: (English, Vietnamese, Arabic, [(province code, Latin-script name, Arabic), ...])
MOROCCO = {
    "ma-tanger-tetouan-al-hoceima": (
        "Tanger-Tétouan-Al Hoceïma",
        "Tanger-Tétouan-Al Hoceïma",
        "طنجة تطوان الحسيمة",
        [
            ("ma-tanger-assilah", "Tanger-Assilah", "طنجة أصيلة"),
            ("ma-tetouan", "Tétouan", "تطوان"),
            ("ma-chefchaouen", "Chefchaouen", "شفشاون"),
            ("ma-al-hoceima", "Al Hoceïma", "الحسيمة"),
            ("ma-larache", "Larache", "العرائش"),
            ("ma-ouezzane", "Ouezzane", "وزان"),
        ],
    ),
    "ma-oriental": (
        "Oriental",
        "Oriental",
        "الشرق",
        [
            ("ma-oujda-angad", "Oujda-Angad", "وجدة أنجاد"),
            ("ma-nador", "Nador", "الناظور"),
            ("ma-berkane", "Berkane", "بركان"),
            ("ma-taourirt", "Taourirt", "تاوريرت"),
            ("ma-figuig", "Figuig", "فجيج"),
            ("ma-guercif", "Guercif", "جرسيف"),
        ],
    ),
    "ma-fes-meknes": (
        "Fès-Meknès",
        "Fès-Meknès",
        "فاس مكناس",
        [
            ("ma-fes", "Fès", "فاس"),
            ("ma-meknes", "Meknès", "مكناس"),
            ("ma-ifrane", "Ifrane", "إفران"),
            ("ma-sefrou", "Sefrou", "صفرو"),
            ("ma-taza", "Taza", "تازة"),
            ("ma-taounate", "Taounate", "تاونات"),
            ("ma-el-hajeb", "El Hajeb", "الحاجب"),
        ],
    ),
    "ma-rabat-sale-kenitra": (
        "Rabat-Salé-Kénitra",
        "Rabat-Salé-Kénitra",
        "الرباط سلا القنيطرة",
        [
            ("ma-kenitra", "Kénitra", "القنيطرة"),
            ("ma-khemisset", "Khémisset", "الخميسات"),
            ("ma-sidi-kacem", "Sidi Kacem", "سيدي قاسم"),
            ("ma-sidi-slimane", "Sidi Slimane", "سيدي سليمان"),
        ],
    ),
    "ma-beni-mellal-khenifra": (
        "Béni Mellal-Khénifra",
        "Béni Mellal-Khénifra",
        "بني ملال خنيفرة",
        [
            ("ma-beni-mellal", "Béni Mellal", "بني ملال"),
            ("ma-azilal", "Azilal", "أزيلال"),
            ("ma-fquih-ben-salah", "Fquih Ben Salah", "الفقيه بن صالح"),
            ("ma-khenifra", "Khénifra", "خنيفرة"),
            ("ma-khouribga", "Khouribga", "خريبكة"),
        ],
    ),
    "ma-casablanca-settat": (
        "Casablanca-Settat",
        "Casablanca-Settat",
        "الدار البيضاء سطات",
        [
            ("ma-settat", "Settat", "سطات"),
            ("ma-el-jadida", "El Jadida", "الجديدة"),
            ("ma-berrechid", "Berrechid", "برشيد"),
            ("ma-sidi-bennour", "Sidi Bennour", "سيدي بنور"),
            ("ma-benslimane", "Benslimane", "بنسليمان"),
        ],
    ),
    "ma-marrakech-safi": (
        "Marrakech-Safi",
        "Marrakech-Safi",
        "مراكش آسفي",
        [
            ("ma-al-haouz", "Al Haouz", "الحوز"),
            ("ma-essaouira", "Essaouira", "الصويرة"),
            ("ma-chichaoua", "Chichaoua", "شيشاوة"),
            ("ma-safi", "Safi", "آسفي"),
            ("ma-el-kelaa-des-sraghna", "El Kelâa des Sraghna", "قلعة السراغنة"),
            ("ma-rehamna", "Rehamna", "الرحامنة"),
        ],
    ),
    "ma-draa-tafilalet": (
        "Drâa-Tafilalet",
        "Drâa-Tafilalet",
        "درعة تافيلالت",
        [
            ("ma-errachidia", "Errachidia", "الرشيدية"),
            ("ma-ouarzazate", "Ouarzazate", "ورزازات"),
            ("ma-midelt", "Midelt", "ميدلت"),
            ("ma-tinghir", "Tinghir", "تنغير"),
            ("ma-zagora", "Zagora", "زاكورة"),
        ],
    ),
    "ma-souss-massa": (
        "Souss-Massa",
        "Souss-Massa",
        "سوس ماسة",
        [
            ("ma-agadir-ida-outanane", "Agadir Ida-Outanane", "أكادير إداوتنان"),
            ("ma-inezgane-ait-melloul", "Inezgane-Aït Melloul", "إنزكان آيت ملول"),
            ("ma-chtouka-ait-baha", "Chtouka-Aït Baha", "اشتوكة آيت باها"),
            ("ma-taroudant", "Taroudant", "تارودانت"),
            ("ma-tiznit", "Tiznit", "تزنيت"),
            ("ma-tata", "Tata", "طاطا"),
        ],
    ),
    "ma-guelmim-oued-noun": (
        "Guelmim-Oued Noun",
        "Guelmim-Oued Noun",
        "كلميم واد نون",
        [
            ("ma-guelmim", "Guelmim", "كلميم"),
            ("ma-assa-zag", "Assa-Zag", "آسا الزاك"),
            ("ma-tan-tan", "Tan-Tan", "طانطان"),
            ("ma-sidi-ifni", "Sidi Ifni", "سيدي إفني"),
        ],
    ),
    "ma-laayoune-sakia-el-hamra": (
        "Laâyoune-Sakia El Hamra",
        "Laâyoune-Sakia El Hamra",
        "العيون الساقية الحمراء",
        [
            ("ma-laayoune", "Laâyoune", "العيون"),
            ("ma-boujdour", "Boujdour", "بوجدور"),
            ("ma-es-semara", "Es-Semara", "السمارة"),
        ],
    ),
    "ma-dakhla-oued-ed-dahab": (
        "Dakhla-Oued Ed-Dahab",
        "Dakhla-Oued Ed-Dahab",
        "الداخلة وادي الذهب",
        [
            ("ma-oued-ed-dahab", "Oued Ed-Dahab", "وادي الذهب"),
            ("ma-aousserd", "Aousserd", "أوسرد"),
        ],
    ),
}

# Socio-economic regions with their provinces and cities as of July 2025:
# code: (English, Vietnamese, Arabic, [(province code, English, Vietnamese, Arabic), ...])
VIETNAM = {
    "vn-northern-midlands-mountains": (
        "Northern midlands and mountains",
        "Trung du và miền núi phía Bắc",
        "الهضاب والمناطق الجبلية في الشمال",
        [
            ("vn-lao-cai", "Lao Cai", "Lào Cai", "لاو كاي"),
            ("vn-tuyen-quang", "Tuyen Quang", "Tuyên Quang", "توين كوانغ"),
            ("vn-thai-nguyen", "Thai Nguyen", "Thái Nguyên", "تاي نغوين"),
            ("vn-phu-tho", "Phu Tho", "Phú Thọ", "فو تو"),
            ("vn-son-la", "Son La", "Sơn La", "سون لا"),
            ("vn-dien-bien", "Dien Bien", "Điện Biên", "ديان بيان"),
            ("vn-lai-chau", "Lai Chau", "Lai Châu", "لاي تشاو"),
            ("vn-lang-son", "Lang Son", "Lạng Sơn", "لانغ سون"),
            ("vn-cao-bang", "Cao Bang", "Cao Bằng", "كاو بانغ"),
        ],
    ),
    "vn-red-river-delta": (
        "Red River Delta",
        "Đồng bằng sông Hồng",
        "دلتا النهر الأحمر",
        [
            ("vn-ha-noi", "Hanoi", "Hà Nội", "هانوي"),
            ("vn-hai-phong", "Hai Phong", "Hải Phòng", "هاي فونغ"),
            ("vn-quang-ninh", "Quang Ninh", "Quảng Ninh", "كوانغ نينه"),
            ("vn-bac-ninh", "Bac Ninh", "Bắc Ninh", "باك نينه"),
            ("vn-hung-yen", "Hung Yen", "Hưng Yên", "هونغ ين"),
            ("vn-ninh-binh", "Ninh Binh", "Ninh Bình", "نينه بينه"),
        ],
    ),
    "vn-north-central-coast": (
        "North Central and Central Coast",
        "Bắc Trung Bộ và duyên hải miền Trung",
        "الشمال الأوسط والساحل الأوسط",
        [
            ("vn-thanh-hoa", "Thanh Hoa", "Thanh Hóa", "ثانه هوا"),
            ("vn-nghe-an", "Nghe An", "Nghệ An", "نغي آن"),
            ("vn-ha-tinh", "Ha Tinh", "Hà Tĩnh", "ها تينه"),
            ("vn-quang-tri", "Quang Tri", "Quảng Trị", "كوانغ تري"),
            ("vn-hue", "Hue", "Huế", "هوي"),
            ("vn-da-nang", "Da Nang", "Đà Nẵng", "دا نانغ"),
            ("vn-khanh-hoa", "Khanh Hoa", "Khánh Hòa", "خانه هوا"),
        ],
    ),
    "vn-central-highlands": (
        "Central Highlands",
        "Tây Nguyên",
        "المرتفعات الوسطى",
        [
            ("vn-gia-lai", "Gia Lai", "Gia Lai", "جيا لاي"),
            ("vn-dak-lak", "Dak Lak", "Đắk Lắk", "داك لاك"),
            ("vn-lam-dong", "Lam Dong", "Lâm Đồng", "لام دونغ"),
            ("vn-quang-ngai", "Quang Ngai", "Quảng Ngãi", "كوانغ نغاي"),
        ],
    ),
    "vn-southeast": (
        "Southeast",
        "Đông Nam Bộ",
        "الجنوب الشرقي",
        [
            ("vn-ho-chi-minh-city", "Ho Chi Minh City", "Thành phố Hồ Chí Minh", "مدينة هوشي منه"),
            ("vn-dong-nai", "Dong Nai", "Đồng Nai", "دونغ ناي"),
        ],
    ),
    "vn-mekong-delta": (
        "Mekong Delta",
        "Đồng bằng sông Cửu Long",
        "دلتا الميكونغ",
        [
            ("vn-can-tho", "Can Tho", "Cần Thơ", "كان ثو"),
            ("vn-an-giang", "An Giang", "An Giang", "آن جيانغ"),
            ("vn-dong-thap", "Dong Thap", "Đồng Tháp", "دونغ ثاب"),
            ("vn-vinh-long", "Vinh Long", "Vĩnh Long", "فينه لونغ"),
            ("vn-ca-mau", "Ca Mau", "Cà Mau", "كا ماو"),
            ("vn-tay-ninh", "Tay Ninh", "Tây Ninh", "تاي نينه"),
        ],
    ),
}

# code: (English, Vietnamese, Arabic)
SECTORS = {
    "argan": ("Argan", "Argan", "الأركان"),
    "aromatic-medicinal-plants": (
        "Aromatic and medicinal plants",
        "Cây hương liệu và dược liệu",
        "النباتات العطرية والطبية",
    ),
    "dates": ("Dates", "Chà là", "التمور"),
    "olive-oil": ("Olives and olive oil", "Ô liu và dầu ô liu", "الزيتون وزيت الزيتون"),
    "saffron": ("Saffron", "Nghệ tây", "الزعفران"),
    "honey": ("Honey and beekeeping", "Mật ong và nuôi ong", "العسل وتربية النحل"),
    "couscous-cereals": (
        "Couscous and cereal products",
        "Couscous và sản phẩm ngũ cốc",
        "الكسكس ومنتجات الحبوب",
    ),
    "crafts-weaving": (
        "Crafts and weaving",
        "Thủ công mỹ nghệ và dệt",
        "الصناعة التقليدية والنسيج",
    ),
    "dairy": ("Milk and dairy products", "Sữa và sản phẩm từ sữa", "الحليب ومشتقاته"),
    "coffee": ("Coffee", "Cà phê", "البن"),
    "pepper": ("Black pepper", "Hồ tiêu", "الفلفل الأسود"),
    "rice": ("Rice", "Lúa gạo", "الأرز"),
    "fruit": ("Fruit", "Cây ăn quả", "الفواكه"),
    "aquaculture": ("Aquaculture", "Nuôi trồng thủy sản", "تربية الأحياء المائية"),
    "tea": ("Tea", "Chè", "الشاي"),
}

LEGAL_FORMS = {
    "agricultural-cooperative": (
        "Agricultural cooperative",
        "Hợp tác xã nông nghiệp",
        "تعاونية فلاحية",
    ),
    "craft-cooperative": ("Craft cooperative", "Hợp tác xã thủ công mỹ nghệ", "تعاونية حرفية"),
    "service-cooperative": ("Service cooperative", "Hợp tác xã dịch vụ", "تعاونية خدماتية"),
    "fisheries-cooperative": (
        "Fisheries and aquaculture cooperative",
        "Hợp tác xã thủy sản",
        "تعاونية الصيد البحري وتربية الأحياء المائية",
    ),
    "cooperative-union": ("Union of cooperatives", "Liên hiệp hợp tác xã", "اتحاد التعاونيات"),
}


def _names(english, vietnamese, arabic):
    return {"name_en": english, "name_vi": vietnamese, "name_ar": arabic}


def _create_missing(model, rows):
    """Insert the rows whose code is not there yet; entries staff edited stay as they are."""
    existing = set(model.objects.filter(code__in=rows).values_list("code", flat=True))
    model.objects.bulk_create(
        [model(code=code, **fields) for code, fields in rows.items() if code not in existing]
    )


def ensure_reference_data():
    regions = {}
    provinces = {}
    for code, (english, vietnamese, arabic, entries) in MOROCCO.items():
        regions[code] = {"country": Country.MOROCCO, **_names(english, vietnamese, arabic)}
        for province_code, latin, province_arabic in entries:
            provinces[province_code] = (code, _names(latin, latin, province_arabic))
    for code, (english, vietnamese, arabic, entries) in VIETNAM.items():
        regions[code] = {"country": Country.VIETNAM, **_names(english, vietnamese, arabic)}
        for province_code, province_english, province_vietnamese, province_arabic in entries:
            provinces[province_code] = (
                code,
                _names(province_english, province_vietnamese, province_arabic),
            )

    _create_missing(Region, regions)
    region_ids = dict(Region.objects.filter(code__in=regions).values_list("code", "pk"))
    _create_missing(
        Province,
        {
            code: {"region_id": region_ids[region_code], **names}
            for code, (region_code, names) in provinces.items()
        },
    )
    _create_missing(Sector, {code: _names(*names) for code, names in SECTORS.items()})
    _create_missing(LegalForm, {code: _names(*names) for code, names in LEGAL_FORMS.items()})
