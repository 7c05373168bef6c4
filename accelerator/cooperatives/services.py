"""Who speaks for a cooperative: representatives added by the office or on admission."""

from django.db import IntegrityError, transaction

from .models import Representative, normalise_email


def add_representative(cooperative, email):
    """The cooperative's representative with this e-mail address, added if new. A representative
    whose access was removed stays removed: only the office gives it back."""
    email = normalise_email(email)
    if not email:
        return None
    try:
        with transaction.atomic():
            representative, _created = Representative.objects.get_or_create(
                cooperative=cooperative, email=email
            )
    except IntegrityError:
        representative = Representative.objects.get(cooperative=cooperative, email=email)
    return representative


def represent_admitted(application):
    """On admission, the cooperative's contact (or else the applicant) may open its portal."""
    if application.cooperative_id is None:
        return None
    return add_representative(
        application.cooperative, application.contact_email or application.email
    )
