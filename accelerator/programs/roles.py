"""A person's roles are memberships of programs; each role brings a Wagtail admin group whose
model permissions open the right admin screens. What they then see inside those screens is
narrowed per program by each model's `visible_to(user)`."""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from .models import Membership

OFFICE_MODELS = {
    "programs": [
        "program",
        "cohort",
        "phase",
        "membership",
        "organisation",
        "region",
        "province",
        "sector",
        "legalform",
    ],
    "cooperatives": ["cooperative"],
    "calls": ["call", "callquestion"],
    "support": [
        "coachcontract",
        "coachassignment",
        "trainingmodule",
        "trainingsession",
        "attendance",
    ],
}

GROUP_NAMES = {
    Membership.Role.ADMINISTRATOR: "Program administrators",
    Membership.Role.OFFICER: "Program officers",
    Membership.Role.REVIEWER: "Reviewers",
    Membership.Role.COACH: "Coaches",
    Membership.Role.TRAINER: "Trainers",
}


def _codenames(actions):
    return [
        (app, f"{action}_{model}")
        for app, models in OFFICE_MODELS.items()
        for model in models
        for action in actions
    ]


#: Records others write (applicants, coaches) that the office reads and exports.
OFFICE_READS = [
    ("calls", "view_application"),
    ("support", "view_technicalassistance"),
    ("support", "view_marketingsupport"),
]


def role_permissions():
    """(app label, codename) pairs each role needs."""
    admin_access = [("wagtailadmin", "access_admin")]
    office_view = _codenames(["view"]) + OFFICE_READS
    return {
        Membership.Role.ADMINISTRATOR: admin_access
        + _codenames(["add", "change", "delete", "view"])
        + OFFICE_READS,
        Membership.Role.OFFICER: admin_access
        + office_view
        + [
            (app, f"{action}_{model}")
            for app, model in [
                ("programs", "cohort"),
                ("programs", "phase"),
                ("calls", "call"),
                ("calls", "callquestion"),
                ("cooperatives", "cooperative"),
                ("support", "coachcontract"),
                ("support", "coachassignment"),
                ("support", "trainingsession"),
                ("support", "attendance"),
            ]
            for action in ("add", "change")
        ],
        Membership.Role.REVIEWER: admin_access,
        Membership.Role.COACH: admin_access,
        Membership.Role.TRAINER: admin_access,
    }


def ensure_role_groups():
    """Create or refresh the group of each role with exactly its permissions."""
    for role, needed in role_permissions().items():
        group, _created = Group.objects.get_or_create(name=GROUP_NAMES[role])
        permissions = [
            permission
            for app_label, codename in needed
            for permission in Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            )
        ]
        group.permissions.set(permissions)


def sync_groups(user):
    """The user belongs to the group of each role they hold in at least one program."""
    held = set(user.memberships.values_list("role", flat=True))
    for role, name in GROUP_NAMES.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        if role in held:
            user.groups.add(group)
        else:
            user.groups.remove(group)


@receiver(post_migrate)
def create_role_groups(sender, app_config=None, **kwargs):
    # Wagtail's admin app comes after ours. Its own permissions are created by another
    # post_migrate receiver that may run after this one (it does after a `flush`): create them
    # first, so every group gets "access admin" (idempotent).
    if app_config is not None and app_config.label == "wagtailadmin":
        create_permissions(app_config, verbosity=0, using=kwargs.get("using", "default"))
        ensure_role_groups()


@receiver(post_save, sender=Membership)
@receiver(post_delete, sender=Membership)
def membership_changed(sender, instance, **kwargs):
    sync_groups(instance.user)


def roles_of(user):
    """The roles a person holds in at least one program, read once per request (menus and
    screens ask many times)."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_program_roles"):
        user._program_roles = frozenset(user.memberships.values_list("role", flat=True))
    return user._program_roles


def is_office(user):
    """Superusers and the program administrators and officers of at least one program."""
    return user.is_authenticated and (
        user.is_superuser or bool(roles_of(user) & set(Membership.Role.office_roles()))
    )
