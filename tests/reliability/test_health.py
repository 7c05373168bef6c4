"""/healthz tells a load balancer whether this process can serve: database and broker."""

import os

import pytest

from accelerator import celery_app

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker(request, monkeypatch):
    """Tasks go to the broker at the URL given, as in production. Celery reads the
    CELERY_BROKER_URL environment variable before its configuration: both are set."""
    monkeypatch.setenv("CELERY_BROKER_URL", request.param)
    conf = celery_app.conf
    names = ("task_always_eager", "broker_url", "broker_transport_options")
    previous = {name: conf[name] for name in names}
    conf.task_always_eager = False
    conf.broker_url = request.param
    conf.broker_transport_options = {"max_retries": 0}
    try:
        yield
    finally:
        conf.update(previous)


def test_healthy_without_a_broker_when_tasks_run_in_process(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "skipped"}
    assert response["Cache-Control"] == "no-store"


def test_health_check_sets_no_cookie_and_needs_no_host_name_sign_in_or_language(client, settings):
    settings.ALLOWED_HOSTS = ["coops.example.org"]
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/healthz", HTTP_HOST="10.0.0.7")

    assert response.status_code == 200
    assert not response.cookies


@pytest.mark.parametrize("broker", ["redis://127.0.0.1:1/0"], indirect=True)
def test_unhealthy_when_the_broker_does_not_answer(client, broker):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "broker": "unavailable"}


def test_unhealthy_when_the_database_does_not_answer(client, monkeypatch):
    def refuse():
        raise RuntimeError("database unreachable")

    monkeypatch.setattr("accelerator.core.health.check_database", refuse)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


@pytest.mark.broker
def test_healthy_with_the_configured_broker(client):
    url = os.environ.get("CELERY_BROKER_URL")
    if not url:
        pytest.skip("CELERY_BROKER_URL is not set")
    conf = celery_app.conf
    previous = (conf.task_always_eager, conf.broker_url)
    conf.task_always_eager, conf.broker_url = False, url
    try:
        response = client.get("/healthz")
    finally:
        conf.task_always_eager, conf.broker_url = previous

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "ok"}
