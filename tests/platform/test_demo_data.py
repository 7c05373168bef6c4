import re
from io import StringIO

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.test import Client

from tests.factories import wagtail_root

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def migrated_tree():
    wagtail_root()


# Bookkeeping that changes on every run by design (search index, logs, sessions).
VOLATILE = {"wagtailsearch", "modelsearch", "sessions", "admin", "contenttypes", "auth.permission"}
VOLATILE_FIELDS = {
    "last_login",
    "latest_revision_created_at",
    "last_published_at",
    "first_published_at",
    "created_at",
    "go_live_at",
    "password",
}


def snapshot():
    rows = []
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in VOLATILE or label in VOLATILE or "log" in label:
            continue
        for row in serializers.serialize("python", model.objects.order_by("pk")):
            fields = {k: v for k, v in row["fields"].items() if k not in VOLATILE_FIELDS}
            if label == "wagtailcore.revision":
                fields.pop("content", None)
            rows.append((row["model"], row["pk"], repr(sorted(fields.items()))))
    return rows


def run():
    out = StringIO()
    call_command("load_demo_data", stdout=out)
    return out.getvalue()


def test_loading_the_demo_twice_leaves_the_same_data():
    run()
    first = snapshot()

    run()

    assert snapshot() == first


def test_demo_prints_one_login_per_role_that_works():
    output = run()

    logins = re.findall(r"^(.+): (\S+) / (\S+)$", output, re.MULTILINE)
    assert ("program administrator", "admin") in [(role, user) for role, user, _ in logins]
    client = Client()
    for _role, username, password in logins:
        assert client.login(username=username, password=password)


def test_demo_site_has_a_translated_home_page_in_each_language():
    run()
    client = Client()

    english = client.get("/en/").content.decode()
    vietnamese = client.get("/vi/").content.decode()
    arabic = client.get("/ar/").content.decode()

    assert "Support for cooperatives, from the call to the results" in english
    assert "Đồng hành cùng hợp tác xã" in vietnamese
    assert "مواكبة التعاونيات" in arabic
