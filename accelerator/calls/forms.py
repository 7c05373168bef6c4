import datetime
from decimal import Decimal

import phonenumbers
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accelerator.core.widgets import DateInput
from accelerator.programs.models import LegalForm, Province, Region, Sector

from .models import CallQuestion

HONEYPOT_FIELD = "website"
MAX_MEMBERS = 1_000_000


class HoneypotMixin(forms.Form):
    """A field people never see and robots fill in."""

    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def is_spam(self):
        return bool(self.data.get(HONEYPOT_FIELD))


class StartForm(HoneypotMixin):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send you a link to come back to your application from any device."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the program office processes the information I give for this call "
            "and contacts me about it."
        )
    )


class LinkRequestForm(HoneypotMixin):
    email = forms.EmailField(label=_("The e-mail address you applied with"), max_length=254)


def not_in_future(value):
    if value and value > timezone.localdate():
        raise forms.ValidationError(_("This date is in the future."), code="future")


registration_number_validator = RegexValidator(
    r"^[\w\s./\-]+$",
    _("Use only letters, digits, spaces and . / - in the registration number."),
)


class PhoneField(forms.CharField):
    """A phone number, read as written locally or internationally, kept in E.164 form."""

    def __init__(self, *, country, **kwargs):
        self.country = country
        kwargs.setdefault("max_length", 40)
        super().__init__(**kwargs)
        self.widget.input_type = "tel"
        self.widget.attrs.update({"autocomplete": "tel", "dir": "ltr", "inputmode": "tel"})

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        try:
            number = phonenumbers.parse(value, self.country)
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise forms.ValidationError(
                _("Enter a valid phone number, for example %(example)s.")
                % {"example": self.example()},
                code="phone",
            )
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    def example(self):
        sample = phonenumbers.example_number_for_type(
            self.country, phonenumbers.PhoneNumberType.MOBILE
        )
        return phonenumbers.format_number(sample, phonenumbers.PhoneNumberFormat.NATIONAL)


class ProvinceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


def grouped_provinces(provinces):
    """Provinces under their region, so the list reads without JavaScript."""
    groups = {}
    for province in provinces:
        groups.setdefault(province.region.name, []).append((province.pk, province.name))
    return [("", "---------"), *groups.items()]


PROFILE_SECTIONS = [
    (
        _("The cooperative"),
        [
            "legal_name",
            "registration_number",
            "registration_date",
            "legal_form",
            "sector",
            "products",
            "annual_turnover",
        ],
    ),
    (_("Where it works"), ["region", "province", "commune"]),
    (_("Members"), ["members_total", "members_women", "members_youth", "founders_count"]),
    (_("Contact person"), ["contact_name", "contact_phone", "contact_email"]),
]


