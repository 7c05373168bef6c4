"""Optional two-step verification (TOTP) for staff, on top of django-otp.

Whether a person must give a code is decided once, when they sign in, and kept in their session:
the pages of the back-office and the workspace then cost no extra query to check it."""

import base64
import io

import django_otp
import qrcode
import qrcode.image.svg
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django_otp.plugins.otp_totp.models import TOTPDevice

REQUIRED_SESSION_KEY = "security_two_factor_required"
PENDING_DEVICE_NAME = "pending"
DEVICE_NAME = "authenticator"


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user):
    """The unconfirmed device being set up, created on first call; its key stays the same while
    the person scans it and types the first code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=PENDING_DEVICE_NAME, confirmed=False)
    return device


def enrolled(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def needs_verification(request):
    """Signed in with a password only, by a person who turned two-step verification on."""
    user = request.user
    return (
        user.is_authenticated
        and request.session.get(REQUIRED_SESSION_KEY, False)
        and not user.is_verified()
    )


def verify(request, code):
    """Check a code from the person's confirmed device; on success the session is verified."""
    device = confirmed_device(request.user)
    if device is None or not _verify_token(device, code):
        return False
    django_otp.login(request, device)
    return True


def confirm(request, device, code):
    """Turn two-step verification on with the device just scanned, if the code matches."""
    if not _verify_token(device, code):
        return False
    device.name = DEVICE_NAME
    device.confirmed = True
    device.save(update_fields=["name", "confirmed"])
    TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
    django_otp.login(request, device)
    request.session[REQUIRED_SESSION_KEY] = True
    return True


def turn_off(request):
    TOTPDevice.objects.filter(user=request.user).delete()
    request.session[REQUIRED_SESSION_KEY] = False


def forget_removed_device(request):
    """An administrator removed the person's device (lost phone): stop asking for a code."""
    request.session[REQUIRED_SESSION_KEY] = False


def _verify_token(device, code):
    # django-otp throttles: after each wrong code the next try must wait twice as long, and a
    # code already used is refused.
    return device.verify_token("".join(str(code).split()))


def qr_code_data_uri(device):
    """The setup address as a QR code in an SVG data URI: an image the strict
    Content-Security-Policy allows (img-src data:), with no inline script or style."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathFillImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def manual_key(device):
    """The secret in base32, grouped by four, for apps that cannot scan."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


@receiver(user_logged_in)
def remember_whether_a_code_is_needed(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[REQUIRED_SESSION_KEY] = enrolled(user)
