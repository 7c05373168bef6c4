"""The public pages of the demo calls: a calls index under each home page and one page per call
in each language, written for this demo in English, Vietnamese and Arabic.

English pages are created first; the Vietnamese and Arabic ones are Wagtail translations of them
(`copy_for_translation`), so the language switcher links each page to its counterparts.
"""

from datetime import timedelta

from wagtail.models import Locale

from cms.models import CallIndexPage, CallPage, HomePage

from .calls import ATLAS_CALL, DIGITAL_CALL

LANGUAGES = ("en", "vi", "ar")

INDEX = {
    "en": {
        "title": "Calls for expressions of interest",
        "slug": "calls",
        "intro": (
            "Open calls come first, then past ones. Each call says who may apply, which "
            "documents to prepare and until when."
        ),
    },
    "vi": {
        "title": "Thông báo mời bày tỏ quan tâm",
        "slug": "thong-bao",
        "intro": (
            "Các thông báo đang mở được liệt kê trước, sau đó là các thông báo đã kết thúc. Mỗi "
            "thông báo nêu rõ ai được đăng ký, hồ sơ cần chuẩn bị và thời hạn nộp."
        ),
    },
    "ar": {
        "title": "دعوات لتقديم طلبات الاهتمام",
        "slug": "الدعوات",
        "intro": (
            "تظهر أولاً الدعوات المفتوحة ثم الدعوات المنتهية. تبيّن كل دعوة من يحق له الترشح "
            "والوثائق المطلوب إعدادها وآخر أجل لتقديم الطلبات."
        ),
    },
}

# Milestones: (reckoned from "opens" or "closes", days after it, label per language).
ATLAS_MILESTONES = [
    (
        "opens",
        14,
        {
            "en": "Information sessions in each region",
            "vi": "Buổi giới thiệu chương trình tại từng vùng",
            "ar": "لقاءات تواصلية في كل جهة",
        },
    ),
    (
        "closes",
        21,
        {
            "en": "Eligibility results sent to each applicant",
            "vi": "Gửi kết quả kiểm tra điều kiện tham gia cho từng hồ sơ",
            "ar": "إرسال نتائج دراسة الأهلية إلى كل مترشح",
        },
    ),
    (
        "closes",
        50,
        {
            "en": "Selection committee meets",
            "vi": "Hội đồng tuyển chọn họp",
            "ar": "اجتماع لجنة الانتقاء",
        },
    ),
    (
        "closes",
        60,
        {
            "en": "Admitted cooperatives announced, phase by phase",
            "vi": "Công bố danh sách hợp tác xã được chọn theo từng giai đoạn",
            "ar": "الإعلان عن التعاونيات المقبولة، مرحلة بمرحلة",
        },
    ),
    (
        "closes",
        75,
        {
            "en": "Phase 1 (South) starts",
            "vi": "Khởi động giai đoạn 1 (miền Nam)",
            "ar": "انطلاق المرحلة الأولى (الجنوب)",
        },
    ),
]

DIGITAL_MILESTONES = [
    (
        "opens",
        20,
        {
            "en": "Online information session",
            "vi": "Buổi giới thiệu trực tuyến",
            "ar": "لقاء تعريفي عبر الإنترنت",
        },
    ),
    (
        "closes",
        20,
        {
            "en": "Eligibility results sent to applicants",
            "vi": "Gửi kết quả kiểm tra điều kiện tham gia",
            "ar": "إرسال نتائج دراسة الأهلية إلى المترشحين",
        },
    ),
    (
        "closes",
        35,
        {
            "en": "Field visits to shortlisted cooperatives",
            "vi": "Khảo sát thực tế các hợp tác xã vào vòng trong",
            "ar": "زيارات ميدانية للتعاونيات المدرجة في القائمة الأولية",
        },
    ),
    (
        "closes",
        50,
        {
            "en": "Selected cooperatives announced",
            "vi": "Công bố danh sách hợp tác xã được chọn",
            "ar": "الإعلان عن التعاونيات المقبولة",
        },
    ),
    (
        "closes",
        75,
        {
            "en": "Digital maturity diagnostics begin",
            "vi": "Bắt đầu đánh giá mức độ sẵn sàng chuyển đổi số",
            "ar": "انطلاق تشخيص النضج الرقمي",
        },
    ),
]

