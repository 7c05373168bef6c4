"""The role groups carry the permission to open the back-office, however the database was set up."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from accelerator.programs.models import Membership
from accelerator.programs.roles import GROUP_NAMES


@pytest.mark.django_db(transaction=True)
def test_after_a_flush_staff_groups_can_still_open_the_back_office():
    call_command("flush", interactive=False, verbosity=0)

    group = Group.objects.get(name=GROUP_NAMES[Membership.Role.COACH])
    assert group.permissions.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).exists()
