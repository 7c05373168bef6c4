from django import forms
from django.utils.translation import gettext_lazy as _


class CooperativeSearchForm(forms.Form):
    q = forms.CharField(label=_("Cooperative: name or registration number"), max_length=150)


class PersonForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    name = forms.CharField(
        label=_("Full name"),
        required=False,
        max_length=200,
        help_text=_("To find the training attendance lists that name this person."),
    )


class ErasureForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for erasing"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text=_("Kept in the audit log, e.g. the date and channel of the request."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that names, contact details, notes and files cannot be restored.")
    )
