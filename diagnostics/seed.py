"""The instrument every program starts with: the cooperative capacity scorecard, version 1, and
a library of standard actions per domain. Written for this platform in English, Vietnamese and
Arabic (Moroccan usage: التعاونية، الجمع العام، المجلس الإداري، التدبير).

`ensure_capacity_scorecard()` is safe to run again: rows are found by their codes and their
texts brought up to date, except in a version already frozen by a diagnostic, which is left
exactly as it is.
"""

from dataclasses import dataclass

from django.db import transaction

from .models import ActionCategory, Domain, Instrument, InstrumentVersion, Question, StandardAction

INSTRUMENT_CODE = "capacity-scorecard"
LANGUAGES = ("en", "vi", "ar")


@dataclass(frozen=True)
class T:
    """One text in English, Vietnamese and Arabic."""

    en: str
    vi: str
    ar: str

    def fields(self, name):
        return {f"{name}_{code}": getattr(self, code) for code in LANGUAGES}


@dataclass(frozen=True)
class Q:
    code: str
    text: T
    hint: T
    levels: tuple  # five T, from level 0 (absent) to level 4 (very good)
    weight: str = "1"


@dataclass(frozen=True)
class D:
    code: str
    name: T
    description: T
    questions: tuple
    weight: str = "1"


INSTRUMENT = (
    T(
        "Cooperative capacity scorecard",
        "Bảng đánh giá năng lực hợp tác xã",
        "بطاقة تقييم قدرات التعاونية",
    ),
    T(
        "Six domains scored from 0 (absent) to 4 (very good), each level described, with the "
        "evidence to look for. Used at baseline, mid-term and end-line.",
        "Sáu lĩnh vực được chấm từ 0 (chưa có) đến 4 (rất tốt), mỗi mức đều có mô tả, kèm theo "
        "bằng chứng cần xem xét. Dùng cho các lần đánh giá ban đầu, giữa kỳ và cuối kỳ.",
        "ستة مجالات تُنقَّط من 0 (غائب) إلى 4 (جيد جدا)، لكل مستوى وصفه، مع الإثباتات الواجب "
        "الاطلاع عليها. تُستعمل في التشخيص الأولي وفي منتصف المدة وفي نهايتها.",
    ),
)