PAGES = {
    ATLAS_CALL: {
        "milestones": ATLAS_MILESTONES,
        "en": {
            "slug": "atlas-cohort-1",
            "intro": (
                "Was your cooperative created in the last four years? Atlas will support 500 "
                "cooperatives in nine regions for two years with a strategic diagnostic, a "
                "development plan, training and coaching. Apply online before the deadline."
            ),
            "objectives": (
                "<p>The first cohort of Atlas helps young cooperatives become viable businesses "
                "that pay their members fairly.</p><ul>"
                "<li>Strengthen governance: members who know their rights, general assemblies "
                "held on time, accounts kept.</li>"
                "<li>Improve production and quality so products meet buyers' requirements.</li>"
                "<li>Improve packaging and labelling and open new sales channels.</li>"
                "<li>Create stable jobs, especially for women and young people.</li></ul>"
            ),
            "eligibility": (
                "<p>The call is open to cooperatives that:</p><ul>"
                "<li>were legally created at most four years before the call opened and are "
                "entered in the register of cooperatives;</li>"
                "<li>have their seat in one of the regions covered (listed on this page);</li>"
                "<li>run an economically viable, market-oriented activity, or can show how they "
                "will;</li>"
                "<li>are socially responsible: open membership, decisions taken in general "
                "assembly, fair pay;</li>"
                "<li>produce in a way that respects the environment.</li></ul>"
                "<p>Cooperatives whose members are mostly women or young people (35 or younger) "
                "receive extra points at selection.</p>"
            ),
            "documents_required": (
                "<ul><li>The statutes of the cooperative (required, uploaded with the form).</li>"
                "<li>The registration number and date, as on the registration certificate.</li>"
                "<li>The number of members, with the number of women and young people.</li></ul>"
                "<p>Files may be PDF, JPEG or PNG, up to 10 MB each; a clear photo taken with a "
                "phone is accepted.</p>"
            ),
            "faq": [
                (
                    "Can we apply if our cooperative was created five years ago?",
                    "<p>No. This cohort is for cooperatives created at most four years before "
                    "the call opened. Older cooperatives may apply to the program's later "
                    "calls.</p>",
                ),
                (
                    "We have no internet at the cooperative. Can we apply from a phone?",
                    "<p>Yes. The form works on a phone and saves what you type as you go. You "
                    "receive a link by e-mail to come back to it later, from any device.</p>",
                ),
                (
                    "How are cooperatives selected?",
                    "<p>Reviewers score the eligible applications against published criteria: "
                    "the project, the market, the members' involvement and the share of women "
                    "and young people. The committee then admits the best-ranked cooperatives of "
                    "each phase, up to its capacity.</p>",
                ),
            ],
            "contact": (
                '<p>Atlas program office: <a href="mailto:atlas@example.org">atlas@example.org'
                "</a>. The regional teams of the National Cooperative Support Office also help "
                "with the form.</p>"
            ),
        },
        "vi": {
            "slug": "atlas-dot-1",
            "intro": (
                "Hợp tác xã của bạn được thành lập trong bốn năm gần đây? Chương trình Atlas sẽ "
                "đồng hành cùng 500 hợp tác xã tại chín vùng trong hai năm: chẩn đoán chiến lược, "
                "kế hoạch phát triển, tập huấn và chuyên gia đồng hành. Hãy nộp hồ sơ đăng ký "
                "trực tuyến trước thời hạn."
            ),
            "objectives": (
                "<p>Đợt 1 của chương trình Atlas giúp các hợp tác xã mới thành lập trở thành đơn "
                "vị kinh doanh bền vững, mang lại thu nhập công bằng cho thành viên.</p><ul>"
                "<li>Củng cố quản trị: thành viên hiểu rõ quyền lợi của mình, đại hội thành viên "
                "được tổ chức đúng hạn, sổ sách được ghi chép đầy đủ.</li>"
                "<li>Nâng cao sản xuất và chất lượng để sản phẩm đáp ứng yêu cầu của người "
                "mua.</li>"
                "<li>Cải thiện bao bì, nhãn mác và mở thêm kênh bán hàng mới.</li>"
                "<li>Tạo việc làm ổn định, nhất là cho phụ nữ và thanh niên.</li></ul>"
            ),
            "eligibility": (
                "<p>Hợp tác xã được đăng ký nếu:</p><ul>"
                "<li>được thành lập hợp pháp không quá bốn năm tính đến ngày mở thông báo và có "
                "tên trong sổ đăng ký hợp tác xã;</li>"
                "<li>có trụ sở tại một trong các vùng thuộc phạm vi thông báo (xem danh sách trên "
                "trang này);</li>"
                "<li>có hoạt động kinh tế khả thi, hướng tới thị trường, hoặc chứng minh được "
                "cách sẽ đạt được điều đó;</li>"
                "<li>có trách nhiệm xã hội: kết nạp thành viên rộng mở, quyết định thông qua đại "
                "hội thành viên, trả công công bằng;</li>"
                "<li>sản xuất thân thiện với môi trường.</li></ul>"
                "<p>Hợp tác xã có đa số thành viên là phụ nữ hoặc thanh niên (từ 35 tuổi trở "
                "xuống) được cộng điểm khi xét chọn.</p>"
            ),
            "documents_required": (
                "<ul><li>Điều lệ hợp tác xã (bắt buộc, tải lên cùng biểu mẫu).</li>"
                "<li>Số và ngày đăng ký, theo giấy chứng nhận đăng ký.</li>"
                "<li>Số thành viên, trong đó số phụ nữ và thanh niên.</li></ul>"
                "<p>Tệp có thể ở dạng PDF, JPEG hoặc PNG, mỗi tệp tối đa 10 MB; ảnh chụp rõ nét "
                "bằng điện thoại cũng được chấp nhận.</p>"
            ),
            "faq": [
                (
                    "Hợp tác xã thành lập được năm năm có được đăng ký không?",
                    "<p>Không. Đợt này dành cho hợp tác xã thành lập không quá bốn năm tính đến "
                    "ngày mở thông báo. Hợp tác xã lâu năm hơn có thể đăng ký ở các thông báo "
                    "sau của chương trình.</p>",
                ),
                (
                    "Hợp tác xã không có internet. Có thể nộp hồ sơ bằng điện thoại không?",
                    "<p>Có. Biểu mẫu dùng được trên điện thoại và tự động lưu những gì bạn nhập. "
                    "Bạn sẽ nhận được một đường liên kết qua e-mail để quay lại hoàn thiện hồ sơ "
                    "từ bất kỳ thiết bị nào.</p>",
                ),
                (
                    "Hợp tác xã được lựa chọn như thế nào?",
                    "<p>Hồ sơ đáp ứng điều kiện tham gia được hội đồng chấm điểm theo các tiêu "
                    "chí công khai: dự án, thị trường, mức độ tham gia của thành viên, tỷ lệ phụ "
                    "nữ và thanh niên. Sau đó hội đồng chọn các hợp tác xã có thứ hạng cao nhất "
                    "của từng giai đoạn, trong giới hạn chỉ tiêu.</p>",
                ),
            ],
            "contact": (
                '<p>Văn phòng chương trình Atlas: <a href="mailto:atlas@example.org">'
                "atlas@example.org</a>. Cán bộ vùng của Văn phòng Quốc gia Hỗ trợ Hợp tác xã "
                "cũng hướng dẫn điền biểu mẫu.</p>"
            ),
        },
        "ar": {
            "slug": "الأطلس-الدفعة-الأولى",
            "intro": (
                "هل أُحدثت تعاونيتكم خلال السنوات الأربع الأخيرة؟ يواكب برنامج الأطلس 500 تعاونية "
                "في تسع جهات لمدة سنتين: تشخيص استراتيجي، وخطة تطوير، وتكوين، ومواكبة. قدّموا "
                "طلبكم عبر الإنترنت قبل انتهاء الأجل."
            ),
            "objectives": (
                "<p>تساعد الدفعة الأولى من برنامج الأطلس التعاونيات الناشئة على أن تصبح مقاولات "
                "قادرة على الاستمرار وتضمن لأعضائها دخلاً منصفاً.</p><ul>"
                "<li>تعزيز الحوكمة: أعضاء يعرفون حقوقهم، وجموع عامة تنعقد في وقتها، وحسابات "
                "ممسوكة بانتظام.</li>"
                "<li>تحسين الإنتاج والجودة لتستجيب المنتجات لمتطلبات المشترين.</li>"
                "<li>تحسين التغليف ووضع العلامات وفتح قنوات بيع جديدة.</li>"
                "<li>خلق مناصب شغل قارة، خاصة لفائدة النساء والشباب.</li></ul>"
            ),
            "eligibility": (
                "<p>يحق الترشح للتعاونيات التي:</p><ul>"
                "<li>أُحدثت بصفة قانونية منذ أربع سنوات على الأكثر عند فتح باب الترشح، وهي "
                "مقيدة في سجل التعاونيات؛</li>"
                "<li>يوجد مقرها في إحدى الجهات المعنية بهذه الدعوة (انظر اللائحة في هذه "
                "الصفحة)؛</li>"
                "<li>تزاول نشاطاً مجدياً اقتصادياً وموجهاً نحو السوق، أو تستطيع أن تبيّن كيف "
                "ستحقق ذلك؛</li>"
                "<li>تتحلى بالمسؤولية الاجتماعية: عضوية مفتوحة، وقرارات تُتخذ في الجمع العام، "
                "وأجر منصف؛</li>"
                "<li>تحترم البيئة في طريقة إنتاجها.</li></ul>"
                "<p>تحصل التعاونيات التي أغلب أعضائها من النساء أو الشباب (35 سنة فما دون) على "
                "نقط إضافية عند الانتقاء.</p>"
            ),
            "documents_required": (
                "<ul><li>النظام الأساسي للتعاونية (إلزامي، يُرفع مع الاستمارة).</li>"
                "<li>رقم التسجيل وتاريخه كما يظهران في شهادة التسجيل.</li>"
                "<li>عدد الأعضاء، مع عدد النساء والشباب.</li></ul>"
                "<p>تُقبل الملفات بصيغة PDF أو JPEG أو PNG، في حدود 10 ميغابايت لكل ملف، كما "
                "تُقبل صورة واضحة ملتقطة بالهاتف.</p>"
            ),
            "faq": [
                (
                    "هل يمكننا الترشح إذا أُحدثت تعاونيتنا قبل خمس سنوات؟",
                    "<p>لا. هذه الدفعة مخصصة للتعاونيات المحدثة منذ أربع سنوات على الأكثر عند "
                    "فتح باب الترشح. ويمكن للتعاونيات الأقدم الترشح في الدعوات المقبلة "
                    "للبرنامج.</p>",
                ),
                (
                    "لا يتوفر مقر التعاونية على الإنترنت. هل يمكن الترشح بالهاتف؟",
                    "<p>نعم. تعمل الاستمارة على الهاتف وتحفظ ما تكتبونه أولاً بأول، وتتوصلون "
                    "برابط عبر البريد الإلكتروني للعودة إليها لاحقاً من أي جهاز.</p>",
                ),
                (
                    "كيف يتم انتقاء التعاونيات؟",
                    "<p>يقيّم المراجعون الطلبات المستوفية لشروط الأهلية وفق معايير منشورة: "
                    "المشروع، والسوق، وانخراط الأعضاء، وحصة النساء والشباب. ثم تقبل اللجنة "
                    "التعاونيات الأفضل ترتيباً في كل مرحلة في حدود طاقتها الاستيعابية.</p>",
                ),
            ],
            "contact": (
                '<p>مكتب برنامج الأطلس: <a href="mailto:atlas@example.org">atlas@example.org</a>. '
                "كما تساعدكم الفرق الجهوية للمكتب الوطني لدعم التعاونيات في ملء الاستمارة.</p>"
            ),
        },
    },
    DIGITAL_CALL: {
        "milestones": DIGITAL_MILESTONES,
        "en": {
            "slug": "cooperatives-go-digital-2026",
            "intro": (
                "Cooperatives Go Digital will support 150 agricultural cooperatives in the "
                "Central Highlands, the Mekong Delta and the northern midlands and mountains for "
                "eighteen months, to keep their accounts, trace their products and sell online."
            ),
            "objectives": (
                "<p>The program helps cooperatives use simple digital tools in their daily work, "
                "so that members save time and buyers trust their products.</p><ul>"
                "<li>Move bookkeeping and member records from paper to software.</li>"
                "<li>Give each main product a traceability QR code.</li>"
                "<li>Open at least one online sales channel per cooperative.</li>"
                "<li>Train two members per cooperative, who then train the others.</li></ul>"
            ),
            "eligibility": (
                "<p>The call is open to cooperatives that:</p><ul>"
                "<li>are registered cooperatives or unions of cooperatives, created at least one "
                "year ago;</li>"
                "<li>have their seat in one of the regions covered (listed on this page);</li>"
                "<li>farm or raise fish and already sell at least part of what they produce;</li>"
                "<li>produce in a way that respects the environment, with safe use of "
                "fertilisers and pesticides;</li>"
                "<li>can name two members to follow the training, preferably one aged 30 or "
                "under;</li>"
                "<li>agree to co-finance part of the equipment.</li></ul>"
            ),
            "documents_required": (
                "<ul><li>The statutes of the cooperative (required, uploaded with the form).</li>"
                "<li>The cooperative's registration number, as on its registration "
                "certificate.</li>"
                "<li>The number of members, with the number of women and young people.</li></ul>"
                "<p>Files may be PDF, JPEG or PNG, up to 10 MB each.</p>"
            ),
            "faq": [
                (
                    "Our cooperative has no computer. Can we still apply?",
                    "<p>Yes. Many cooperatives start with smartphones only. Equipment needs are "
                    "assessed during the diagnostic, and the program pays part of the cost.</p>",
                ),
                (
                    "Must the two trained members be young?",
                    "<p>No, but we encourage at least one member aged 30 or under, because young "
                    "members often lead the digital work.</p>",
                ),
                (
                    "How much does the cooperative contribute?",
                    "<p>About 20% of the equipment cost, in cash or in kind. Training and "
                    "coaching are free.</p>",
                ),
            ],
            "contact": (
                "<p>Program office, Cooperative Development Support Centre: "
                '<a href="mailto:digital@example.org">digital@example.org</a>.</p>'
            ),
        },
        "vi": {
            "slug": "hop-tac-xa-chuyen-doi-so-2026",
            "intro": (
                "Chương trình Hợp tác xã chuyển đổi số sẽ đồng hành cùng 150 hợp tác xã nông "
                "nghiệp ở Tây Nguyên, Đồng bằng sông Cửu Long và vùng trung du, miền núi phía Bắc "
                "trong mười tám tháng để ghi chép sổ sách, truy xuất nguồn gốc sản phẩm và bán "
                "hàng trực tuyến."
            ),
            "objectives": (
                "<p>Chương trình giúp hợp tác xã sử dụng các công cụ số đơn giản trong công việc "
                "hằng ngày, để thành viên tiết kiệm thời gian và người mua tin tưởng sản "
                "phẩm.</p><ul>"
                "<li>Chuyển sổ sách kế toán và hồ sơ thành viên từ giấy sang phần mềm.</li>"
                "<li>Gắn mã QR truy xuất nguồn gốc cho mỗi sản phẩm chủ lực.</li>"
                "<li>Mỗi hợp tác xã mở ít nhất một kênh bán hàng trực tuyến.</li>"
                "<li>Đào tạo hai thành viên của mỗi hợp tác xã để họ hướng dẫn lại cho các thành "
                "viên khác.</li></ul>"
            ),
            "eligibility": (
                "<p>Hợp tác xã được đăng ký nếu:</p><ul>"
                "<li>là hợp tác xã hoặc liên hiệp hợp tác xã đã đăng ký, thành lập từ một năm "
                "trở lên;</li>"
                "<li>có trụ sở tại một trong các vùng thuộc phạm vi thông báo (xem danh sách trên "
                "trang này);</li>"
                "<li>hoạt động trồng trọt, chăn nuôi hoặc nuôi trồng thủy sản và đã bán ít nhất "
                "một phần sản phẩm;</li>"
                "<li>sản xuất thân thiện với môi trường, sử dụng phân bón và thuốc bảo vệ thực "
                "vật an toàn;</li>"
                "<li>cử được hai thành viên tham gia đào tạo, ưu tiên có ít nhất một người từ 30 "
                "tuổi trở xuống;</li>"
                "<li>đồng ý đóng góp một phần chi phí thiết bị.</li></ul>"
            ),
            "documents_required": (
                "<ul><li>Điều lệ hợp tác xã (bắt buộc, tải lên cùng biểu mẫu).</li>"
                "<li>Mã số hợp tác xã theo giấy chứng nhận đăng ký.</li>"
                "<li>Số thành viên, trong đó số phụ nữ và thanh niên.</li></ul>"
                "<p>Tệp có thể ở dạng PDF, JPEG hoặc PNG, mỗi tệp tối đa 10 MB.</p>"
            ),
            "faq": [
                (
                    "Hợp tác xã chưa có máy tính thì có đăng ký được không?",
                    "<p>Được. Nhiều hợp tác xã bắt đầu chỉ với điện thoại thông minh. Nhu cầu "
                    "thiết bị sẽ được đánh giá trong quá trình chẩn đoán và chương trình hỗ trợ "
                    "một phần chi phí.</p>",
                ),
                (
                    "Hai thành viên tham gia đào tạo có bắt buộc phải là thanh niên không?",
                    "<p>Không bắt buộc, nhưng chương trình khuyến khích có ít nhất một thành viên "
                    "từ 30 tuổi trở xuống, vì thanh niên thường là người dẫn dắt công việc "
                    "số.</p>",
                ),
                (
                    "Hợp tác xã phải đóng góp bao nhiêu?",
                    "<p>Khoảng 20% chi phí thiết bị, bằng tiền hoặc hiện vật. Đào tạo và đồng "
                    "hành được miễn phí.</p>",
                ),
            ],
            "contact": (
                "<p>Văn phòng chương trình, Trung tâm Hỗ trợ Phát triển Hợp tác xã: "
                '<a href="mailto:digital@example.org">digital@example.org</a>.</p>'
            ),
        },
        "ar": {
            "slug": "التعاونيات-نحو-التحول-الرقمي-2026",
            "intro": (
                "يواكب برنامج «التعاونيات نحو التحول الرقمي» 150 تعاونية فلاحية في المرتفعات "
                "الوسطى ودلتا الميكونغ والمناطق الجبلية في شمال فيتنام لمدة ثمانية عشر شهراً، من "
                "أجل مسك الحسابات وتتبّع المنتجات والبيع عبر الإنترنت."
            ),
            "objectives": (
                "<p>يساعد البرنامج التعاونيات على استعمال أدوات رقمية بسيطة في عملها اليومي، حتى "
                "يوفّر الأعضاء وقتهم ويثق المشترون في منتجاتها.</p><ul>"
                "<li>نقل مسك الحسابات وسجلات الأعضاء من الورق إلى البرمجيات.</li>"
                "<li>تزويد كل منتج رئيسي برمز QR للتتبع.</li>"
                "<li>فتح قناة بيع واحدة على الأقل عبر الإنترنت لكل تعاونية.</li>"
                "<li>تكوين عضوين من كل تعاونية ليتوليا بدورهما تكوين باقي الأعضاء.</li></ul>"
            ),
            "eligibility": (
                "<p>يحق الترشح للتعاونيات التي:</p><ul>"
                "<li>هي تعاونيات أو اتحادات تعاونيات مسجلة، مضت على إحداثها سنة على الأقل؛</li>"
                "<li>يوجد مقرها في إحدى الجهات المعنية بهذه الدعوة (انظر اللائحة في هذه "
                "الصفحة)؛</li>"
                "<li>تزاول نشاطاً فلاحياً أو في تربية الأحياء المائية وتبيع جزءاً من إنتاجها على "
                "الأقل؛</li>"
                "<li>تحترم البيئة في إنتاجها، مع استعمال آمن للأسمدة والمبيدات؛</li>"
                "<li>تستطيع تعيين عضوين لمتابعة التكوين، ويُفضَّل أن يكون أحدهما في سن 30 سنة فما "
                "دون؛</li>"
                "<li>توافق على المساهمة في جزء من كلفة المعدات.</li></ul>"
            ),
            "documents_required": (
                "<ul><li>النظام الأساسي للتعاونية (إلزامي، يُرفع مع الاستمارة).</li>"
                "<li>رقم تسجيل التعاونية كما يظهر في شهادة التسجيل.</li>"
                "<li>عدد الأعضاء، مع عدد النساء والشباب.</li></ul>"
                "<p>تُقبل الملفات بصيغة PDF أو JPEG أو PNG، في حدود 10 ميغابايت لكل ملف.</p>"
            ),
            "faq": [
                (
                    "لا تملك تعاونيتنا حاسوباً. هل يمكننا الترشح؟",
                    "<p>نعم. تبدأ تعاونيات كثيرة بالهواتف الذكية فقط. تُقيَّم الحاجة إلى المعدات "
                    "خلال التشخيص، ويتحمل البرنامج جزءاً من كلفتها.</p>",
                ),
                (
                    "هل يجب أن يكون العضوان المستفيدان من التكوين من الشباب؟",
                    "<p>ليس ذلك إلزامياً، لكننا نشجع على أن يكون أحدهما على الأقل في سن 30 سنة فما "
                    "دون، لأن الشباب غالباً ما يقودون العمل الرقمي.</p>",
                ),
                (
                    "ما هي مساهمة التعاونية؟",
                    "<p>نحو 20% من كلفة المعدات، نقداً أو عيناً. أما التكوين والمواكبة فمجانيان.</p>",
                ),
            ],
            "contact": (
                "<p>مكتب البرنامج، مركز دعم تنمية التعاونيات: "
                '<a href="mailto:digital@example.org">digital@example.org</a>.</p>'
            ),
        },
    },
}


