from django import forms
from django.utils.translation import gettext_lazy as _

from accelerator.calls.forms import HoneypotMixin


class PortalLinkForm(HoneypotMixin):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