DOMAINS = (
    D(
        "governance",
        T("Governance", "Quản trị", "الحوكمة"),
        T(
            "How members govern their cooperative: general assembly, board, statutes and "
            "members' participation.",
            "Cách thành viên quản trị hợp tác xã: đại hội thành viên, hội đồng quản trị, điều lệ "
            "và sự tham gia của thành viên.",
            "كيف يسيّر المتعاونون تعاونيتهم: الجمع العام، المجلس الإداري، النظام الأساسي "
            "ومشاركة المتعاونين.",
        ),
        (
            Q(
                "general-assembly",
                T(
                    "Does the general assembly meet as the statutes require and take the "
                    "decisions that belong to it?",
                    "Đại hội thành viên có họp đúng theo điều lệ và quyết định những vấn đề "
                    "thuộc thẩm quyền của đại hội không?",
                    "هل ينعقد الجمع العام وفق ما ينص عليه النظام الأساسي ويتخذ القرارات التي "
                    "تعود إليه؟",
                ),
                T(
                    "Notices of meeting, attendance lists and minutes of the last two general "
                    "assemblies.",
                    "Giấy mời, danh sách có mặt và biên bản của hai kỳ đại hội thành viên gần "
                    "nhất.",
                    "الدعوات ولوائح الحضور ومحاضر آخر جمعين عامين.",
                ),
                (
                    T(
                        "No general assembly has been held since the cooperative was created.",
                        "Chưa tổ chức đại hội thành viên nào kể từ khi thành lập.",
                        "لم ينعقد أي جمع عام منذ تأسيس التعاونية.",
                    ),
                    T(
                        "An assembly was held once, without notice or minutes.",
                        "Đã họp một lần nhưng không có giấy mời, không có biên bản.",
                        "انعقد جمع عام مرة واحدة دون دعوة ولا محضر.",
                    ),
                    T(
                        "An assembly is held each year, but few members attend and the "
                        "accounts are not approved at it.",
                        "Đại hội họp hằng năm nhưng ít thành viên dự và không thông qua báo "
                        "cáo tài chính.",
                        "ينعقد الجمع العام كل سنة لكن بحضور ضعيف ودون المصادقة على الحسابات.",
                    ),
                    T(
                        "The annual assembly is called on time, reaches its quorum, approves "
                        "the accounts and keeps signed minutes.",
                        "Đại hội thường niên được triệu tập đúng hạn, đủ số lượng, thông qua "
                        "báo cáo tài chính và có biên bản được ký.",
                        "يُدعى الجمع العام السنوي في وقته ويبلغ النصاب ويصادق على الحسابات "
                        "وتُحفظ محاضره موقَّعة.",
                    ),
                    T(
                        "In addition, members debate and vote on the plan and budget, and "
                        "decisions are followed up at the next assembly.",
                        "Ngoài ra, thành viên thảo luận và biểu quyết kế hoạch, ngân sách; "
                        "nghị quyết được rà soát lại ở kỳ đại hội sau.",
                        "إضافة إلى ذلك، يناقش المتعاونون البرنامج والميزانية ويصوّتون عليهما، "
                        "وتُتابَع القرارات في الجمع العام الموالي.",
                    ),
                ),
            ),
            Q(
                "board",
                T(
                    "Does the board of directors meet regularly and lead the cooperative "
                    "between assemblies?",
                    "Hội đồng quản trị có họp định kỳ và điều hành hợp tác xã giữa hai kỳ đại "
                    "hội không?",
                    "هل يجتمع المجلس الإداري بانتظام ويسيّر التعاونية بين جمعين عامين؟",
                ),
                T(
                    "Board minutes of the past twelve months; the list of board members and "
                    "their terms.",
                    "Biên bản họp hội đồng quản trị trong 12 tháng qua; danh sách thành viên "
                    "hội đồng và nhiệm kỳ.",
                    "محاضر اجتماعات المجلس الإداري خلال الاثني عشر شهرا الأخيرة، ولائحة "
                    "أعضائه ومدد انتدابهم.",
                ),
                (
                    T(
                        "There is no board, or it exists only on paper.",
                        "Không có hội đồng quản trị, hoặc chỉ có trên giấy.",
                        "لا يوجد مجلس إداري، أو يوجد على الورق فقط.",
                    ),
                    T(
                        "The president decides alone; the board rarely meets.",
                        "Chủ tịch quyết định một mình; hội đồng hiếm khi họp.",
                        "يقرر الرئيس وحده، ونادرا ما يجتمع المجلس.",
                    ),
                    T(
                        "The board meets from time to time, without an agenda or minutes.",
                        "Hội đồng có họp nhưng không thường xuyên, không có chương trình và "
                        "biên bản.",
                        "يجتمع المجلس أحيانا دون جدول أعمال ولا محاضر.",
                    ),
                    T(
                        "The board meets at least every quarter with an agenda and minutes; "
                        "roles are shared out.",
                        "Hội đồng họp ít nhất mỗi quý, có chương trình và biên bản; nhiệm vụ "
                        "được phân công rõ.",
                        "يجتمع المجلس مرة كل ثلاثة أشهر على الأقل بجدول أعمال ومحاضر، "
                        "والمهام موزعة بين أعضائه.",
                    ),
                    T(
                        "The board follows a yearly plan, reports to the assembly and is "
                        "renewed on schedule.",
                        "Hội đồng làm việc theo kế hoạch năm, báo cáo trước đại hội và được "
                        "bầu lại đúng nhiệm kỳ.",
                        "يعمل المجلس وفق برنامج سنوي ويقدم تقاريره للجمع العام ويُجدَّد في "
                        "الآجال المحددة.",
                    ),
                ),
            ),
            Q(
                "statutes",
                T(
                    "Are the statutes up to date, known to members and applied?",
                    "Điều lệ có được cập nhật, được thành viên biết và thực hiện không?",
                    "هل النظام الأساسي محيَّن ومعروف لدى المتعاونين ومطبَّق؟",
                ),
                T(
                    "The registered statutes and any internal rules; ask two members what "
                    "they say about joining and leaving.",
                    "Điều lệ đã đăng ký và quy chế nội bộ (nếu có); hỏi hai thành viên về quy "
                    "định gia nhập và ra khỏi hợp tác xã.",
                    "النظام الأساسي المودَع والنظام الداخلي إن وُجد؛ اسأل متعاونَين اثنين عن "
                    "شروط الانخراط والانسحاب.",
                ),
                (
                    T(
                        "The cooperative cannot show its statutes.",
                        "Hợp tác xã không xuất trình được điều lệ.",
                        "لا تستطيع التعاونية تقديم نظامها الأساسي.",
                    ),
                    T(
                        "Model statutes were filed but nobody has read them.",
                        "Có điều lệ mẫu đã nộp nhưng không ai đọc.",
                        "أُودع نظام أساسي نموذجي لم يطّلع عليه أحد.",
                    ),
                    T(
                        "The board knows the statutes; most members do not.",
                        "Hội đồng quản trị nắm được điều lệ; phần lớn thành viên thì không.",
                        "يعرف المجلس الإداري النظام الأساسي، أما أغلب المتعاونين فلا.",
                    ),
                    T(
                        "The statutes match current law and practice and are explained to "
                        "every new member.",
                        "Điều lệ phù hợp với pháp luật hiện hành và thực tế, được giải thích "
                        "cho mỗi thành viên mới.",
                        "النظام الأساسي مطابق للقانون الجاري به العمل وللممارسة، ويُشرح لكل "
                        "متعاون جديد.",
                    ),
                    T(
                        "Statutes and internal rules are applied, reviewed by the assembly when "
                        "needed and available to every member.",
                        "Điều lệ và quy chế nội bộ được thực hiện, được đại hội sửa đổi khi cần "
                        "và mọi thành viên đều có bản.",
                        "يُطبَّق النظام الأساسي والنظام الداخلي، ويراجعهما الجمع العام عند "
                        "الحاجة، وهما في متناول كل متعاون.",
                    ),
                ),
            ),
            Q(
                "participation",
                T(
                    "Do members, women and young members included, take part in decisions "
                    "and in the cooperative's activity?",
                    "Thành viên, kể cả phụ nữ và thanh niên, có tham gia vào việc ra quyết "
                    "định và hoạt động của hợp tác xã không?",
                    "هل يشارك المتعاونون، بمن فيهم النساء والشباب، في اتخاذ القرار وفي نشاط "
                    "التعاونية؟",
                ),
                T(
                    "Attendance by sex and age at the last assembly; women and young people "
                    "on the board; share of production delivered by members.",
                    "Số người dự đại hội gần nhất theo giới và độ tuổi; phụ nữ và thanh niên "
                    "trong hội đồng quản trị; tỷ lệ sản phẩm do thành viên cung cấp.",
                    "الحضور في آخر جمع عام حسب الجنس والسن؛ النساء والشباب في المجلس "
                    "الإداري؛ حصة الإنتاج التي يسلمها المتعاونون.",
                ),
                (
                    T(
                        "Members are names on a list; they neither meet nor deliver.",
                        "Thành viên chỉ có tên trong danh sách; không họp, không giao dịch.",
                        "المتعاونون مجرد أسماء في لائحة، لا يجتمعون ولا يسلّمون إنتاجهم.",
                    ),
                    T(
                        "A few founding members do everything.",
                        "Một vài thành viên sáng lập làm mọi việc.",
                        "بضعة مؤسسين يقومون بكل شيء.",
                    ),
                    T(
                        "Most members work with the cooperative but rarely speak in meetings; "
                        "women and young people are absent from decisions.",
                        "Đa số thành viên có giao dịch với hợp tác xã nhưng ít phát biểu; phụ "
                        "nữ và thanh niên vắng mặt trong việc ra quyết định.",
                        "أغلب المتعاونين يتعاملون مع التعاونية لكنهم نادرا ما يتدخلون في "
                        "الاجتماعات، والنساء والشباب غائبون عن القرار.",
                    ),
                    T(
                        "Most members attend and speak; women and young people hold seats on "
                        "the board.",
                        "Đa số thành viên dự họp và phát biểu; phụ nữ và thanh niên có ghế trong "
                        "hội đồng quản trị.",
                        "أغلب المتعاونين يحضرون ويتدخلون، وللنساء والشباب مقاعد في المجلس الإداري.",
                    ),
                    T(
                        "Members propose and run activities; women and young people lead some "
                        "of them; new members join every year.",
                        "Thành viên đề xuất và tổ chức hoạt động; phụ nữ và thanh niên phụ "
                        "trách một số hoạt động; có thành viên mới gia nhập hằng năm.",
                        "يقترح المتعاونون الأنشطة وينفذونها، وتقود النساء والشباب بعضها، "
                        "وينضم متعاونون جدد كل سنة.",
                    ),
                ),
            ),
            Q(
                "oversight",
                T(
                    "Are the accounts and the board's work checked by someone independent of "
                    "the board?",
                    "Sổ sách và hoạt động của hội đồng quản trị có được một người độc lập "
                    "kiểm tra không?",
                    "هل تخضع الحسابات وعمل المجلس الإداري لمراقبة جهة مستقلة عنه؟",
                ),
                T(
                    "Report of the supervisory board, controller or auditor; follow-up of "
                    "its remarks.",
                    "Báo cáo của ban kiểm soát hoặc kiểm soát viên; việc khắc phục các kiến nghị.",
                    "تقرير مراقب الحسابات أو لجنة المراقبة، وتتبّع ملاحظاته.",
                ),
                (
                    T(
                        "Nobody checks anything.",
                        "Không có ai kiểm tra.",
                        "لا أحد يراقب شيئا.",
                    ),
                    T(
                        "A controller is named but has never reported.",
                        "Có người được cử làm kiểm soát nhưng chưa từng báo cáo.",
                        "عُيّن مراقب لكنه لم يقدم أي تقرير.",
                    ),
                    T(
                        "A check is made now and then, on request.",
                        "Thỉnh thoảng có kiểm tra khi được yêu cầu.",
                        "تتم مراقبة من حين لآخر عند الطلب.",
                    ),
                    T(
                        "The accounts are checked every year and the report is read at the "
                        "general assembly.",
                        "Sổ sách được kiểm tra hằng năm và báo cáo được trình bày tại đại hội "
                        "thành viên.",
                        "تُراقَب الحسابات كل سنة ويُتلى التقرير في الجمع العام.",
                    ),
                    T(
                        "The remarks of each yearly check are acted on and the actions "
                        "reported back to members.",
                        "Các kiến nghị sau mỗi lần kiểm tra được khắc phục và báo cáo lại với "
                        "thành viên.",
                        "تُعالَج ملاحظات كل مراقبة سنوية ويُبلَّغ المتعاونون بما تم.",
                    ),
                ),
            ),
        ),
    ),
    D(
        "management",
        T("Management", "Quản lý điều hành", "التدبير"),
        T(
            "Day-to-day running: stock, people, preparing meetings and general assemblies, "
            "records.",
            "Điều hành hằng ngày: hàng tồn kho, nhân sự, chuẩn bị các cuộc họp và đại hội, hồ "
            "sơ sổ sách.",
            "التسيير اليومي: المخزون، الموارد البشرية، تحضير الاجتماعات والجموع العامة، والسجلات.",
        ),
        (
            Q(
                "inventory",
                T(
                    "Are stocks of inputs and products recorded and checked?",
                    "Vật tư và sản phẩm tồn kho có được ghi chép và kiểm kê không?",
                    "هل يُسجَّل مخزون المدخلات والمنتجات ويُراقَب؟",
                ),
                T(
                    "Stock book or file; compare one product's recorded quantity with what "
                    "is in the store.",
                    "Sổ hoặc tệp theo dõi kho; đối chiếu số lượng ghi sổ của một sản phẩm với "
                    "số thực tế trong kho.",
                    "سجل أو ملف المخزون؛ قارن الكمية المسجلة لمنتوج واحد بالموجود فعلا في المخزن.",
                ),
                (
                    T(
                        "Nothing is recorded.",
                        "Không ghi chép gì.",
                        "لا يُسجَّل شيء.",
                    ),
                    T(
                        "Some entries and exits are noted on loose sheets.",
                        "Một số lần nhập, xuất được ghi trên giấy rời.",
                        "تُدوَّن بعض المداخل والمخارج على أوراق متفرقة.",
                    ),
                    T(
                        "A stock book is kept, but not every movement is recorded.",
                        "Có sổ kho nhưng không ghi đủ mọi lần nhập, xuất.",
                        "يوجد سجل للمخزون لكن لا تُسجَّل فيه كل الحركات.",
                    ),
                    T(
                        "Every movement is recorded and a physical count is made at least "
                        "once a year.",
                        "Mọi lần nhập, xuất đều được ghi và kiểm kê thực tế ít nhất mỗi năm "
                        "một lần.",
                        "تُسجَّل كل الحركات ويُجرى جرد فعلي مرة في السنة على الأقل.",
                    ),
                    T(
                        "Stock is counted regularly, differences are explained and reorder "
                        "levels are set.",
                        "Kiểm kê định kỳ, chênh lệch được giải trình và có mức tồn kho tối "
                        "thiểu để đặt hàng lại.",
                        "يُجرد المخزون بانتظام وتُفسَّر الفوارق وتُحدَّد عتبات إعادة التموين.",
                    ),
                ),
            ),
            Q(
                "human-resources",
                T(
                    "Are tasks, staff and volunteers organised, with clear roles and fair pay?",
                    "Công việc, người lao động và người làm tình nguyện có được tổ chức với "
                    "nhiệm vụ rõ ràng và thù lao hợp lý không?",
                    "هل المهام والمستخدمون والمتطوعون منظَّمون، بأدوار واضحة وأجور منصفة؟",
                ),
                T(
                    "Organisation chart or list of tasks; contracts or written agreements; "
                    "pay records.",
                    "Sơ đồ tổ chức hoặc bảng phân công; hợp đồng hoặc thỏa thuận bằng văn bản; "
                    "sổ lương.",
                    "الهيكل التنظيمي أو لائحة المهام؛ العقود أو الاتفاقات المكتوبة؛ سجلات الأجور.",
                ),
                (
                    T(
                        "Nobody knows who does what.",
                        "Không ai biết ai làm việc gì.",
                        "لا أحد يعرف من يقوم بماذا.",
                    ),
                    T(
                        "Tasks are shared out by word of mouth, case by case.",
                        "Công việc được giao miệng, tùy từng lúc.",
                        "تُوزَّع المهام شفويا حسب الحالات.",
                    ),
                    T(
                        "The main roles are known; there are no written agreements.",
                        "Các vị trí chính đã rõ nhưng không có thỏa thuận bằng văn bản.",
                        "الأدوار الرئيسية معروفة لكن دون اتفاقات مكتوبة.",
                    ),
                    T(
                        "Roles are written down, staff have contracts and are paid on time.",
                        "Nhiệm vụ được ghi thành văn bản, người lao động có hợp đồng và được "
                        "trả lương đúng hạn.",
                        "الأدوار مكتوبة، وللمستخدمين عقود ويتقاضون أجورهم في وقتها.",
                    ),
                    T(
                        "In addition, staff are trained each year and a second person can "
                        "stand in for each key role.",
                        "Ngoài ra, người lao động được đào tạo hằng năm và mỗi vị trí chủ chốt "
                        "đều có người thay thế được.",
                        "إضافة إلى ذلك، يستفيد المستخدمون من تكوين سنوي، ولكل مهمة أساسية من "
                        "يمكنه النيابة فيها.",
                    ),
                ),
            ),
            Q(
                "meetings",
                T(
                    "Are meetings and general assemblies prepared: agenda, documents and "
                    "notice sent in time?",
                    "Các cuộc họp và đại hội có được chuẩn bị chu đáo: chương trình, tài liệu, "
                    "giấy mời gửi đúng hạn không?",
                    "هل تُحضَّر الاجتماعات والجموع العامة: جدول الأعمال والوثائق والدعوة في الآجال؟",
                ),
                T(
                    "The notice and documents of the last assembly and the date they were sent.",
                    "Giấy mời, tài liệu của kỳ đại hội gần nhất và ngày gửi.",
                    "الدعوة ووثائق آخر جمع عام وتاريخ إرسالها.",
                ),
                (
                    T(
                        "Meetings are called on the day, with no agenda.",
                        "Họp được triệu tập ngay trong ngày, không có chương trình.",
                        "يُدعى للاجتماعات في اليوم نفسه دون جدول أعمال.",
                    ),
                    T(
                        "An agenda is announced orally a few days before.",
                        "Chương trình được thông báo miệng vài ngày trước.",
                        "يُعلَن جدول الأعمال شفويا قبل أيام قليلة.",
                    ),
                    T(
                        "A written notice with an agenda is sent; documents are handed out at "
                        "the meeting.",
                        "Có giấy mời kèm chương trình; tài liệu chỉ phát tại cuộc họp.",
                        "تُرسَل دعوة مكتوبة بجدول الأعمال، وتُوزَّع الوثائق أثناء الاجتماع.",
                    ),
                    T(
                        "Notice, agenda and documents (reports, accounts) reach members "
                        "within the time the statutes set.",
                        "Giấy mời, chương trình và tài liệu (báo cáo, sổ sách) đến tay thành "
                        "viên đúng thời hạn điều lệ quy định.",
                        "تصل الدعوة وجدول الأعمال والوثائق (التقارير والحسابات) إلى المتعاونين "
                        "في الأجل الذي يحدده النظام الأساسي.",
                    ),
                    T(
                        "In addition, members' questions are gathered beforehand and answered "
                        "at the meeting.",
                        "Ngoài ra, câu hỏi của thành viên được thu thập trước và trả lời tại "
                        "cuộc họp.",
                        "إضافة إلى ذلك، تُجمع أسئلة المتعاونين مسبقا ويُجاب عنها في الاجتماع.",
                    ),
                ),
            ),
            Q(
                "minutes",
                T(
                    "Are minutes and registers kept, signed and easy to find?",
                    "Biên bản và các sổ sách có được lập, ký và lưu giữ dễ tìm không?",
                    "هل تُحرَّر المحاضر والسجلات وتُوقَّع ويسهل الرجوع إليها؟",
                ),
                T(
                    "Minutes book, members' register, decisions of the past year.",
                    "Sổ biên bản, sổ đăng ký thành viên, các quyết định trong năm qua.",
                    "سجل المحاضر، سجل المتعاونين، قرارات السنة الماضية.",
                ),
                (
                    T(
                        "No minutes or registers.",
                        "Không có biên bản hay sổ sách.",
                        "لا محاضر ولا سجلات.",
                    ),
                    T(
                        "A few notes exist, unsigned and scattered.",
                        "Có vài ghi chép, không ký, để rải rác.",
                        "توجد بعض الملاحظات غير موقعة ومتفرقة.",
                    ),
                    T(
                        "Minutes are written for assemblies only.",
                        "Chỉ lập biên bản cho đại hội.",
                        "تُحرَّر المحاضر للجموع العامة فقط.",
                    ),
                    T(
                        "Minutes of every assembly and board meeting are signed and filed; "
                        "the members' register is up to date.",
                        "Biên bản mọi kỳ đại hội và họp hội đồng quản trị đều được ký và lưu; "
                        "sổ thành viên được cập nhật.",
                        "محاضر كل الجموع العامة واجتماعات المجلس الإداري موقعة ومحفوظة، وسجل "
                        "المتعاونين محيَّن.",
                    ),
                    T(
                        "Records are complete, copied in a safe place and open to members on "
                        "request.",
                        "Hồ sơ đầy đủ, có bản sao lưu nơi an toàn và thành viên được xem khi "
                        "yêu cầu.",
                        "السجلات كاملة ولها نسخة في مكان آمن، ويطّلع عليها المتعاونون عند الطلب.",
                    ),
                ),
            ),
            Q(
                "planning",
                T(
                    "Does the cooperative have a written yearly work plan that it follows?",
                    "Hợp tác xã có kế hoạch hoạt động năm bằng văn bản và thực hiện theo kế "
                    "hoạch đó không?",
                    "هل للتعاونية برنامج عمل سنوي مكتوب تتقيد به؟",
                ),
                T(
                    "This year's plan and how far it has been carried out.",
                    "Kế hoạch năm nay và mức độ thực hiện.",
                    "برنامج السنة الجارية ومدى إنجازه.",
                ),
                (
                    T(
                        "No plan; the cooperative reacts to events.",
                        "Không có kế hoạch; hợp tác xã chỉ ứng phó theo tình huống.",
                        "لا برنامج، والتعاونية تتصرف حسب الظروف.",
                    ),
                    T(
                        "Ideas are discussed but nothing is written.",
                        "Có bàn ý tưởng nhưng không ghi thành văn bản.",
                        "تُناقَش أفكار دون أن يُكتب شيء.",
                    ),
                    T(
                        "A plan is written but not followed up.",
                        "Có kế hoạch bằng văn bản nhưng không theo dõi thực hiện.",
                        "يوجد برنامج مكتوب لكنه لا يُتابَع.",
                    ),
                    T(
                        "The plan sets targets, dates and people in charge, and is reviewed "
                        "during the year.",
                        "Kế hoạch có chỉ tiêu, thời hạn, người phụ trách và được rà soát trong "
                        "năm.",
                        "يحدد البرنامج أهدافا وآجالا ومسؤولين، ويُراجَع خلال السنة.",
                    ),
                    T(
                        "The plan flows from a multi-year strategy approved by the general "
                        "assembly, and results are reported against it.",
                        "Kế hoạch năm xuất phát từ chiến lược nhiều năm được đại hội thông qua "
                        "và kết quả được báo cáo theo đó.",
                        "ينبثق البرنامج من استراتيجية متعددة السنوات صادق عليها الجمع العام، "
                        "وتُقاس النتائج على أساسها.",
                    ),
                ),
            ),
        ),
    ),
    D(
        "finance",
        T("Finance and accounting", "Tài chính và kế toán", "المالية والمحاسبة"),
        T(
            "Books, cash, budget, financial statements and access to finance.",
            "Sổ sách kế toán, quỹ tiền mặt, ngân sách, báo cáo tài chính và khả năng tiếp cận vốn.",
            "الدفاتر، الصندوق، الميزانية، القوائم المالية والولوج إلى التمويل.",
        ),
        (
            Q(
                "bookkeeping",
                T(
                    "Are all income and expenses recorded with their receipts?",
                    "Mọi khoản thu, chi có được ghi sổ kèm chứng từ không?",
                    "هل تُسجَّل كل المداخيل والمصاريف مع وثائقها المثبِتة؟",
                ),
                T(
                    "Cash book or accounting file; pick three recent payments and find their "
                    "receipts.",
                    "Sổ quỹ hoặc phần mềm kế toán; chọn ba khoản chi gần đây và tìm chứng từ.",
                    "دفتر الصندوق أو ملف المحاسبة؛ اختر ثلاث أداءات حديثة وابحث عن وثائقها.",
                ),
                (
                    T(
                        "Nothing is written down.",
                        "Không ghi chép gì.",
                        "لا يُدوَّن شيء.",
                    ),
                    T(
                        "Some amounts are noted; receipts are missing.",
                        "Ghi một số khoản; thiếu chứng từ.",
                        "تُدوَّن بعض المبالغ، والوثائق المثبِتة ناقصة.",
                    ),
                    T(
                        "A cash book is kept; receipts are partly filed.",
                        "Có sổ quỹ; chứng từ lưu chưa đầy đủ.",
                        "يُمسَك دفتر للصندوق، والوثائق محفوظة جزئيا.",
                    ),
                    T(
                        "Every transaction is recorded the same week with its receipt, under "
                        "the national accounting rules for cooperatives.",
                        "Mọi nghiệp vụ được ghi ngay trong tuần kèm chứng từ, theo chế độ kế "
                        "toán áp dụng cho hợp tác xã.",
                        "تُسجَّل كل عملية في الأسبوع نفسه مع وثيقتها، وفق القواعد المحاسبية "
                        "المطبقة على التعاونيات.",
                    ),
                    T(
                        "The books are kept by a trained person or an accountant and closed "
                        "every month.",
                        "Sổ sách do người đã qua đào tạo hoặc kế toán viên ghi chép và khóa sổ "
                        "hằng tháng.",
                        "يمسك الدفاترَ شخص مكوَّن أو محاسب، وتُقفل كل شهر.",
                    ),
                ),
            ),
            Q(
                "cash-and-bank",
                T(
                    "Is the cooperative's money kept apart from members' own money, in a "
                    "bank account with two signatures?",
                    "Tiền của hợp tác xã có được tách riêng khỏi tiền cá nhân, gửi tài khoản "
                    "ngân hàng với hai chữ ký không?",
                    "هل أموال التعاونية منفصلة عن أموال الأشخاص، ومودعة في حساب بنكي بتوقيعين؟",
                ),
                T(
                    "Bank statements; who signs; a count of the cash box against the cash book.",
                    "Sao kê ngân hàng; người ký; đối chiếu tiền mặt thực tế với sổ quỹ.",
                    "كشوف الحساب البنكي؛ من يوقّع؛ عدّ الصندوق ومقارنته بدفتر الصندوق.",
                ),
                (
                    T(
                        "The money is kept by one person, mixed with their own.",
                        "Tiền do một người giữ, lẫn với tiền riêng.",
                        "يحتفظ شخص واحد بالمال مختلطا بماله الخاص.",
                    ),
                    T(
                        "There is a separate cash box, but no bank account.",
                        "Có két tiền riêng nhưng không có tài khoản ngân hàng.",
                        "يوجد صندوق منفصل لكن دون حساب بنكي.",
                    ),
                    T(
                        "There is a bank account with a single signature.",
                        "Có tài khoản ngân hàng nhưng chỉ một người ký.",
                        "يوجد حساب بنكي بتوقيع واحد.",
                    ),
                    T(
                        "Payments go through the bank with two signatures; the cash box "
                        "matches the cash book.",
                        "Các khoản chi qua ngân hàng với hai chữ ký; tiền mặt khớp với sổ quỹ.",
                        "تمر الأداءات عبر البنك بتوقيعين، ويطابق الصندوقُ دفترَ الصندوق.",
                    ),
                    T(
                        "In addition, bank and cash are reconciled every month and the board "
                        "sees the result.",
                        "Ngoài ra, số dư ngân hàng và tiền mặt được đối chiếu hằng tháng và "
                        "báo cáo hội đồng quản trị.",
                        "إضافة إلى ذلك، تُجرى مطابقة البنك والصندوق كل شهر ويطّلع عليها "
                        "المجلس الإداري.",
                    ),
                ),
            ),
            Q(
                "budget",
                T(
                    "Does the cooperative prepare a budget and compare it with what happened?",
                    "Hợp tác xã có lập dự toán ngân sách và so sánh với thực tế không?",
                    "هل تُعِدّ التعاونية ميزانية تقديرية وتقارنها بالإنجاز؟",
                ),
                T(
                    "This year's budget and the latest comparison with actual figures.",
                    "Dự toán năm nay và bản so sánh gần nhất với số thực hiện.",
                    "ميزانية السنة الجارية وآخر مقارنة لها بالأرقام الفعلية.",
                ),
                (
                    T(
                        "No budget.",
                        "Không có dự toán.",
                        "لا ميزانية.",
                    ),
                    T(
                        "Expected costs are estimated orally.",
                        "Chi phí dự kiến chỉ ước tính miệng.",
                        "تُقدَّر التكاليف المتوقعة شفويا.",
                    ),
                    T(
                        "A yearly budget is written but never compared with actual figures.",
                        "Có dự toán năm bằng văn bản nhưng không so sánh với thực tế.",
                        "تُكتب ميزانية سنوية دون مقارنتها بالأرقام الفعلية.",
                    ),
                    T(
                        "The budget is approved by the general assembly and compared with "
                        "actual figures at least twice a year.",
                        "Dự toán được đại hội thông qua và so sánh với thực tế ít nhất hai lần "
                        "một năm.",
                        "يصادق الجمع العام على الميزانية، وتُقارَن بالإنجاز مرتين في السنة على "
                        "الأقل.",
                    ),
                    T(
                        "Costs are known per product, prices are set from them and a cash "
                        "forecast guides purchases.",
                        "Biết được giá thành từng sản phẩm, định giá bán dựa trên đó và có dự "
                        "báo dòng tiền để quyết định mua sắm.",
                        "تُعرف التكلفة لكل منتوج، وتُحدَّد الأسعار على أساسها، وتوجّه توقعاتُ "
                        "الخزينة المشتريات.",
                    ),
                ),
            ),
            Q(
                "financial-statements",
                T(
                    "Are yearly financial statements produced, approved and filed as the law "
                    "requires?",
                    "Báo cáo tài chính năm có được lập, thông qua và nộp theo quy định không?",
                    "هل تُعَدّ القوائم المالية السنوية ويُصادَق عليها وتُودَع كما يفرض القانون؟",
                ),
                T(
                    "Last year's balance sheet and income statement; proof of filing with "
                    "the authorities.",
                    "Bảng cân đối và báo cáo kết quả kinh doanh năm trước; giấy tờ chứng minh "
                    "đã nộp cho cơ quan chức năng.",
                    "الحصيلة وحساب العائدات والتكاليف للسنة الماضية؛ ما يثبت إيداعها لدى الإدارة.",
                ),
                (
                    T(
                        "No statements.",
                        "Không có báo cáo tài chính.",
                        "لا قوائم مالية.",
                    ),
                    T(
                        "A summary of income and expenses, made once.",
                        "Có bảng tóm tắt thu chi, làm một lần.",
                        "ملخص للمداخيل والمصاريف أُعدّ مرة واحدة.",
                    ),
                    T(
                        "Statements are made each year but late or incomplete.",
                        "Có báo cáo hằng năm nhưng chậm hoặc thiếu.",
                        "تُعَدّ القوائم كل سنة لكن متأخرة أو ناقصة.",
                    ),
                    T(
                        "Complete statements are approved by the assembly and filed on time.",
                        "Báo cáo đầy đủ, được đại hội thông qua và nộp đúng hạn.",
                        "قوائم كاملة يصادق عليها الجمع العام وتُودَع في أجلها.",
                    ),
                    T(
                        "Statements are checked by an outside accountant and used to decide "
                        "the distribution of the surplus.",
                        "Báo cáo được kế toán độc lập kiểm tra và được dùng để quyết định phân "
                        "phối thu nhập.",
                        "يراجع القوائمَ محاسب خارجي، ويُعتمد عليها في تقرير توزيع الفائض.",
                    ),
                ),
            ),
            Q(
                "access-to-finance",
                T(
                    "Can the cooperative raise the money it needs: members' shares, savings, "
                    "loans or grants?",
                    "Hợp tác xã có huy động được vốn cần thiết: vốn góp, tích lũy, vay hoặc tài "
                    "trợ không?",
                    "هل تستطيع التعاونية تعبئة التمويل الذي تحتاجه: حصص المتعاونين، "
                    "الادخار، القروض أو المنح؟",
                ),
                T(
                    "Members' shares paid up; reserves; loans or grants obtained in the past "
                    "three years.",
                    "Vốn góp đã nộp; quỹ dự phòng; các khoản vay hoặc tài trợ trong ba năm qua.",
                    "الحصص المحررة؛ الاحتياطيات؛ القروض أو المنح المحصل عليها في السنوات "
                    "الثلاث الأخيرة.",
                ),
                (
                    T(
                        "Shares are not paid up and nothing is set aside.",
                        "Vốn góp chưa nộp, không có tích lũy.",
                        "الحصص غير محررة ولا شيء مُدّخر.",
                    ),
                    T(
                        "Shares are partly paid up; no other source.",
                        "Vốn góp mới nộp một phần; không có nguồn nào khác.",
                        "الحصص محررة جزئيا، ولا مصدر آخر.",
                    ),
                    T(
                        "Shares are paid up; a first grant or small loan was obtained.",
                        "Vốn góp đã nộp đủ; đã nhận khoản tài trợ đầu tiên hoặc khoản vay nhỏ.",
                        "الحصص محررة، وحُصِل على أول منحة أو قرض صغير.",
                    ),
                    T(
                        "A reserve is built each year and a loan has been repaid on time.",
                        "Trích lập quỹ hằng năm và đã trả nợ vay đúng hạn.",
                        "يُكوَّن احتياطي كل سنة، وسُدِّد قرض في آجاله.",
                    ),
                    T(
                        "The cooperative finances its investments from reserves, loans and "
                        "co-financing it negotiates itself.",
                        "Hợp tác xã tự đầu tư bằng quỹ tích lũy, vốn vay và vốn đối ứng do "
                        "chính mình vận động.",
                        "تموّل التعاونية استثماراتها من احتياطياتها وقروض وتمويل مشترك "
                        "تتفاوض عليه بنفسها.",
                    ),
                ),
            ),
        ),
    ),
    D(
        "production",
        T("Production and supply", "Sản xuất và cung ứng đầu vào", "الإنتاج والتموين"),
        T(
            "Planning production, quality and hygiene, inputs and equipment.",
            "Lập kế hoạch sản xuất, chất lượng và vệ sinh, vật tư đầu vào và trang thiết bị.",
            "تخطيط الإنتاج، الجودة والنظافة، المدخلات والتجهيزات.",
        ),
        (
            Q(
                "production-planning",
                T(
                    "Is production planned from expected sales and members' deliveries?",
                    "Sản xuất có được lập kế hoạch dựa trên dự kiến bán hàng và sản lượng "
                    "thành viên cung cấp không?",
                    "هل يُخطَّط الإنتاج انطلاقا من المبيعات المتوقعة وتسليمات المتعاونين؟",
                ),
                T(
                    "Production plan or calendar; quantities produced last season.",
                    "Kế hoạch hoặc lịch sản xuất; sản lượng vụ/mùa trước.",
                    "مخطط أو جدولة الإنتاج؛ الكميات المنتجة في الموسم الماضي.",
                ),
                (
                    T(
                        "Production happens as it comes.",
                        "Sản xuất tự phát.",
                        "يتم الإنتاج بشكل عفوي.",
                    ),
                    T(
                        "Rough quantities are agreed at the start of the season.",
                        "Đầu mùa có thống nhất sản lượng ước chừng.",
                        "يُتفق على كميات تقريبية في بداية الموسم.",
                    ),
                    T(
                        "A season plan exists but does not follow sales.",
                        "Có kế hoạch mùa vụ nhưng không gắn với bán hàng.",
                        "يوجد مخطط موسمي لا يرتبط بالمبيعات.",
                    ),
                    T(
                        "Production is planned from orders and expected sales, and quantities "
                        "are recorded.",
                        "Sản xuất theo đơn hàng và dự kiến bán, sản lượng được ghi chép.",
                        "يُخطَّط الإنتاج حسب الطلبيات والمبيعات المتوقعة، وتُسجَّل الكميات.",
                    ),
                    T(
                        "Plans, yields and costs are compared season after season to improve.",
                        "So sánh kế hoạch, năng suất và chi phí qua từng mùa để cải tiến.",
                        "تُقارَن المخططات والمردودية والتكاليف من موسم لآخر قصد التحسين.",
                    ),
                ),
            ),
            Q(
                "quality",
                T(
                    "Are quality and hygiene controlled at each step, as the product's "
                    "standards require?",
                    "Chất lượng và vệ sinh có được kiểm soát ở từng công đoạn theo tiêu chuẩn "
                    "của sản phẩm không?",
                    "هل تُراقَب الجودة والنظافة في كل مرحلة كما تفرض معايير المنتوج؟",
                ),
                T(
                    "Sanitary authorisation or certificate; quality checklists; visit of the "
                    "workshop.",
                    "Giấy chứng nhận đủ điều kiện an toàn thực phẩm hoặc chứng nhận; phiếu kiểm "
                    "tra chất lượng; tham quan nơi sản xuất.",
                    "الترخيص أو الاعتماد الصحي؛ لوائح مراقبة الجودة؛ زيارة الوحدة.",
                ),
                (
                    T(
                        "No quality rules; the workshop is unfit.",
                        "Không có quy định chất lượng; nơi sản xuất không đạt.",
                        "لا قواعد للجودة، والوحدة غير ملائمة.",
                    ),
                    T(
                        "Some good habits, unwritten and not checked.",
                        "Có một số thói quen tốt nhưng không thành văn, không kiểm tra.",
                        "بعض الممارسات الجيدة، غير مكتوبة ولا مراقَبة.",
                    ),
                    T(
                        "Written hygiene rules are posted; checks are irregular.",
                        "Có nội quy vệ sinh được niêm yết; kiểm tra không thường xuyên.",
                        "قواعد النظافة مكتوبة ومعلقة، والمراقبة غير منتظمة.",
                    ),
                    T(
                        "The workshop holds the required authorisation; each batch is checked "
                        "and traced.",
                        "Cơ sở có đủ giấy phép theo quy định; mỗi lô được kiểm tra và truy xuất "
                        "được.",
                        "تتوفر الوحدة على الترخيص المطلوب، وتُراقَب كل دفعة ويمكن تتبعها.",
                    ),
                    T(
                        "A recognised certification or label is held (organic, origin, OCOP…) "
                        "and kept up.",
                        "Có chứng nhận hoặc nhãn hiệu được công nhận (hữu cơ, chỉ dẫn địa lý, "
                        "OCOP…) và duy trì được.",
                        "تتوفر على شهادة أو علامة معترف بها (بيولوجي، منشأ، OCOP…) وتحافظ عليها.",
                    ),
                ),
            ),
            Q(
                "supply",
                T(
                    "Are inputs and raw materials bought on time, at a known cost, from "
                    "reliable suppliers?",
                    "Vật tư, nguyên liệu có được mua kịp thời, giá rõ ràng, từ nhà cung cấp tin "
                    "cậy không?",
                    "هل تُشترى المدخلات والمواد الأولية في وقتها، بتكلفة معروفة ومن موردين موثوقين؟",
                ),
                T(
                    "Purchase records; supplier list; stock-outs in the past year.",
                    "Chứng từ mua hàng; danh sách nhà cung cấp; các lần thiếu nguyên liệu "
                    "trong năm qua.",
                    "وثائق الشراء؛ لائحة الموردين؛ حالات نفاد المواد خلال السنة الماضية.",
                ),
                (
                    T(
                        "Production often stops for lack of inputs.",
                        "Sản xuất thường bị gián đoạn vì thiếu vật tư.",
                        "يتوقف الإنتاج كثيرا بسبب نقص المدخلات.",
                    ),
                    T(
                        "Inputs are bought in a hurry, wherever they can be found.",
                        "Mua vật tư gấp, ở đâu có thì mua.",
                        "تُشترى المدخلات على عجل حيثما وُجدت.",
                    ),
                    T(
                        "There are usual suppliers, without agreements or price comparison.",
                        "Có nhà cung cấp quen nhưng không có hợp đồng, không so sánh giá.",
                        "يوجد موردون معتادون دون اتفاقات ولا مقارنة للأسعار.",
                    ),
                    T(
                        "Purchases are planned, prices compared and the main suppliers under "
                        "written agreement.",
                        "Mua hàng có kế hoạch, có so sánh giá, nhà cung cấp chính có hợp đồng.",
                        "المشتريات مخطط لها، والأسعار مقارنة، والموردون الرئيسيون باتفاقات مكتوبة.",
                    ),
                    T(
                        "Members buy together to lower costs, and supply is secured for the "
                        "whole season.",
                        "Thành viên mua chung để giảm chi phí và đảm bảo nguồn cung cho cả mùa vụ.",
                        "يشتري المتعاونون بشكل جماعي لخفض التكاليف، والتموين مضمون طوال الموسم.",
                    ),
                ),
            ),
            Q(
                "equipment",
                T(
                    "Are equipment and premises suited to the volume and kept in working order?",
                    "Trang thiết bị và nhà xưởng có phù hợp với quy mô và được bảo trì tốt không?",
                    "هل التجهيزات والمقرات ملائمة لحجم النشاط ومصانة في حالة اشتغال جيدة؟",
                ),
                T(
                    "Visit of the premises; equipment list; maintenance log; breakdowns in "
                    "the past year.",
                    "Tham quan nhà xưởng; danh mục thiết bị; sổ bảo trì; các lần hỏng hóc "
                    "trong năm qua.",
                    "زيارة المقر؛ لائحة التجهيزات؛ سجل الصيانة؛ الأعطاب خلال السنة الماضية.",
                ),
                (
                    T(
                        "No suitable equipment or premises.",
                        "Không có thiết bị hoặc nhà xưởng phù hợp.",
                        "لا تجهيزات ولا مقرات ملائمة.",
                    ),
                    T(
                        "Old or borrowed equipment that often breaks down.",
                        "Thiết bị cũ hoặc đi mượn, thường xuyên hỏng.",
                        "تجهيزات قديمة أو معارة تتعطل كثيرا.",
                    ),
                    T(
                        "Adequate equipment, repaired only when it breaks.",
                        "Thiết bị tạm đủ, chỉ sửa khi hỏng.",
                        "تجهيزات كافية لا تُصلَح إلا عند العطب.",
                    ),
                    T(
                        "Equipment suits the volume and is serviced on a schedule.",
                        "Thiết bị phù hợp với quy mô và được bảo dưỡng định kỳ.",
                        "التجهيزات ملائمة لحجم النشاط وتُصان وفق جدول محدد.",
                    ),
                    T(
                        "Equipment is insured, its renewal is budgeted and its use is recorded.",
                        "Thiết bị được mua bảo hiểm, có dự toán thay thế và ghi chép việc sử dụng.",
                        "التجهيزات مؤمَّنة، وتجديدها مدرج في الميزانية، واستعمالها مسجَّل.",
                    ),
                ),
            ),
        ),
    ),
    D(
        "marketing",
        T("Marketing and sales", "Tiếp thị và bán hàng", "التسويق والمبيعات"),
        T(
            "Knowing the market, the product and its packaging, sales channels and customers.",
            "Hiểu thị trường, sản phẩm và bao bì, kênh bán hàng và khách hàng.",
            "معرفة السوق، المنتوج وتغليفه، قنوات البيع والزبناء.",
        ),
        (
            Q(
                "market-knowledge",
                T(
                    "Does the cooperative know its customers, competitors and market prices?",
                    "Hợp tác xã có nắm được khách hàng, đối thủ cạnh tranh và giá thị trường "
                    "không?",
                    "هل تعرف التعاونية زبناءها ومنافسيها وأسعار السوق؟",
                ),
                T(
                    "Customer list; prices of similar products noted recently; any market study.",
                    "Danh sách khách hàng; giá sản phẩm tương tự ghi nhận gần đây; nghiên cứu "
                    "thị trường (nếu có).",
                    "لائحة الزبناء؛ أسعار منتوجات مماثلة رُصدت مؤخرا؛ أي دراسة للسوق.",
                ),
                (
                    T(
                        "The cooperative sells to whoever comes and does not know market prices.",
                        "Bán cho bất kỳ ai đến mua, không biết giá thị trường.",
                        "تبيع التعاونية لمن يأتي ولا تعرف أسعار السوق.",
                    ),
                    T(
                        "A few buyers are known; prices are learnt from them.",
                        "Biết vài người mua; giá cả nghe từ họ.",
                        "تعرف بعض المشترين وتعرف الأسعار منهم.",
                    ),
                    T(
                        "The main customers and competitors are known, but nothing is written.",
                        "Biết khách hàng chính và đối thủ nhưng không ghi chép.",
                        "الزبناء الرئيسيون والمنافسون معروفون لكن دون توثيق.",
                    ),
                    T(
                        "Customers and prices are recorded and followed through the year.",
                        "Khách hàng và giá cả được ghi chép và theo dõi quanh năm.",
                        "يُسجَّل الزبناء والأسعار ويُتابَعون طوال السنة.",
                    ),
                    T(
                        "The cooperative studies its segments and adapts its offer and prices "
                        "to them.",
                        "Hợp tác xã phân tích các phân khúc và điều chỉnh sản phẩm, giá bán cho "
                        "phù hợp.",
                        "تدرس التعاونية فئات السوق وتكيّف عرضها وأسعارها معها.",
                    ),
                ),
            ),
            Q(
                "product-and-packaging",
                T(
                    "Is the product presented to sell: packaging, labelling, brand?",
                    "Sản phẩm có được trình bày hấp dẫn để bán: bao bì, nhãn mác, thương hiệu "
                    "không?",
                    "هل يُقدَّم المنتوج بشكل يساعد على بيعه: التغليف ووضع العلامات والعلامة التجارية؟",
                ),
                T(
                    "A sample of the product as sold; its label; trademark registration.",
                    "Mẫu sản phẩm đang bán; nhãn mác; giấy đăng ký nhãn hiệu.",
                    "عيّنة من المنتوج كما يُباع؛ ملصقه؛ تسجيل العلامة التجارية.",
                ),
                (
                    T(
                        "Sold in bulk, with no packaging or label.",
                        "Bán xá, không bao bì, không nhãn.",
                        "يُباع بالجملة دون تغليف ولا ملصق.",
                    ),
                    T(
                        "Basic packaging without the legally required information.",
                        "Bao bì đơn giản, thiếu thông tin bắt buộc.",
                        "تغليف بسيط يفتقر إلى المعلومات الإلزامية قانونا.",
                    ),
                    T(
                        "A label with the required information; no brand of its own.",
                        "Có nhãn đủ thông tin bắt buộc; chưa có thương hiệu riêng.",
                        "ملصق يتضمن المعلومات الإلزامية، دون علامة خاصة.",
                    ),
                    T(
                        "Its own brand and packaging suited to each channel.",
                        "Có thương hiệu riêng và bao bì phù hợp từng kênh bán.",
                        "علامة خاصة وتغليف ملائم لكل قناة بيع.",
                    ),
                    T(
                        "A registered brand, a range of products and packaging tested with buyers.",
                        "Nhãn hiệu đã đăng ký, có dòng sản phẩm và bao bì được thử nghiệm với "
                        "người mua.",
                        "علامة مسجلة وتشكيلة منتوجات وتغليف جُرّب مع المشترين.",
                    ),
                ),
            ),
            Q(
                "sales-channels",
                T(
                    "How many sales channels does the cooperative use, and how dependent is "
                    "it on a single buyer?",
                    "Hợp tác xã sử dụng bao nhiêu kênh bán hàng và phụ thuộc vào một người mua "
                    "đến mức nào?",
                    "كم قناة بيع تستعمل التعاونية، وما مدى تبعيتها لمشترٍ واحد؟",
                ),
                T(
                    "Sales by channel over the past year; share of the largest buyer.",
                    "Doanh số theo kênh trong năm qua; tỷ trọng của người mua lớn nhất.",
                    "المبيعات حسب القناة خلال السنة الماضية؛ حصة أكبر مشترٍ.",
                ),
                (
                    T(
                        "No regular sales.",
                        "Không có doanh số thường xuyên.",
                        "لا مبيعات منتظمة.",
                    ),
                    T(
                        "A single intermediary buys almost everything.",
                        "Một thương lái mua gần như toàn bộ.",
                        "وسيط واحد يشتري كل شيء تقريبا.",
                    ),
                    T(
                        "Two or three channels (local market, intermediaries, fairs).",
                        "Hai hoặc ba kênh (chợ địa phương, thương lái, hội chợ).",
                        "قناتان أو ثلاث (السوق المحلي، الوسطاء، المعارض).",
                    ),
                    T(
                        "Several channels including shops or institutional buyers under "
                        "contract; no buyer over half the sales.",
                        "Nhiều kênh, trong đó có cửa hàng hoặc khách hàng tổ chức theo hợp "
                        "đồng; không người mua nào chiếm quá nửa doanh số.",
                        "عدة قنوات منها متاجر أو مشترون مؤسساتيون بعقود، ولا يتجاوز أي مشترٍ "
                        "نصف المبيعات.",
                    ),
                    T(
                        "Regional, national or export markets reached, with a sales plan per "
                        "channel.",
                        "Tiếp cận thị trường vùng, toàn quốc hoặc xuất khẩu, có kế hoạch bán "
                        "hàng theo từng kênh.",
                        "الوصول إلى أسواق جهوية أو وطنية أو للتصدير، مع مخطط بيع لكل قناة.",
                    ),
                ),
            ),
            Q(
                "promotion",
                T(
                    "Does the cooperative promote its products and follow what its customers say?",
                    "Hợp tác xã có quảng bá sản phẩm và lắng nghe ý kiến khách hàng không?",
                    "هل تروّج التعاونية لمنتوجاتها وتتابع آراء زبنائها؟",
                ),
                T(
                    "Leaflets, photos, pages, fairs attended; customer feedback gathered.",
                    "Tờ rơi, hình ảnh, trang giới thiệu, hội chợ đã tham gia; ý kiến khách "
                    "hàng đã thu thập.",
                    "المطويات، الصور، الصفحات، المعارض المشارَك فيها؛ آراء الزبناء المجمَّعة.",
                ),
                (
                    T(
                        "No promotion at all.",
                        "Không quảng bá gì.",
                        "لا ترويج إطلاقا.",
                    ),
                    T(
                        "Word of mouth only.",
                        "Chỉ truyền miệng.",
                        "الترويج بالتداول الشفهي فقط.",
                    ),
                    T(
                        "Occasional promotion (a fair, a leaflet).",
                        "Thỉnh thoảng quảng bá (một hội chợ, một tờ rơi).",
                        "ترويج عرضي (معرض، مطوية).",
                    ),
                    T(
                        "Promotion is planned through the year and customer feedback is collected.",
                        "Quảng bá có kế hoạch trong năm và có thu thập ý kiến khách hàng.",
                        "الترويج مخطط له على امتداد السنة، وتُجمع آراء الزبناء.",
                    ),
                    T(
                        "A promotion budget is set and its effect on sales is measured.",
                        "Có ngân sách quảng bá và đo lường được tác động lên doanh số.",
                        "ميزانية محددة للترويج ويُقاس أثره على المبيعات.",
                    ),
                ),
            ),
        ),
    ),
    D(
        "digital",
        T("Digital maturity", "Mức độ chuyển đổi số", "النضج الرقمي"),
        T(
            "Digital tools in use, online sales and the digital skills of young members.",
            "Công cụ số đang dùng, bán hàng trực tuyến và kỹ năng số của thành viên trẻ.",
            "الأدوات الرقمية المستعملة، البيع عبر الإنترنت والمهارات الرقمية للمتعاونين الشباب.",
        ),
        (
            Q(
                "tools",
                T(
                    "Which digital tools does the cooperative use to run its work (phone, "
                    "messaging, spreadsheets, accounting or stock software)?",
                    "Hợp tác xã dùng những công cụ số nào trong điều hành (điện thoại, ứng "
                    "dụng nhắn tin, bảng tính, phần mềm kế toán hoặc quản lý kho)?",
                    "ما الأدوات الرقمية التي تستعملها التعاونية في تسييرها (الهاتف، تطبيقات "
                    "المراسلة، جداول البيانات، برامج المحاسبة أو المخزون)؟",
                ),
                T(
                    "Ask to be shown the tools in use; the files kept on them.",
                    "Đề nghị cho xem các công cụ đang dùng và dữ liệu lưu trên đó.",
                    "اطلب أن تُعرض عليك الأدوات المستعملة والملفات المحفوظة فيها.",
                ),
                (
                    T(
                        "No digital tool is used for the cooperative.",
                        "Không dùng công cụ số nào cho hợp tác xã.",
                        "لا تُستعمل أي أداة رقمية لفائدة التعاونية.",
                    ),
                    T(
                        "Personal phones and messaging, for calls only.",
                        "Dùng điện thoại và ứng dụng nhắn tin cá nhân, chỉ để liên lạc.",
                        "الهواتف وتطبيقات المراسلة الشخصية للاتصال فقط.",
                    ),
                    T(
                        "A messaging group organises the work; some records in a spreadsheet.",
                        "Có nhóm nhắn tin để tổ chức công việc; một số sổ sách trên bảng tính.",
                        "مجموعة مراسلة لتنظيم العمل، وبعض السجلات في جداول بيانات.",
                    ),
                    T(
                        "Accounts, stock or members are managed in software or shared "
                        "spreadsheets, kept up to date.",
                        "Kế toán, kho hoặc thành viên được quản lý bằng phần mềm hoặc bảng "
                        "tính dùng chung, cập nhật thường xuyên.",
                        "تُدبَّر المحاسبة أو المخزون أو المتعاونون ببرنامج أو بجداول بيانات "
                        "مشتركة ومحيَّنة.",
                    ),
                    T(
                        "Tools are linked (sales, stock, accounts), data are backed up and "
                        "used for decisions.",
                        "Các công cụ được liên kết (bán hàng, kho, kế toán), dữ liệu được sao "
                        "lưu và dùng để ra quyết định.",
                        "الأدوات مترابطة (المبيعات والمخزون والمحاسبة)، والمعطيات محفوظة "
                        "احتياطيا ويُعتمد عليها في القرار.",
                    ),
                ),
            ),
            Q(
                "online-sales",
                T(
                    "Does the cooperative sell or take orders online?",
                    "Hợp tác xã có bán hàng hoặc nhận đơn hàng trực tuyến không?",
                    "هل تبيع التعاونية أو تتلقى الطلبيات عبر الإنترنت؟",
                ),
                T(
                    "Its page or shop online; orders received online in the past three months.",
                    "Trang hoặc gian hàng trực tuyến; đơn hàng nhận qua mạng trong ba tháng qua.",
                    "صفحتها أو متجرها على الإنترنت؛ الطلبيات المتلقاة عبره في الأشهر الثلاثة "
                    "الأخيرة.",
                ),
                (
                    T(
                        "No online presence.",
                        "Không có mặt trên mạng.",
                        "لا حضور على الإنترنت.",
                    ),
                    T(
                        "A page exists but is not kept up.",
                        "Có trang nhưng không được cập nhật.",
                        "توجد صفحة لكنها غير محيَّنة.",
                    ),
                    T(
                        "Products are shown online and a few orders come by message.",
                        "Sản phẩm được giới thiệu trên mạng, có vài đơn hàng qua tin nhắn.",
                        "تُعرض المنتوجات على الإنترنت وتصل بعض الطلبيات عبر الرسائل.",
                    ),
                    T(
                        "The cooperative sells regularly on a marketplace or its own shop, "
                        "with online payment or cash on delivery.",
                        "Bán hàng thường xuyên trên sàn thương mại điện tử hoặc cửa hàng trực "
                        "tuyến riêng, thanh toán trực tuyến hoặc khi nhận hàng.",
                        "تبيع التعاونية بانتظام في منصة للتجارة الإلكترونية أو متجرها الخاص، "
                        "بالأداء الإلكتروني أو عند التسليم.",
                    ),
                    T(
                        "Online sales are a planned share of turnover, with delivery and "
                        "customer service organised.",
                        "Bán hàng trực tuyến chiếm tỷ trọng có kế hoạch trong doanh thu, có tổ "
                        "chức giao hàng và chăm sóc khách hàng.",
                        "للبيع عبر الإنترنت حصة مخطط لها من رقم المعاملات، مع تنظيم التوصيل "
                        "وخدمة الزبناء.",
                    ),
                ),
            ),
            Q(
                "youth-skills",
                T(
                    "Do young members have digital skills, and do they put them at the "
                    "cooperative's service?",
                    "Thành viên trẻ có kỹ năng số không và có đóng góp kỹ năng đó cho hợp tác "
                    "xã không?",
                    "هل يملك المتعاونون الشباب مهارات رقمية، وهل يضعونها في خدمة التعاونية؟",
                ),
                T(
                    "Number of young members and what they do online; trainings they have "
                    "followed.",
                    "Số thành viên trẻ và công việc họ làm trên mạng; các khóa đào tạo đã "
                    "tham gia.",
                    "عدد المتعاونين الشباب وما يقومون به على الإنترنت؛ التكوينات التي تابعوها.",
                ),
                (
                    T(
                        "No young member, or none with digital skills.",
                        "Không có thành viên trẻ, hoặc không ai có kỹ năng số.",
                        "لا متعاونين شباب، أو لا أحد منهم يملك مهارات رقمية.",
                    ),
                    T(
                        "Young members use phones privately but not for the cooperative.",
                        "Thành viên trẻ dùng điện thoại cho việc riêng, không cho hợp tác xã.",
                        "يستعمل الشباب الهواتف لأغراض شخصية لا لفائدة التعاونية.",
                    ),
                    T(
                        "One young member helps now and then (photos, messages).",
                        "Một thành viên trẻ thỉnh thoảng giúp (chụp ảnh, nhắn tin).",
                        "يساعد أحد الشباب من حين لآخر (الصور، الرسائل).",
                    ),
                    T(
                        "Young members are in charge of named digital tasks (online page, "
                        "records) and have been trained.",
                        "Thành viên trẻ được giao phụ trách các việc số cụ thể (trang bán hàng, "
                        "sổ sách) và đã được đào tạo.",
                        "يتولى الشباب مهام رقمية محددة (الصفحة على الإنترنت، السجلات) وقد "
                        "استفادوا من تكوين.",
                    ),
                    T(
                        "Young members train the other members and lead the cooperative's "
                        "digital projects.",
                        "Thành viên trẻ hướng dẫn lại cho các thành viên khác và dẫn dắt các dự "
                        "án số của hợp tác xã.",
                        "يكوّن الشباب باقي المتعاونين ويقودون المشاريع الرقمية للتعاونية.",
                    ),
                ),
            ),
            Q(
                "digital-payments",
                T(
                    "Does the cooperative receive and make payments electronically?",
                    "Hợp tác xã có thu, chi bằng phương thức điện tử không?",
                    "هل تتلقى التعاونية وتؤدي المبالغ إلكترونيا؟",
                ),
                T(
                    "Bank transfers, mobile money or QR payments in the past three months.",
                    "Chuyển khoản, ví điện tử hoặc thanh toán bằng mã QR trong ba tháng qua.",
                    "التحويلات البنكية أو الأداء عبر الهاتف أو رمز QR خلال الأشهر الثلاثة الأخيرة.",
                ),
                (
                    T(
                        "Cash only.",
                        "Chỉ dùng tiền mặt.",
                        "نقدا فقط.",
                    ),
                    T(
                        "Some buyers pay by transfer, into a member's personal account.",
                        "Một số người mua chuyển khoản, vào tài khoản cá nhân của thành viên.",
                        "يؤدي بعض المشترين بالتحويل إلى حساب شخصي لأحد المتعاونين.",
                    ),
                    T(
                        "Transfers go to the cooperative's account; suppliers are paid in cash.",
                        "Chuyển khoản vào tài khoản hợp tác xã; trả nhà cung cấp bằng tiền mặt.",
                        "تصل التحويلات إلى حساب التعاونية، ويُؤدّى للموردين نقدا.",
                    ),
                    T(
                        "Most payments in and out are electronic, through the cooperative's "
                        "accounts.",
                        "Phần lớn các khoản thu, chi được thực hiện điện tử qua tài khoản của "
                        "hợp tác xã.",
                        "أغلب المداخيل والأداءات إلكترونية عبر حسابات التعاونية.",
                    ),
                    T(
                        "Electronic payments feed the accounts directly and members are paid "
                        "by transfer.",
                        "Thanh toán điện tử được đưa thẳng vào sổ sách và thành viên được trả "
                        "tiền qua chuyển khoản.",
                        "تُدرَج الأداءات الإلكترونية مباشرة في المحاسبة، ويتقاضى المتعاونون "
                        "مستحقاتهم بالتحويل.",
                    ),
                ),
            ),
        ),
    ),
)

