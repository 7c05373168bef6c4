"""The demo site's home page, written for this platform in its three languages."""

HOME = {
    "en": {
        "title": "Support for cooperatives, from the call to the results",
        "slug": "home",
        "intro": (
            "Programs run here help young cooperatives grow: they apply to a call, are selected "
            "into a cohort, receive a strategic diagnostic, a development plan, training and "
            "coaching, and see their progress measured."
        ),
        "body": [
            ("heading", "How a program works"),
            (
                "paragraph",
                "<p>Each program supports cooperatives in successive cohorts. A public call for "
                "expressions of interest explains who may apply and until when. Applications are "
                "screened, scored by reviewers and decided within the cohort's capacity.</p>",
            ),
            (
                "paragraph",
                "<p>Every admitted cooperative works with a coach. Together they assess its "
                "governance, management, finances, production, marketing and digital skills, list "
                "its strengths, weaknesses, opportunities and threats, and agree on a development "
                "plan that the program then finances and follows up.</p>",
            ),
            ("heading", "Results you can check"),
            (
                "paragraph",
                "<p>The figures published for each cohort are computed from the records kept "
                "during the program: trainings held, coaching sessions delivered, progress between "
                "the first and the last diagnostic, and the budget spent with its co-financing.</p>",
            ),
        ],
    },
    "vi": {
        "title": "Đồng hành cùng hợp tác xã, từ thông báo đến kết quả",
        "slug": "trang-chu",
        "intro": (
            "Các chương trình trên nền tảng này giúp hợp tác xã mới thành lập phát triển: nộp hồ "
            "sơ đăng ký, được lựa chọn vào một đợt hỗ trợ, được chẩn đoán chiến lược, xây dựng kế "
            "hoạch phát triển, tham gia tập huấn và được chuyên gia đồng hành, rồi theo dõi tiến bộ "
            "của chính mình."
        ),
        "body": [
            ("heading", "Một chương trình diễn ra như thế nào"),
            (
                "paragraph",
                "<p>Mỗi chương trình hỗ trợ hợp tác xã theo từng đợt. Thông báo mời bày tỏ quan "
                "tâm công khai nêu rõ ai được đăng ký và thời hạn nộp hồ sơ. Hồ sơ được kiểm tra "
                "điều kiện tham gia, được hội đồng chấm điểm và quyết định trong giới hạn chỉ tiêu "
                "của đợt.</p>",
            ),
            (
                "paragraph",
                "<p>Mỗi hợp tác xã được chọn làm việc với một chuyên gia đồng hành. Hai bên cùng "
                "đánh giá quản trị, quản lý, tài chính, sản xuất, tiếp thị và năng lực số, xác định "
                "điểm mạnh, điểm yếu, cơ hội và thách thức, rồi thống nhất một kế hoạch phát triển "
                "mà chương trình sẽ hỗ trợ và theo dõi.</p>",
            ),
            ("heading", "Kết quả có thể kiểm chứng"),
            (
                "paragraph",
                "<p>Số liệu công bố cho mỗi đợt được tính trực tiếp từ hồ sơ ghi nhận trong suốt "
                "chương trình: số lớp tập huấn, số buổi đồng hành, mức tiến bộ giữa lần chẩn đoán "
                "đầu và cuối, ngân sách đã giải ngân cùng phần vốn đối ứng.</p>",
            ),
        ],
    },
    "ar": {
        "title": "مواكبة التعاونيات، من الدعوة إلى النتائج",
        "slug": "الرئيسية",
        "intro": (
            "تساعد البرامج المسيّرة على هذه المنصة التعاونيات الناشئة على النمو: تقدّم طلبها "
            "استجابةً لدعوة، وتُنتقى ضمن دفعة، وتستفيد من تشخيص استراتيجي وخطة تطوير وتكوين "
            "ومواكبة، ثم تتابع تقدّمها بالأرقام."
        ),
        "body": [
            ("heading", "كيف يسير البرنامج"),
            (
                "paragraph",
                "<p>يدعم كل برنامج التعاونيات على دفعات متتالية. توضّح الدعوة العمومية لتقديم "
                "طلبات الاهتمام من يحق له الترشح وآخر أجل لذلك. تُفحص الطلبات من حيث الأهلية، "
                "ويقيّمها المراجعون، ثم يُبتّ فيها في حدود الطاقة الاستيعابية للدفعة.</p>",
            ),
            (
                "paragraph",
                "<p>تعمل كل تعاونية مقبولة مع مواكب. يقيّمان معاً الحوكمة والتدبير والمالية "
                "والإنتاج والتسويق والمهارات الرقمية، ويحدّدان نقاط القوة ونقاط الضعف والفرص "
                "والتهديدات، ثم يتفقان على خطة تطوير يموّلها البرنامج ويتابع تنفيذها.</p>",
            ),
            ("heading", "نتائج قابلة للتحقق"),
            (
                "paragraph",
                "<p>تُحتسب الأرقام المنشورة لكل دفعة مباشرة من السجلات المحفوظة طوال البرنامج: "
                "الدورات التكوينية المنظمة، وجلسات المواكبة المنجزة، والتقدم بين التشخيص الأول "
                "والأخير، والميزانية المنفقة مع حصة التمويل المشترك.</p>",
            ),
        ],
    },
}


def _stream(blocks):
    return [{"type": block_type, "value": value} for block_type, value in blocks]


def build_site():
    """The three home pages and the default site; leaves alone whatever already exists."""
    from django.conf import settings
    from wagtail.models import Locale, Page, Site

    from cms.models import HomePage

    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)

    root = Page.get_first_root_node()
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        # Wagtail's own migration leaves a placeholder "Welcome" page; ours takes its place.
        for placeholder in root.get_children().exact_type(Page):
            placeholder.delete()
        content = HOME["en"]
        home = root.add_child(
            instance=HomePage(
                title=content["title"],
                slug=content["slug"],
                intro=content["intro"],
                body=_stream(content["body"]),
                locale=english,
            )
        )
        home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Cooperative Accelerator",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()

    for code in ("vi", "ar"):
        locale = Locale.objects.get(language_code=code)
        if home.get_translations().filter(locale=locale).exists():
            continue
        content = HOME[code]
        translation = home.copy_for_translation(locale)
        translation.title = content["title"]
        translation.slug = content["slug"]
        translation.intro = content["intro"]
        translation.body = _stream(content["body"])
        translation.save_revision().publish()
    return home