def _title(call, language):
    return getattr(call, f"title_{language}") or call.title_en


def _timeline(call, milestones, language):
    starts = {"opens": call.opens_at.astimezone(call.tzinfo).date()}
    starts["closes"] = call.closes_at.astimezone(call.tzinfo).date()
    return [
        {
            "type": "milestone",
            "value": {
                "date": (starts[anchor] + timedelta(days=days)).isoformat(),
                "label": labels[language],
            },
        }
        for anchor, days, labels in milestones
    ]


def _fill_call_page(page, language):
    call = page.call
    spec = PAGES[call.reference_prefix]
    content = spec[language]
    page.title = _title(call, language)
    page.slug = content["slug"]
    for field in ("intro", "objectives", "eligibility", "documents_required", "contact"):
        setattr(page, field, content[field])
    page.timeline = _timeline(call, spec["milestones"], language)
    page.faq = [
        {"type": "faq", "value": {"question": question, "answer": answer}}
        for question, answer in content["faq"]
    ]


def _fill_index(page, language):
    for field, value in INDEX[language].items():
        setattr(page, field, value)


def ensure_translations(page, locales, fill):
    """Translate a page into each language it is missing in; leaves existing ones alone."""
    for language in LANGUAGES[1:]:
        if page.get_translations().filter(locale=locales[language]).exists():
            continue
        translation = page.copy_for_translation(locales[language])
        fill(translation, language)
        translation.save_revision().publish()


def ensure_call_pages(calls):
    locales = {language: Locale.objects.get(language_code=language) for language in LANGUAGES}
    english_home = HomePage.objects.filter(locale=locales["en"]).first()

    index = CallIndexPage.objects.child_of(english_home).first()
    if index is None:
        index = CallIndexPage(show_in_menus=True)
        _fill_index(index, "en")
        english_home.add_child(instance=index)
        index.save_revision().publish()
    ensure_translations(index, locales, _fill_index)

    for call in calls.values():
        page = CallPage.objects.filter(call=call, locale=locales["en"]).first()
        if page is None:
            page = CallPage(call=call)
            _fill_call_page(page, "en")
            index.add_child(instance=page)
            page.save_revision().publish()
        ensure_translations(page, locales, _fill_call_page)
