from django import forms
from django.contrib.auth import authenticate
from django.utils.translation import gettext_lazy as _

from . import two_factor

CODE_ERROR = _("This code is not right or has expired. Wait for the next code and try again.")


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Six-digit code from your authenticator app"))
        kwargs.setdefault("max_length", 12)
        super().__init__(**kwargs)
        self.widget.attrs.update(
            {
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "dir": "ltr",
                "autofocus": True,
            }
        )


class VerifyForm(forms.Form):
    """The second step of sign-in."""

    code = CodeField()

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_code(self):
        code = self.cleaned_data["code"]
        if not two_factor.verify(self.request, code):
            raise forms.ValidationError(CODE_ERROR, code="otp")
        return code


class EnrolForm(forms.Form):
    """The first code from the app just set up, proving the QR code was scanned."""

    code = CodeField()

    def __init__(self, *args, request, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.device = device

    def clean_code(self):
        code = self.cleaned_data["code"]
        if not two_factor.confirm(self.request, self.device, code):
            raise forms.ValidationError(CODE_ERROR, code="otp")
        return code


class ConfirmIdentityForm(forms.Form):
    """The password again (and the code, for those who use two-step verification)."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.wants_code = two_factor.enrolled(request.user)
        if self.wants_code:
            self.fields["code"] = CodeField()
            self.fields["code"].widget.attrs.pop("autofocus")

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password is None:
            return cleaned
        user = self.request.user
        # Through authenticate(), so that wrong passwords count towards the lockout (django-axes).
        if authenticate(self.request, username=user.get_username(), password=password) != user:
            self.add_error("password", _("This password is not right."))
            return cleaned
        code = cleaned.get("code")
        if self.wants_code and code and not two_factor.verify(self.request, code):
            self.add_error("code", CODE_ERROR)
        return cleaned


class TurnOffForm(forms.Form):
    """Turning two-step verification off asks for a current code."""

    code = CodeField()

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.fields["code"].widget.attrs.pop("autofocus")

    def clean_code(self):
        code = self.cleaned_data["code"]
        if not two_factor.verify(self.request, code):
            raise forms.ValidationError(CODE_ERROR, code="otp")
        return code
