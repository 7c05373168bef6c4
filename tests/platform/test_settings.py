import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "accelerator.settings.production",
    "SECRET_KEY": "k" * 20 + "-production-like-secret-for-the-deploy-check-0123456789",
    "ALLOWED_HOSTS": "coops.example.org",
    "DATABASE_URL": "sqlite:////tmp/accelerator-deploy-check.sqlite3",
}


def manage(*args, env):
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in PRODUCTION_ENV and key != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
    )


def test_deploy_check_reports_no_issue_under_production_settings():
    result = manage("check", "--deploy", "--fail-level", "DEBUG", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_create_demo_accounts():
    result = manage("load_demo_data", env=PRODUCTION_ENV)

    assert result.returncode != 0
    assert "not allowed" in result.stderr


def test_tasks_run_in_process_when_no_broker_is_configured():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.CELERY_TASK_ALWAYS_EAGER, settings.EMAIL_BACKEND)",
        ],
        cwd=settings.BASE_DIR,
        env={
            key: value
            for key, value in os.environ.items()
            if key not in {"CELERY_BROKER_URL", "EMAIL_HOST"}
        }
        | {"DJANGO_SETTINGS_MODULE": "accelerator.settings.dev"},
        capture_output=True,
        text=True,
    )

    assert result.stdout.split() == ["True", "django.core.mail.backends.console.EmailBackend"]
