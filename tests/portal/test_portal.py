"""The cooperatives' portal: a representative signs in with a one-time link sent by e-mail and
follows their own cooperative, and only it."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from accelerator.calls.models import Application
from accelerator.cooperatives import portal
from accelerator.cooperatives.models import LoginToken, Representative
from accelerator.cooperatives.services import add_representative
from accelerator.notifications.models import Event, OutboxMessage
from accelerator.selection.models import Decision, Outcome
from accelerator.selection.services import decide
from tests.admin.factories import ApplicationFactory, CallFactory, CooperativeFactory
from tests.diagnostics.factories import CohortMemberFactory, DiagnosticFactory
from tests.factories import StaffFactory, UserFactory
from tests.support.coaching import FollowUpFactory, VisitFactory
from tests.support.training_factories import AttendanceFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db

EMAIL = "fatima@coop-annour.example"


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def member(db):
    return CohortMemberFactory(cooperative__legal_name="Coopérative Annour")


@pytest.fixture
def representative(member):
    return add_representative(member.cooperative, EMAIL)


@pytest.fixture
def other_member(db):
    return CohortMemberFactory(cooperative__legal_name="Coopérative Tiwizi")


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def last_link():
    return link_in(OutboxMessage.objects.filter(event=Event.PORTAL_SIGN_IN).latest("pk"))


def signed_in_client(client, email=EMAIL):
    portal.send_sign_in_link(email, language="en")
    client.post(last_link())
    return client


def test_representative_asks_for_a_link_in_arabic_and_gets_it_in_arabic(client, representative):
    response = client.post(url("portal:home", language="ar"), {"email": EMAIL.upper()})

    assert response.status_code == 200
    assert "portal/link_sent.html" in [template.name for template in response.templates]
    [message] = OutboxMessage.objects.filter(event=Event.PORTAL_SIGN_IN)
    assert message.language == "ar"
    assert message.recipient == EMAIL
    [sent] = mail.outbox
    assert sent.to == [EMAIL]
    assert "/ar/portal/sign-in/" in link_in(sent)


def test_the_answer_is_the_same_for_an_unknown_address_and_no_mail_leaves(client, representative):
    known = client.post(url("portal:home"), {"email": EMAIL})
    unknown = client.post(url("portal:home"), {"email": "nobody@example.org"})

    assert unknown.status_code == known.status_code == 200
    assert unknown.content == known.content
    assert len(mail.outbox) == 1


def test_a_removed_representative_gets_no_link(client, representative):
    Representative.objects.filter(pk=representative.pk).update(revoked_at=timezone.now())

    client.post(url("portal:home"), {"email": EMAIL})

    assert mail.outbox == []


def test_link_requests_are_rate_limited(client, representative):
    for _attempt in range(10):
        client.post(url("portal:home"), {"email": "someone@example.org"})

    response = client.post(url("portal:home"), {"email": EMAIL})

    assert "Too many attempts" in response.content.decode()
    assert mail.outbox == []


def test_the_link_signs_in_with_a_button_and_lands_on_the_portal(
    client, representative, member, other_member
):
    client.post(url("portal:home", language="ar"), {"email": EMAIL})
    link = link_in(mail.outbox[0])

    confirm = client.get(link)
    assert confirm.status_code == 200
    assert not confirm.wsgi_request.user.is_authenticated

    response = client.post(link, follow=True)

    assert response.redirect_chain[-1][0] == url("portal:home", language="ar")
    page = response.content.decode()
    assert "Coopérative Annour" in page
    assert "Coopérative Tiwizi" not in page
    representative.refresh_from_db()
    assert representative.user == response.wsgi_request.user
    assert not representative.user.has_usable_password()
    assert not representative.user.is_staff


def test_only_a_hash_of_the_token_is_stored(representative):
    portal.send_sign_in_link(EMAIL, language="en")
    token = last_link().rstrip("/").rsplit("/", 1)[-1]

    stored = LoginToken.objects.get()
    assert token not in stored.token_hash
    assert stored.token_hash == portal.token_hash(token)
    assert stored.expires_at - stored.created_at <= timedelta(minutes=15)


def test_a_link_works_once(client, representative):
    portal.send_sign_in_link(EMAIL, language="en")
    link = last_link()
    client.post(link)
    client.post(url("portal:sign_out"))

    again = client.post(link)

    assert again.status_code == 410
    assert "already been used" in again.content.decode()
    assert not again.wsgi_request.user.is_authenticated


def test_an_expired_link_says_so(client, representative):
    portal.send_sign_in_link(EMAIL, language="en", now=timezone.now() - timedelta(minutes=16))

    response = client.get(last_link())

    assert response.status_code == 410
    assert "has expired" in response.content.decode()
    assert client.post(last_link()).status_code == 410


def test_a_made_up_link_answers_404(client, representative):
    response = client.get(url("portal:sign_in", "made-up-token"))

    assert response.status_code == 404
    assert "not valid" in response.content.decode()


def test_signing_in_again_uses_a_new_link_and_the_same_account(client, representative):
    first = signed_in_client(client).session["_auth_user_id"]
    client.post(url("portal:sign_out"))

    second = signed_in_client(client).session["_auth_user_id"]

    assert first == second
    assert LoginToken.objects.filter(used_at__isnull=False).count() == 2


def test_portal_shows_applications_report_plan_trainings_and_visits(client, representative, member):
    application = member.application
    Decision.objects.create(
        application=application, outcome=Outcome.ADMIT, decided_at=timezone.now()
    )
    DiagnosticFactory(member=member, status="completed")
    session = TrainingSessionFactory(cohort=member.cohort, module__title_en="Bookkeeping basics")
    session.invited.add(member)
    AttendanceFactory(session=session, member=member)
    visit = VisitFactory(member=member, coach=UserFactory(), topics="Stock register reviewed")
    FollowUpFactory(visit=visit, description="Count the stock monthly")
    signed_in_client(client)

    home = client.get(url("portal:home")).content.decode()
    detail = client.get(url("portal:application", application.pk)).content.decode()
    program = client.get(url("portal:member", member.pk)).content.decode()

    assert application.reference in home
    assert "Admit" in detail
    assert "/report/" in program
    assert "Bookkeeping basics" in program
    assert "Stock register reviewed" in program
    assert "Count the stock monthly" in program


def test_another_cooperatives_records_answer_404(client, representative, other_member):
    signed_in_client(client)

    assert client.get(url("portal:member", other_member.pk)).status_code == 404
    assert client.get(url("portal:application", other_member.application.pk)).status_code == 404


def test_anonymous_visitors_are_sent_to_the_sign_in_page(client, member):
    response = client.get(url("portal:member", member.pk))

    assert response.status_code == 302
    assert response["Location"].startswith(url("portal:home"))


def test_a_representative_never_reaches_the_admin(client, representative):
    signed_in_client(client)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_admission_makes_the_contact_a_representative(db):
    call = CallFactory()
    application = ApplicationFactory(
        call=call,
        eligibility=Application.Eligibility.ELIGIBLE,
        contact_email="Contact@Coop.example",
        cooperative=CooperativeFactory(),
    )

    decide(application, Outcome.ADMIT, by=StaffFactory())

    [representative] = Representative.objects.all()
    assert representative.cooperative == application.cooperative
    assert representative.email == "contact@coop.example"


def test_office_adds_a_representative_on_the_cooperative_page(client, member):
    client.force_login(StaffFactory())

    edit_url = reverse("cooperative:edit", args=[member.cooperative.pk])

    assert "Representatives" in client.get(edit_url).content.decode()
    response = client.post(
        edit_url,
        nested_form_data(
            {
                "legal_name": "Coopérative Annour",
                "representatives": inline_formset([{"email": "Board@Annour.example"}]),
            }
        ),
    )

    assert response.status_code == 302
    [representative] = member.cooperative.representatives.all()
    assert representative.email == "board@annour.example"
    assert representative.user is None