# domain code: ((title, description, category), ...)
STANDARD_ACTIONS = {
    "governance": (
        (
            T(
                "Training of the board on its roles and on running a general assembly",
                "Tập huấn hội đồng quản trị về vai trò và cách tổ chức đại hội thành viên",
                "تكوين المجلس الإداري في أدواره وفي تسيير الجمع العام",
            ),
            T(
                "Two days for board members: statutes, duties, decisions, minutes; ends with "
                "a draft calendar of meetings.",
                "Hai ngày cho thành viên hội đồng quản trị: điều lệ, nhiệm vụ, ra quyết định, "
                "biên bản; kết thúc bằng dự thảo lịch họp.",
                "يومان لأعضاء المجلس الإداري: النظام الأساسي، المهام، القرارات، المحاضر؛ "
                "ويُختتم بمشروع جدولة للاجتماعات.",
            ),
            ActionCategory.TRAINING,
        ),
        (
            T(
                "Update the statutes and write internal rules with the members",
                "Cập nhật điều lệ và xây dựng quy chế nội bộ cùng thành viên",
                "تحيين النظام الأساسي ووضع نظام داخلي مع المتعاونين",
            ),
            T(
                "A coach guides the board through the changes; the general assembly adopts them.",
                "Chuyên gia đồng hành hướng dẫn hội đồng quản trị soạn sửa đổi; đại hội thành "
                "viên thông qua.",
                "يرافق المواكب المجلس الإداري في إعداد التعديلات، ويصادق عليها الجمع العام.",
            ),
            ActionCategory.INSTITUTION_BUILDING,
        ),
        (
            T(
                "Visit a well-governed cooperative of the same sector",
                "Tham quan một hợp tác xã quản trị tốt cùng ngành",
                "زيارة تعاونية جيدة الحوكمة من القطاع نفسه",
            ),
            T(
                "Board members and two young or women members meet their peers and see their "
                "registers and meetings.",
                "Thành viên hội đồng quản trị cùng hai thành viên nữ hoặc trẻ gặp gỡ đồng "
                "nghiệp, xem sổ sách và cách tổ chức họp.",
                "يلتقي أعضاء المجلس الإداري ومعهم امرأتان أو شابان من المتعاونين بنظرائهم "
                "ويطّلعون على سجلاتهم واجتماعاتهم.",
            ),
            ActionCategory.EXPERIENCE_EXCHANGE,
        ),
    ),
    "management": (
        (
            T(
                "Set up a stock book and a yearly stock count",
                "Lập sổ kho và tổ chức kiểm kê hằng năm",
                "وضع سجل للمخزون وجرد سنوي",
            ),
            T(
                "Coaching on site to design the stock book, record movements and run the "
                "first count.",
                "Đồng hành tại chỗ để thiết kế sổ kho, ghi nhập xuất và tiến hành lần kiểm kê "
                "đầu tiên.",
                "مواكبة ميدانية لتصميم سجل المخزون وتسجيل الحركات وإجراء أول جرد.",
            ),
            ActionCategory.COACHING,
        ),
        (
            T(
                "Training in preparing meetings and keeping minutes",
                "Tập huấn chuẩn bị cuộc họp và lập biên bản",
                "تكوين في تحضير الاجتماعات وتحرير المحاضر",
            ),
            T(
                "Notices, agendas, documents and minutes, with templates the cooperative keeps.",
                "Giấy mời, chương trình, tài liệu và biên bản, kèm các mẫu để hợp tác xã sử dụng.",
                "الدعوات وجداول الأعمال والوثائق والمحاضر، مع نماذج تحتفظ بها التعاونية.",
            ),
            ActionCategory.TRAINING,
        ),
        (
            T(
                "Write job descriptions and a yearly work plan",
                "Xây dựng bản mô tả công việc và kế hoạch hoạt động năm",
                "إعداد بطاقات وصف المهام وبرنامج عمل سنوي",
            ),
            T(
                "Expert support to share out roles, set targets and plan the year.",
                "Chuyên gia hỗ trợ phân công nhiệm vụ, đặt chỉ tiêu và lập kế hoạch năm.",
                "دعم من خبير لتوزيع الأدوار وتحديد الأهداف وتخطيط السنة.",
            ),
            ActionCategory.TECHNICAL_ASSISTANCE,
        ),
    ),
    "finance": (
        (
            T(
                "Training in simplified cooperative accounting",
                "Tập huấn kế toán đơn giản cho hợp tác xã",
                "تكوين في المحاسبة المبسطة للتعاونيات",
            ),
            T(
                "Cash book, receipts, bank reconciliation and yearly statements, for the "
                "treasurer and one other member.",
                "Sổ quỹ, chứng từ, đối chiếu ngân hàng và báo cáo năm, cho thủ quỹ và một "
                "thành viên khác.",
                "دفتر الصندوق، الوثائق المثبِتة، مطابقة البنك والقوائم السنوية، لأمين المال "
                "ومتعاون آخر.",
            ),
            ActionCategory.TRAINING,
        ),
        (
            T(
                "Support from an accountant to prepare the yearly financial statements",
                "Kế toán viên hỗ trợ lập báo cáo tài chính năm",
                "دعم محاسب لإعداد القوائم المالية السنوية",
            ),
            T(
                "An accountant closes the year with the treasurer and explains the statements "
                "to the general assembly.",
                "Kế toán viên cùng thủ quỹ khóa sổ cuối năm và giải trình báo cáo trước đại "
                "hội thành viên.",
                "يقفل محاسب السنة مع أمين المال ويشرح القوائم أمام الجمع العام.",
            ),
            ActionCategory.TECHNICAL_ASSISTANCE,
        ),
        (
            T(
                "Work out the cost price of each product and a budget",
                "Tính giá thành từng sản phẩm và lập dự toán",
                "حساب سعر التكلفة لكل منتوج وإعداد ميزانية",
            ),
            T(
                "Coaching sessions to compute costs, set prices and draft the budget for the "
                "general assembly.",
                "Các buổi đồng hành để tính chi phí, định giá bán và soạn dự toán trình đại hội.",
                "حصص مواكبة لحساب التكاليف وتحديد الأسعار وإعداد مشروع الميزانية للجمع العام.",
            ),
            ActionCategory.COACHING,
        ),
    ),
    "production": (
        (
            T(
                "Hygiene and quality training, towards the sanitary authorisation",
                "Tập huấn vệ sinh và chất lượng, hướng tới giấy chứng nhận an toàn thực phẩm",
                "تكوين في النظافة والجودة للحصول على الترخيص الصحي",
            ),
            T(
                "Good hygiene practice, batch records and the steps of the authorisation file.",
                "Thực hành vệ sinh tốt, ghi chép theo lô và các bước lập hồ sơ xin chứng nhận.",
                "الممارسات الجيدة للنظافة، سجلات الدفعات ومراحل ملف الترخيص.",
            ),
            ActionCategory.TRAINING,
        ),
        (
            T(
                "Equipment matched to the production volume",
                "Trang bị thiết bị phù hợp với quy mô sản xuất",
                "تجهيزات ملائمة لحجم الإنتاج",
            ),
            T(
                "After a needs study, equipment co-financed by the cooperative, with training "
                "in its use and upkeep.",
                "Sau khi khảo sát nhu cầu, trang bị thiết bị có đối ứng của hợp tác xã, kèm "
                "hướng dẫn vận hành và bảo trì.",
                "بعد دراسة للحاجيات، تجهيزات بتمويل مشترك من التعاونية، مع تكوين في "
                "استعمالها وصيانتها.",
            ),
            ActionCategory.EQUIPMENT,
        ),
        (
            T(
                "Technical advice on production planning and group purchasing",
                "Tư vấn kỹ thuật về lập kế hoạch sản xuất và mua chung vật tư",
                "استشارة تقنية في تخطيط الإنتاج والشراء الجماعي",
            ),
            T(
                "An expert helps plan the season and negotiate inputs for all members.",
                "Chuyên gia giúp lập kế hoạch mùa vụ và thương lượng mua vật tư cho cả hợp tác xã.",
                "يساعد خبير في تخطيط الموسم والتفاوض على المدخلات لفائدة كل المتعاونين.",
            ),
            ActionCategory.TECHNICAL_ASSISTANCE,
        ),
    ),
    "marketing": (
        (
            T(
                "Packaging, labelling and brand design",
                "Thiết kế bao bì, nhãn mác và thương hiệu",
                "تصميم التغليف والملصقات والعلامة التجارية",
            ),
            T(
                "A designer works with members on a label that meets the rules and a brand "
                "the cooperative can register.",
                "Nhà thiết kế làm việc với thành viên để có nhãn đúng quy định và thương hiệu "
                "có thể đăng ký.",
                "يعمل مصمم مع المتعاونين على ملصق مطابق للقواعد وعلامة يمكن للتعاونية تسجيلها.",
            ),
            ActionCategory.MARKETING,
        ),
        (
            T(
                "Take part in a trade fair with a prepared stand",
                "Tham gia hội chợ thương mại với gian hàng được chuẩn bị",
                "المشاركة في معرض تجاري برواق مُعدّ مسبقا",
            ),
            T(
                "Preparation of stand, prices and samples; buyers' contacts followed up after "
                "the fair.",
                "Chuẩn bị gian hàng, giá bán, hàng mẫu; theo dõi liên hệ với người mua sau "
                "hội chợ.",
                "تحضير الرواق والأسعار والعينات، وتتبع الاتصالات مع المشترين بعد المعرض.",
            ),
            ActionCategory.MARKETING,
        ),
        (
            T(
                "Training in selling and negotiating with buyers",
                "Tập huấn kỹ năng bán hàng và đàm phán với người mua",
                "تكوين في البيع والتفاوض مع المشترين",
            ),
            T(
                "Knowing one's costs, pricing, contracts and customer follow-up.",
                "Nắm chi phí, định giá, hợp đồng và chăm sóc khách hàng.",
                "معرفة التكاليف، التسعير، العقود وتتبع الزبناء.",
            ),
            ActionCategory.TRAINING,
        ),
    ),
    "digital": (
        (
            T(
                "Digital skills training for young members",
                "Đào tạo kỹ năng số cho thành viên trẻ",
                "تكوين المتعاونين الشباب في المهارات الرقمية",
            ),
            T(
                "Product photos, an online page, messaging with customers and shared "
                "spreadsheets; the trainees then train others.",
                "Chụp ảnh sản phẩm, trang bán hàng, nhắn tin với khách và bảng tính dùng "
                "chung; học viên sau đó hướng dẫn lại người khác.",
                "تصوير المنتوجات، صفحة على الإنترنت، المراسلة مع الزبناء وجداول البيانات "
                "المشتركة؛ ثم يكوّن المستفيدون غيرهم.",
            ),
            ActionCategory.TRAINING,
        ),
        (
            T(
                "Open an online shop on a marketplace",
                "Mở gian hàng trên sàn thương mại điện tử",
                "فتح متجر في منصة للتجارة الإلكترونية",
            ),
            T(
                "Coaching to list the products, take payments and organise delivery.",
                "Đồng hành để đăng sản phẩm, nhận thanh toán và tổ chức giao hàng.",
                "مواكبة لعرض المنتوجات وتلقي الأداءات وتنظيم التوصيل.",
            ),
            ActionCategory.COACHING,
        ),
        (
            T(
                "A computer or tablet with accounting and stock software",
                "Máy tính hoặc máy tính bảng kèm phần mềm kế toán và quản lý kho",
                "حاسوب أو لوحة إلكترونية ببرنامج للمحاسبة والمخزون",
            ),
            T(
                "Equipment and set-up, with a first month of support to enter the records.",
                "Thiết bị và cài đặt, kèm một tháng hỗ trợ nhập dữ liệu ban đầu.",
                "التجهيز والإعداد، مع شهر أول من الدعم لإدخال السجلات.",
            ),
            ActionCategory.EQUIPMENT,
        ),
    ),
}


