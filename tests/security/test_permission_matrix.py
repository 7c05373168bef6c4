"""The permission matrix: every address of accelerator/urls.py, opened by every role, answers
what tests/security/access_table.py declares.

The roles: an anonymous visitor, each role of program A, a superuser, and each role of program B
trying the records of program A that the same role opens in program A. Outside their scope people get 404, never 403 nor a hint that the
record exists. An address the table does not declare fails the test, named.
"""

from urllib.parse import urlsplit

import pytest
from django.contrib import messages
from django.contrib.messages import get_messages
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import translation

from .access_table import (
    ANONYMOUS,
    PROGRAM_ROLES,
    REPRESENTATIVE,
    SUPERUSER,
    TABLE,
    WAGTAIL_CORE,
    Group,
)
from .access_world import OUTSIDER, build_world

OK = "allowed"
LOGIN = "sent to sign in"
NOT_FOUND = "404"
METHOD = "405 (POST only)"
CONFIRM = "asked to confirm their password"
REFUSED = "sent to the admin home (Wagtail's refusal)"

ROLES = [
    ANONYMOUS,
    *PROGRAM_ROLES,
    SUPERUSER,
    *[OUTSIDER + role for role in PROGRAM_ROLES],
]


def url_patterns(patterns=None, prefix="", namespace=None):
    """(name, route, view module) of every address, Wagtail's admin included."""
    if patterns is None:
        with translation.override("en"):
            yield from url_patterns(get_resolver().url_patterns)
        return
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from url_patterns(pattern.url_patterns, route, inner)
        else:
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            yield name, route, pattern.callback.__module__


def declaration(name, route, module):
    if name in TABLE or route in TABLE:
        return TABLE.get(name) or TABLE[route]
    if module.startswith(("wagtail.", "django.")):
        for group in WAGTAIL_CORE:
            if route == group.prefix or (not group.exact and route.startswith(group.prefix)):
                return group
    return None


def test_every_address_declares_who_may_open_it():
    undeclared = [
        f"{name or '(no name)'} — {route} ({module})"
        for name, route, module in url_patterns()
        if declaration(name, route, module) is None
    ]
    assert not undeclared, (
        "These addresses are not in tests/security/access_table.py; declare who may open "
        "them:\n" + "\n".join(undeclared)
    )


def test_the_table_declares_no_address_that_is_gone():
    names = {key for name, route, _module in url_patterns() for key in (name, route)}
    assert sorted(set(TABLE) - names) == []


# The walk -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module, inside a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


def argument(world, name):
    if name.startswith("="):
        return name[1:]
    if name.startswith("shared."):
        value = world.shared[name.removeprefix("shared.")]
    else:
        value = world.a.records[name]
    return getattr(value, "pk", value)


def checks(world, role):
    """(what, address, rule) for every declared address this role is tried on."""
    outsider = role.startswith(OUTSIDER)
    for name, access in TABLE.items():
        if outsider and (
            not access.args
            or access.shared
            or ANONYMOUS in access.who
            or role.removeprefix(OUTSIDER) not in access.who
        ):
            # B's people are tried on A's records that their role opens in their own program:
            # only the program keeps them out. Elsewhere they fare as A's, tried already.
            continue
        if "/" in name:  # an address without a name, declared by its route
            address = "/" + name
        else:
            with translation.override("en"):
                address = reverse(name, args=[argument(world, arg) for arg in access.args])
        yield name, address, access
    if not outsider:
        for group in WAGTAIL_CORE:
            if group.probe:
                yield f"Wagtail: {group.why}", group.probe, group


def expected(rule, role, address):
    outsider = role.startswith(OUTSIDER)
    held = role.removeprefix(OUTSIDER)
    shared = isinstance(rule, Group) or rule.shared or not rule.args
    allowed = ANONYMOUS in rule.who or (held in rule.who and (shared or not outsider))
    if allowed and getattr(rule, "missing", False):
        return {NOT_FOUND}
    if allowed:
        return {METHOD} if getattr(rule, "post", False) else {OK}
    if role == ANONYMOUS or (address.startswith("/admin/") and held == REPRESENTATIVE):
        # Nobody signed in, or signed in without access to the back-office at all.
        return {LOGIN}
    if getattr(rule, "missing", False):
        return {NOT_FOUND}
    if isinstance(rule, Group):
        return {REFUSED, NOT_FOUND}
    return {NOT_FOUND}


def sign_in_paths():
    with translation.override("en"):
        return {
            reverse("wagtailadmin_login"): LOGIN,
            reverse("workspace:login"): LOGIN,
            reverse("portal:home"): LOGIN,
            reverse("security_admin:confirm_identity"): CONFIRM,
            reverse("wagtailadmin_home"): REFUSED,
        }


def outcome(response, known_targets):
    status = response.status_code
    if status in (301, 302, 303, 307, 308):
        got = known_targets.get(urlsplit(response["Location"]).path, OK)
        if got == REFUSED and not any(
            message.level == messages.ERROR for message in get_messages(response.wsgi_request)
        ):
            return OK  # a screen that sends its user back to the dashboard, not a refusal
        return got
    if status == 401:
        # A script's request (autosave) answered "sign in first", with no redirect.
        return LOGIN
    if status == 404:
        return NOT_FOUND
    if status == 405:
        return METHOD
    if 200 <= status < 300:
        return OK
    return f"HTTP {status}"


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(world, role):
    client = Client()
    user = world.person(role)
    if user is not None:
        client.force_login(user)
    targets = sign_in_paths()
    wrong = []
    for what, address, rule in checks(world, role):
        answers = expected(rule, role, address)
        # Addresses that only act are tried with a GET by those allowed (nothing changes) and
        # with a POST by the others, which must be refused.
        acts = getattr(rule, "post", False) and OK not in answers and METHOD not in answers
        response = client.post(address) if acts else client.get(address)
        got = outcome(response, targets)
        if got not in answers:
            wrong.append(f"{what} {address}: expected {' or '.join(sorted(answers))}, got {got}")
    assert not wrong, f"{role}:\n" + "\n".join(wrong)
