"""How django-axes names the person behind a sign-in attempt."""

from django.contrib.auth import get_user_model

USERNAME_LENGTH = get_user_model()._meta.get_field("username").max_length


def attempted_username(request, credentials):
    """The username as typed, cut to the longest one that can exist: Django's sign-in form does
    not bound its length, and axes keeps it in a 255-character column (PostgreSQL refuses
    longer text there)."""
    username = credentials.get("username") if credentials else request.POST.get("username")
    return username[:USERNAME_LENGTH] if isinstance(username, str) else username