def _translated(**texts):
    fields = {}
    for name, text in texts.items():
        fields.update(text.fields(name))
    return fields


@transaction.atomic
def ensure_capacity_scorecard():
    """The seeded instrument (version 1, published) and the standard actions; returns the
    version."""
    name, description = INSTRUMENT
    instrument, _created = Instrument.objects.update_or_create(
        code=INSTRUMENT_CODE, defaults=_translated(name=name, description=description)
    )
    version, _created = InstrumentVersion.objects.get_or_create(
        instrument=instrument, number=1, defaults={"is_published": True}
    )
    if not version.is_frozen:
        _write_domains(version)
    _write_standard_actions()
    return version


def _write_domains(version):
    for position, domain in enumerate(DOMAINS):
        row, _created = Domain.objects.update_or_create(
            version=version,
            code=domain.code,
            defaults={
                "weight": domain.weight,
                "sort_order": position,
                **_translated(name=domain.name, description=domain.description),
            },
        )
        for order, question in enumerate(domain.questions):
            levels = {f"level_{level}": text for level, text in enumerate(question.levels)}
            Question.objects.update_or_create(
                domain=row,
                code=question.code,
                defaults={
                    "weight": question.weight,
                    "sort_order": order,
                    **_translated(text=question.text, evidence_hint=question.hint, **levels),
                },
            )


def _write_standard_actions():
    for domain_code, actions in STANDARD_ACTIONS.items():
        for title, description, category in actions:
            StandardAction.objects.update_or_create(
                domain_code=domain_code,
                title_en=title.en,
                defaults={
                    "category": category,
                    "is_active": True,
                    **_translated(title=title, description=description),
                },
            )