class ApplicationForm(HoneypotMixin):
    """The cooperative profile every call asks, then the call's own questions."""

    legal_name = forms.CharField(
        label=_("Legal name of the cooperative"),
        max_length=255,
        help_text=_("As written on the registration certificate, in any script."),
    )
    registration_number = forms.CharField(
        label=_("Registration number"), max_length=60, validators=[registration_number_validator]
    )
    registration_date = forms.DateField(
        label=_("Date of registration"), widget=DateInput, validators=[not_in_future]
    )
    legal_form = forms.ModelChoiceField(label=_("Legal form"), queryset=LegalForm.objects.none())
    sector = forms.ModelChoiceField(
        label=_("Sector or value chain"), queryset=Sector.objects.none()
    )
    products = forms.CharField(
        label=_("Main products or services"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    annual_turnover = forms.DecimalField(
        label=_("Turnover of the last year"),
        required=False,
        min_value=Decimal(0),
        max_value=Decimal("9999999999999"),
        max_digits=15,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "dir": "ltr"}),
    )
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none())
    province = ProvinceChoiceField(label=_("Province"), queryset=Province.objects.none())
    commune = forms.CharField(label=_("Commune"), max_length=150, required=False)
    members_total = forms.IntegerField(
        label=_("Number of members"), min_value=1, max_value=MAX_MEMBERS
    )
    members_women = forms.IntegerField(label=_("of whom women"), min_value=0, max_value=MAX_MEMBERS)
    members_youth = forms.IntegerField(
        label=_("of whom young people"), min_value=0, max_value=MAX_MEMBERS
    )
    founders_count = forms.IntegerField(
        label=_("Number of founders"), min_value=1, max_value=MAX_MEMBERS
    )
    contact_name = forms.CharField(label=_("Full name"), max_length=150)
    contact_email = forms.EmailField(label=_("E-mail address"), max_length=254)

    def __init__(self, *args, call, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.language = language
        program = call.program
        regions = Region.objects.active().filter(country=program.country)
        covered = list(call.regions.all())
        if covered:
            regions = regions.filter(pk__in=[region.pk for region in covered])
        self.fields["region"].queryset = regions
        provinces = Province.objects.active().filter(region__in=regions).select_related("region")
        self.fields["province"].queryset = provinces
        self.fields["province"].choices = grouped_provinces(provinces)
        self.fields["legal_form"].queryset = LegalForm.objects.active()
        self.fields["sector"].queryset = Sector.objects.active()
        self.fields["contact_phone"] = PhoneField(label=_("Phone number"), country=program.country)
        youth_help = _("Members aged %(age)s or younger.") % {"age": program.youth_age_limit}
        self.fields["members_youth"].help_text = youth_help
        self.questions = list(call.questions.all())
        for question in self.questions:
            self.fields[question_field_name(question)] = question_field(question, language)
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.TextInput | forms.Textarea) and "dir" not in (
                field.widget.attrs
            ):
                field.widget.attrs["dir"] = "auto"
            if name == HONEYPOT_FIELD:
                field.widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean(self):
        cleaned = super().clean()
        total = cleaned.get("members_total")
        for name in ("members_women", "members_youth"):
            value = cleaned.get(name)
            if total is not None and value is not None and value > total:
                self.add_error(
                    name,
                    _("This cannot be more than the number of members (%(total)s).")
                    % {"total": total},
                )
        region, province = cleaned.get("region"), cleaned.get("province")
        if region and province and province.region_id != region.pk:
            self.add_error("province", _("This province is not in the region chosen."))
        return cleaned

    def profile_sections(self):
        return [(title, [self[name] for name in names]) for title, names in PROFILE_SECTIONS]

    def question_fields(self):
        return [(question, self[question_field_name(question)]) for question in self.questions]

    def answers(self):
        """The typed answers to the call's own questions, keyed by question key."""
        answers = {}
        for question in self.questions:
            if question.kind == CallQuestion.Kind.FILE:
                continue
            value = self.cleaned_data.get(question_field_name(question))
            if isinstance(value, Decimal):
                value = str(value)
            elif isinstance(value, datetime.date):
                value = value.isoformat()
            answers[question.key] = value
        return answers


def question_field_name(question):
    return f"q_{question.key}"


def question_field(question, language):
    label = getattr(question, f"label_{language}", None) or question.label_en
    help_text = getattr(question, f"help_text_{language}", None) or question.help_text_en or ""
    common = {"label": label, "help_text": help_text, "required": question.required}
    kind = question.kind
    Kind = CallQuestion.Kind
    if kind == Kind.SHORT_TEXT:
        return forms.CharField(max_length=255, **common)
    if kind == Kind.LONG_TEXT:
        return forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 5}), **common)
    if kind == Kind.NUMBER:
        validators = []
        if question.min_value is not None:
            validators.append(MinValueValidator(question.min_value))
        if question.max_value is not None:
            validators.append(MaxValueValidator(question.max_value))
        return forms.DecimalField(
            max_digits=15,
            decimal_places=2,
            localize=True,
            validators=validators,
            widget=forms.TextInput(attrs={"inputmode": "decimal", "dir": "ltr"}),
            **common,
        )
    if kind == Kind.DATE:
        return forms.DateField(widget=DateInput, **common)
    choices = [
        (f"c{index}", text) for index, text in enumerate(question.choice_labels(language), 1)
    ]
    if kind == Kind.SINGLE_CHOICE:
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if kind == Kind.MULTIPLE_CHOICE:
        return forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    if kind == Kind.YES_NO:
        return forms.ChoiceField(
            choices=[("yes", _("Yes")), ("no", _("No"))], widget=forms.RadioSelect, **common
        )
    # Files are checked by content in the view; a file uploaded earlier satisfies "required".
    return forms.FileField(**{**common, "required": False})
