from datetime import date, timedelta

import factory
from django.utils import timezone

from accelerator.calls.models import Call, CallQuestion
from accelerator.programs.models import Cohort, LegalForm, Program, Province, Region, Sector
from cms.models import CallIndexPage, CallPage
from tests.factories import locale, publish


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    code = factory.Sequence(lambda n: f"region-{n}")
    name_en = factory.Sequence(lambda n: f"Souss-Massa {n}")
    name_vi = factory.Sequence(lambda n: f"Souss-Massa {n}")
    name_ar = factory.Sequence(lambda n: f"جهة سوس ماسة {n}")
    country = "MA"


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province

    code = factory.Sequence(lambda n: f"province-{n}")
    name_en = factory.Sequence(lambda n: f"Taroudant {n}")
    name_ar = factory.Sequence(lambda n: f"إقليم تارودانت {n}")
    region = factory.SubFactory(RegionFactory)


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector

    code = factory.Sequence(lambda n: f"sector-{n}")
    name_en = "Argan oil"
    name_vi = "Dầu argan"
    name_ar = "زيت الأركان"


class LegalFormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalForm

    code = factory.Sequence(lambda n: f"form-{n}")
    name_en = "Agricultural cooperative"
    name_vi = "Hợp tác xã nông nghiệp"
    name_ar = "تعاونية فلاحية"


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    code = factory.Sequence(lambda n: f"prog{n}")
    name_en = factory.Sequence(lambda n: f"Cooperative growth program {n}")
    country = "MA"
    currency = "MAD"
    start_date = date(2026, 1, 1)
    end_date = date(2028, 12, 31)


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    program = factory.SubFactory(ProgramFactory)
    name_en = "Cohort 1"
    capacity = 500
    start_date = date(2026, 3, 1)
    end_date = date(2028, 3, 1)


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call
        skip_postgeneration_save = True

    cohort = factory.SubFactory(CohortFactory)
    program = factory.SelfAttribute("cohort.program")
    title_en = "Call for expressions of interest, cohort 1"
    title_vi = "Thông báo mời bày tỏ quan tâm, đợt 1"
    title_ar = "دعوة لتقديم طلبات الاهتمام، الدفعة 1"
    reference_prefix = factory.Sequence(lambda n: f"TST{n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=20))
    timezone = "Africa/Casablanca"
    target_cooperatives = 500


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CallQuestion

    call = factory.SubFactory(CallFactory)
    key = factory.Sequence(lambda n: f"question{n}")
    kind = CallQuestion.Kind.LONG_TEXT
    label_en = "Describe your project"
    label_vi = "Mô tả dự án của hợp tác xã"
    label_ar = "صف مشروع التعاونية"
    required = True


def build_call_pages(call, home_pages, languages=("en", "vi", "ar")):
    """A calls index and a page for this call in each language, linked as translations."""
    titles = {
        "en": "Apply to the cohort",
        "vi": "Đăng ký tham gia đợt hỗ trợ",
        "ar": "الترشح للدفعة",
    }
    index_en = CallIndexPage.objects.filter(locale=locale("en")).first()
    if index_en is None:
        index_en = publish(
            home_pages["en"].add_child(instance=CallIndexPage(title="Calls", slug="calls"))
        )
    page_en = publish(
        index_en.add_child(
            instance=CallPage(
                title=titles["en"], slug=f"call-{call.pk}", call=call, intro="Who we look for"
            )
        )
    )
    pages = {"en": page_en}
    for code in languages:
        if code == "en":
            continue
        if not index_en.has_translation(locale(code)):
            index = index_en.copy_for_translation(locale(code))
            index.slug = f"calls-{code}"
            publish(index)
        page = page_en.copy_for_translation(locale(code))
        page.title = titles[code]
        page.slug = f"call-{call.pk}-{code}"
        pages[code] = publish(page)
    return pages


def application_data(call, *, region, province, sector, legal_form, **overrides):
    """What a cooperative types into the form, as the browser posts it."""
    data = {
        "legal_name": "تعاونية النور للأعشاب الطبية",
        "registration_number": "RC-2024/0153",
        "registration_date": (timezone.localdate() - timedelta(days=700)).isoformat(),
        "legal_form": str(legal_form.pk),
        "sector": str(sector.pk),
        "products": "Huile d'argan, amlou",
        "annual_turnover": "185000",
        "region": str(region.pk),
        "province": str(province.pk),
        "commune": "Aït Baha",
        "members_total": "24",
        "members_women": "18",
        "members_youth": "9",
        "founders_count": "7",
        "contact_name": "Fatima Zahra Ait Lahcen",
        "contact_phone": "0612345678",
        "contact_email": "contact@example.org",
    }
    for question in call.questions.all():
        if question.kind == CallQuestion.Kind.LONG_TEXT:
            data[f"q_{question.key}"] = "Nous voulons moderniser la presse et vendre en ligne."
    data.update(overrides)
    return data
