import io

import pytest
from PIL import Image

from accelerator.calls.models import CallQuestion
from tests.calls.factories import (
    CallFactory,
    LegalFormFactory,
    ProvinceFactory,
    QuestionFactory,
    SectorFactory,
    application_data,
    build_call_pages,
)

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def places(db):
    province = ProvinceFactory()
    return {
        "region": province.region,
        "province": province,
        "sector": SectorFactory(),
        "legal_form": LegalFormFactory(),
    }


@pytest.fixture
def call(places):
    call = CallFactory(reference_prefix="MRF4")
    call.regions.add(places["region"])
    call.save()
    QuestionFactory(call=call, key="project", kind=CallQuestion.Kind.LONG_TEXT)
    QuestionFactory(
        call=call,
        key="statutes",
        kind=CallQuestion.Kind.FILE,
        label_en="Statutes of the cooperative",
        label_vi="Điều lệ hợp tác xã",
        label_ar="النظام الأساسي للتعاونية",
    )
    return call


@pytest.fixture
def call_pages(call, home_pages):
    return build_call_pages(call, home_pages)


@pytest.fixture
def form_data(call, places):
    def build(**overrides):
        return application_data(call, **places, **overrides)

    return build
