import re

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from accelerator.calls.models import Application
from tests.calls.conftest import PDF


def start(client, page, email="lan@example.org"):
    """Open a draft through the public form; returns the draft and its page URL."""
    response = client.post(page.url + "apply/", {"email": email, "consent": "on", "website": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Application.objects.get(email=email.lower(), call=page.call), response["Location"]


def emailed_link(message):
    return re.search(r"https?://\S+/apply/\S+/", message.body).group(0)


def last_link_sent_to(address):
    messages = [m for m in mail.outbox if address in m.to]
    return emailed_link(messages[-1])


def statutes(content=PDF, name="statuts.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)
