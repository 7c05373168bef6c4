"""The catalogue of training modules every program starts with, written for this platform in
English, Vietnamese and Arabic (Moroccan usage: التعاونية، الجمع العام، المجلس الإداري، التدبير).

`ensure_training_modules()` is safe to run again: modules are found by their code and their
titles, objectives and durations brought up to date; modules staff added are left alone.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from diagnostics.seed import T

from .models import TrainingModule


@dataclass(frozen=True)
class M:
    code: str
    title: T
    objectives: T
    duration_hours: str


MODULES = (
    M(
        "governance",
        T("Cooperative governance", "Quản trị hợp tác xã", "حوكمة التعاونية"),
        T(
            "Understand the roles of the general assembly, the board and the manager; apply "
            "the statutes and internal rules; keep minutes and registers; involve every member, "
            "women and young people included, in decisions.",
            "Hiểu rõ vai trò của đại hội thành viên, hội đồng quản trị và giám đốc; áp dụng "
            "điều lệ và quy chế nội bộ; ghi biên bản và sổ sách; để mọi thành viên, kể cả phụ "
            "nữ và thanh niên, cùng tham gia ra quyết định.",
            "فهم أدوار الجمع العام والمجلس الإداري والمسيّر؛ تطبيق النظام الأساسي والنظام "
            "الداخلي؛ تحرير المحاضر ومسك السجلات؛ إشراك جميع المتعاونين، ومنهم النساء "
            "والشباب، في اتخاذ القرار.",
        ),
        "12",
    ),
    M(
        "management-inventory",
        T(
            "Management techniques: inventory and stock",
            "Kỹ thuật quản lý: quản lý kho và hàng tồn",
            "تقنيات التدبير: تدبير المخزون",
        ),
        T(
            "Record what comes in and goes out, count stock regularly, value it, and spot "
            "losses and products close to expiry before they cost the cooperative.",
            "Ghi chép hàng nhập và xuất, kiểm kê định kỳ, định giá hàng tồn kho, phát hiện hao "
            "hụt và hàng sắp hết hạn trước khi gây thiệt hại cho hợp tác xã.",
            "تسجيل المداخل والمخارج، وجرد المخزون بانتظام وتقييمه، ورصد الضياع والمنتجات "
            "القريبة من انتهاء صلاحيتها قبل أن تكلّف التعاونية.",
        ),
        "6",
    ),
    M(
        "management-human-resources",
        T(
            "Management techniques: human resources",
            "Kỹ thuật quản lý: nguồn nhân lực",
            "تقنيات التدبير: الموارد البشرية",
        ),
        T(
            "Describe each job, recruit and contract fairly, organise work and pay, and plan "
            "the skills members and employees need.",
            "Mô tả từng vị trí công việc, tuyển dụng và ký hợp đồng công bằng, tổ chức công "
            "việc và tiền lương, lập kế hoạch kỹ năng cho thành viên và người lao động.",
            "وصف كل منصب، والتوظيف والتعاقد بإنصاف، وتنظيم العمل والأجور، والتخطيط للمهارات "
            "التي يحتاجها المتعاونون والأجراء.",
        ),
        "6",
    ),
    M(
        "management-meetings",
        T(
            "Management techniques: preparing meetings and general assemblies",
            "Kỹ thuật quản lý: chuẩn bị cuộc họp và đại hội thành viên",
            "تقنيات التدبير: التحضير للاجتماعات والجموع العامة",
        ),
        T(
            "Convene on time, set and send the agenda, prepare the reports to approve, lead the "
            "discussion, record the decisions and follow them up.",
            "Triệu tập đúng hạn, lập và gửi chương trình họp, chuẩn bị các báo cáo cần thông "
            "qua, điều hành thảo luận, ghi lại các quyết định và theo dõi việc thực hiện.",
            "الدعوة في الآجال، وإعداد جدول الأعمال وإرساله، وتحضير التقارير المعروضة "
            "للمصادقة، وتسيير النقاش، وتدوين القرارات وتتبع تنفيذها.",
        ),
        "6",
    ),
    M(
        "marketing",
        T(
            "Marketing and commercial promotion",
            "Tiếp thị và xúc tiến thương mại",
            "التسويق والترويج التجاري",
        ),
        T(
            "Know the customers and competitors, set prices from costs, improve packaging and "
            "labelling, choose sales channels, and prepare trade fairs and talks with buyers.",
            "Hiểu khách hàng và đối thủ cạnh tranh, định giá dựa trên chi phí, cải tiến bao bì "
            "và nhãn mác, chọn kênh bán hàng, chuẩn bị hội chợ và đàm phán với người mua.",
            "معرفة الزبناء والمنافسين، وتحديد الأسعار انطلاقا من التكاليف، وتحسين التغليف "
            "ووضع العلامات، واختيار قنوات البيع، والتحضير للمعارض وللتفاوض مع المشترين.",
        ),
        "12",
    ),
    M(
        "digital-transformation",
        T("Digital transformation", "Chuyển đổi số", "التحول الرقمي"),
        T(
            "Use a phone and simple tools to keep accounts and stock, sell online and take "
            "electronic payments, present the cooperative on social networks, and protect its "
            "data.",
            "Dùng điện thoại và công cụ đơn giản để ghi sổ kế toán và quản lý kho, bán hàng "
            "trực tuyến và nhận thanh toán điện tử, giới thiệu hợp tác xã trên mạng xã hội và "
            "bảo vệ dữ liệu.",
            "استعمال الهاتف وأدوات بسيطة لمسك الحسابات والمخزون، والبيع عبر الإنترنت وقبول "
            "الأداء الإلكتروني، والتعريف بالتعاونية على شبكات التواصل الاجتماعي، وحماية "
            "معطياتها.",
        ),
        "9",
    ),
)


@transaction.atomic
def ensure_training_modules():
    """Create or refresh the catalogue's modules; return them in the catalogue's order."""
    modules = []
    for item in MODULES:
        module, _created = TrainingModule.objects.update_or_create(
            code=item.code,
            defaults={
                **item.title.fields("title"),
                **item.objectives.fields("objectives"),
                "duration_hours": Decimal(item.duration_hours),
            },
        )
        modules.append(module)
    return modules
