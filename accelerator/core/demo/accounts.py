"""Demo sign-ins, one per role that exists. Never created under production settings."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model


@dataclass(frozen=True)
class DemoAccount:
    role: str
    username: str
    password: str
    email: str
    first_name: str
    last_name: str
    is_superuser: bool = False


ACCOUNTS = [
    DemoAccount(
        role="program administrator",
        username="admin",
        password="demo-admin-2026",
        email="admin@example.org",
        first_name="Amina",
        last_name="Berrada",
        is_superuser=True,
    ),
]


def ensure_accounts():
    """Create missing accounts; return (account, password_still_valid) pairs to print."""
    User = get_user_model()
    report = []
    for account in ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=account.username,
            defaults={
                "email": account.email,
                "first_name": account.first_name,
                "last_name": account.last_name,
                "is_staff": True,
                "is_superuser": account.is_superuser,
            },
        )
        if created:
            user.set_password(account.password)
            user.save(update_fields=["password"])
        report.append((account, user.check_password(account.password)))
    return report
