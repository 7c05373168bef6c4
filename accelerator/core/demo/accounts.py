"""Demo sign-ins, one per role that exists. Never created under production settings."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import (
    PBKDF2PasswordHasher,
    check_password,
    get_hasher,
    make_password,
)

from accelerator.programs.models import Membership, Program

from .programs import ATLAS, DIGITAL

Role = Membership.Role


@dataclass(frozen=True)
class DemoAccount:
    role: str
    username: str
    password: str
    email: str
    first_name: str
    last_name: str
    is_superuser: bool = False
    # (program code, role): what puts a non-superuser in the right admin group.
    memberships: tuple = ()


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
    DemoAccount(
        role="program officer",
        username="officer",
        password="demo-officer-2026",
        email="officer@example.org",
        first_name="Youssef",
        last_name="Ait Lahcen",
        memberships=((ATLAS, Role.OFFICER), (DIGITAL, Role.OFFICER)),
    ),
    DemoAccount(
        role="reviewer",
        username="reviewer1",
        password="demo-reviewer1-2026",
        email="reviewer1@example.org",
        first_name="Khadija",
        last_name="Ouhammou",
        memberships=((ATLAS, Role.REVIEWER),),
    ),
    DemoAccount(
        role="reviewer",
        username="reviewer2",
        password="demo-reviewer2-2026",
        email="reviewer2@example.org",
        first_name="Rachid",
        last_name="Benkirane",
        memberships=((ATLAS, Role.REVIEWER),),
    ),
    DemoAccount(
        role="reviewer",
        username="reviewer3",
        password="demo-reviewer3-2026",
        email="reviewer3@example.org",
        first_name="Thu Hà",
        last_name="Trần",
        memberships=((ATLAS, Role.REVIEWER), (DIGITAL, Role.REVIEWER)),
    ),
    DemoAccount(
        role="coach",
        username="coach",
        password="demo-coach-2026",
        email="coach@example.org",
        first_name="Naima",
        last_name="El Idrissi",
        memberships=((ATLAS, Role.COACH),),
    ),
    DemoAccount(
        role="trainer",
        username="trainer",
        password="demo-trainer-2026",
        email="trainer@example.org",
        first_name="Văn Minh",
        last_name="Nguyễn",
        memberships=((ATLAS, Role.TRAINER), (DIGITAL, Role.TRAINER)),
    ),
]


# Demo passwords are printed on screen: a full-strength hash (about 0.3 s each, at every run
# for the check) would protect nothing and slow `make run` down. Django re-hashes a password at
# full strength at its first sign-in.
DEMO_HASH_ITERATIONS = 1000


def _demo_password_hash(password):
    hasher = get_hasher()
    if isinstance(hasher, PBKDF2PasswordHasher):
        return hasher.encode(password, hasher.salt(), iterations=DEMO_HASH_ITERATIONS)
    return make_password(password)


def ensure_accounts():
    """Create missing accounts and memberships; return (account, password_still_valid) pairs
    to print. Run after the programs exist."""
    User = get_user_model()
    programs = {
        program.code: program for program in Program.objects.filter(code__in=[ATLAS, DIGITAL])
    }
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
            user.password = _demo_password_hash(account.password)
            user.save(update_fields=["password"])
        for program_code, role in account.memberships:
            Membership.objects.get_or_create(program=programs[program_code], user=user, role=role)
        # Not user.check_password(), which would re-hash and save at full strength.
        report.append((account, check_password(account.password, user.password)))
    return report
