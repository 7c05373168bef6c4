"""Programs, calls and submitted applications, built directly (not through the public flow)."""

import datetime

import factory
from django.utils import timezone

from accelerator.calls.models import Application, ApplicationFile, Call, CallQuestion
from accelerator.cooperatives.models import Cooperative
from accelerator.programs.models import (
    Cohort,
    Country,
    Currency,
    LegalForm,
    Membership,
    Organisation,
    Program,
    Province,
    Region,
    Sector,
)
from tests.factories import UserFactory


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    code = factory.Sequence(lambda n: f"region-{n}")
    name_en = factory.Sequence(lambda n: f"Region {n}")
    country = Country.MOROCCO


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province

    code = factory.Sequence(lambda n: f"province-{n}")
    name_en = factory.Sequence(lambda n: f"Province {n}")
    region = factory.SubFactory(RegionFactory)


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector

    code = factory.Sequence(lambda n: f"sector-{n}")
    name_en = factory.Sequence(lambda n: f"Sector {n}")


class LegalFormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalForm

    code = factory.Sequence(lambda n: f"legal-form-{n}")
    name_en = factory.Sequence(lambda n: f"Legal form {n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Office {n}")


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    name_en = factory.Sequence(lambda n: f"Program {n}")
    code = factory.Sequence(lambda n: f"prog{n}")
    country = Country.MOROCCO
    currency = Currency.MAD
    start_date = datetime.date(2026, 1, 1)
    end_date = datetime.date(2028, 12, 31)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    program = factory.SubFactory(ProgramFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.OFFICER


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    program = factory.SubFactory(ProgramFactory)
    name_en = factory.Sequence(lambda n: f"Cohort {n}")
    capacity = 30
    start_date = datetime.date(2026, 3, 1)
    end_date = datetime.date(2026, 12, 31)


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call

    program = factory.SubFactory(ProgramFactory)
    cohort = factory.SubFactory(CohortFactory, program=factory.SelfAttribute("..program"))
    title_en = factory.Sequence(lambda n: f"Call {n}")
    reference_prefix = factory.Sequence(lambda n: f"C{n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=20))
    target_cooperatives = 20


class CallQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CallQuestion

    call = factory.SubFactory(CallFactory)
    key = factory.Sequence(lambda n: f"question-{n}")
    kind = CallQuestion.Kind.SHORT_TEXT
    label_en = factory.Sequence(lambda n: f"Question {n}")


class CooperativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cooperative

    legal_name = factory.Sequence(lambda n: f"Cooperative {n}")
    registration_number = factory.Sequence(lambda n: f"REG-{n:05d}")
    region = factory.SubFactory(RegionFactory)
    sector = factory.SubFactory(SectorFactory)
    members_total = 12


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A submitted application, its answers frozen with the questions they answer."""

    class Meta:
        model = Application

    call = factory.SubFactory(CallFactory)
    email = factory.Sequence(lambda n: f"applicant{n}@example.org")
    language = "en"
    status = Application.Status.SUBMITTED
    reference = factory.LazyAttributeSequence(lambda a, n: f"{a.call.reference_prefix}-{n:05d}")
    submitted_at = factory.LazyFunction(timezone.now)
    legal_name = factory.Sequence(lambda n: f"Cooperative {n}")
    registration_number = factory.Sequence(lambda n: f"REG-{n:05d}")
    region = factory.SubFactory(RegionFactory)
    province = factory.SubFactory(ProvinceFactory, region=factory.SelfAttribute("..region"))
    sector = factory.SubFactory(SectorFactory)
    legal_form = factory.SubFactory(LegalFormFactory)
    members_total = 20
    members_women = 12
    answers = factory.LazyFunction(dict)
    questions_snapshot = factory.LazyFunction(list)


class ApplicationFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationFile

    application = factory.SubFactory(ApplicationFactory)
    question_key = "statutes"
    file = factory.django.FileField(filename="statutes.pdf", data=b"%PDF-1.4 statutes")
    original_name = "statutes.pdf"
    content_type = "application/pdf"
    size = 17
    sha256 = "0" * 64
