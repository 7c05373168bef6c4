"""Forms of the diagnostic. Every editable field is named by its key in `services.save` and
carries its base value in a hidden `initial-<key>` input (Django's show_hidden_initial), so a
plain form post and the autosave script merge other people's changes the same way."""

import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accelerator.core.widgets import DateInput

from .models import Diagnostic, Question, SwotItem
from .services import META_FIELDS, NO_BASE, SWOT_FIELDS

ANSWER_KEY = re.compile(r"^(level|evidence)_(\d+)$")
SWOT_KEY = re.compile(r"^swot_(\d+)_(quadrant|domain|description|priority)$")


def parse_key(key):
    """(kind, ref, name) of a field key, or None when the key names no field."""
    if match := ANSWER_KEY.match(key):
        return "answer", int(match[2]), match[1]
    if match := SWOT_KEY.match(key):
        return "swot", int(match[1]), match[2]
    if key in META_FIELDS:
        return "meta", None, key
    return None


def level_choices(question):
    return [(level, text) for level, text in question.descriptors()]


def domain_choices(diagnostic):
    return [("", _("No particular domain"))] + [
        (domain.pk, domain.name) for domain in diagnostic.version.domains.all()
    ]


class DiagnosticFieldsForm(forms.Form):
    """Any set of fields of one diagnostic: the questions of a domain, the meta, the SWOT items,
    or whatever keys an autosave request carries."""

    def __init__(
        self,
        *args,
        diagnostic,
        questions=(),
        answers=None,
        meta=False,
        items=(),
        item_ids=(),
        **kwargs,
    ):
        self.diagnostic = diagnostic
        initial = kwargs.pop("initial", {})
        super().__init__(*args, initial=initial, **kwargs)
        answers = answers or {}
        for question in questions:
            answer = answers.get(question.pk)
            self.fields[f"level_{question.pk}"] = forms.TypedChoiceField(
                label=question.text,
                choices=level_choices(question),
                widget=forms.RadioSelect,
                coerce=int,
                empty_value=None,
                required=False,
                show_hidden_initial=True,
            )
            self.fields[f"evidence_{question.pk}"] = forms.CharField(
                label=_("Evidence seen"),
                help_text=question.evidence_hint,
                widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
                max_length=4000,
                required=False,
                strip=False,
                show_hidden_initial=True,
            )
            self.initial.setdefault(f"level_{question.pk}", answer.level if answer else None)
            self.initial.setdefault(f"evidence_{question.pk}", answer.evidence if answer else "")
        if meta:
            self.fields.update(meta_fields())
            for name in META_FIELDS:
                self.initial.setdefault(name, getattr(diagnostic, name))
        swot_domains = domain_choices(diagnostic) if (items or item_ids) else []
        for item in items:
            self._add_swot_fields(item.pk, swot_domains)
            for name in SWOT_FIELDS:
                attribute = "domain_id" if name == "domain" else name
                self.initial.setdefault(f"swot_{item.pk}_{name}", getattr(item, attribute))
        for item_id in item_ids:
            self._add_swot_fields(item_id, swot_domains)

    def _add_swot_fields(self, item_id, domains):
        prefix = f"swot_{item_id}_"
        self.fields[prefix + "description"] = forms.CharField(
            label=_("Description"),
            widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
            max_length=1000,
            show_hidden_initial=True,
        )
        self.fields[prefix + "quadrant"] = forms.ChoiceField(
            label=_("Quadrant"), choices=SwotItem.Quadrant.choices, show_hidden_initial=True
        )
        self.fields[prefix + "domain"] = forms.TypedChoiceField(
            label=_("Domain"),
            choices=domains,
            coerce=int,
            empty_value=None,
            required=False,
            show_hidden_initial=True,
        )
        self.fields[prefix + "priority"] = forms.ChoiceField(
            label=_("Priority"), choices=SwotItem.Priority.choices, show_hidden_initial=True
        )

    @classmethod
    def for_keys(cls, diagnostic, keys, data):
        """A form with exactly the fields named by `keys` (an autosave request); unknown keys
        are reported as a form error."""
        parsed = {key: parse_key(key) for key in keys}
        question_ids = {
            ref for kind, ref, _name in filter(None, parsed.values()) if kind == "answer"
        }
        item_ids = {ref for kind, ref, _name in filter(None, parsed.values()) if kind == "swot"}
        questions = Question.objects.filter(
            domain__version=diagnostic.version_id, pk__in=question_ids
        )
        form = cls(
            data,
            diagnostic=diagnostic,
            questions=questions,
            meta=any(kind == "meta" for kind, _ref, _name in filter(None, parsed.values())),
            item_ids=sorted(item_ids),
        )
        for name in list(form.fields):
            if name not in parsed:
                del form.fields[name]
        form.unknown = [
            key for key, value in parsed.items() if value is None or key not in form.fields
        ]
        return form

    def clean(self):
        cleaned = super().clean()
        if getattr(self, "unknown", None):
            raise ValidationError(_("Some of the fields sent are not part of this diagnostic."))
        return cleaned

    def base_value(self, name):
        """The value the editor started from, as sent in `initial-<name>`; NO_BASE if absent."""
        raw = self.data.get(self.add_initial_prefix(name))
        if raw is None:
            return NO_BASE
        field = self.fields[name]
        try:
            return field.clean(raw)
        except ValidationError:
            return NO_BASE if raw else None

    def changes(self):
        """(data, base) for `services.save`, from a valid form."""
        data = {"answers": {}, "meta": {}, "swot": {"edit": {}}}
        base = {"answers": {}, "meta": {}, "swot": {}}
        for name in self.fields:
            kind, ref, field_name = parse_key(name)
            value = self.cleaned_data.get(name)
            start = self.base_value(name)
            if kind == "answer":
                data["answers"].setdefault(ref, {})[field_name] = value
                target = base["answers"].setdefault(ref, {})
            elif kind == "swot":
                data["swot"]["edit"].setdefault(ref, {})[field_name] = value
                target = base["swot"].setdefault(ref, {})
            else:
                data["meta"][field_name] = value
                target = base["meta"]
            if start is not NO_BASE:
                target[field_name] = start
        return data, base

    def rebased_data(self, conflicts):
        """The posted data with the stored values of the conflicting fields as their base:
        posting it again keeps what this editor typed, on purpose this time."""
        data = self.data.copy()
        for conflict in conflicts:
            if conflict.key in self.fields:
                stored = "" if conflict.stored is None else conflict.stored
                data[self.add_initial_prefix(conflict.key)] = str(stored)
        return data

    def answer_rows(self, questions):
        """One row per question for the template: its fields, and the stored answer to show
        when the diagnostic is read-only."""
        rows = []
        for question in questions:
            level = self.initial.get(f"level_{question.pk}")
            rows.append(
                AnswerRow(
                    question=question,
                    level=self[f"level_{question.pk}"],
                    evidence=self[f"evidence_{question.pk}"],
                    stored_level=level,
                    stored_descriptor=question.descriptors()[level][1] if level is not None else "",
                    stored_evidence=self.initial.get(f"evidence_{question.pk}", ""),
                )
            )
        return rows


@dataclass(frozen=True)
class AnswerRow:
    question: Question
    level: forms.BoundField
    evidence: forms.BoundField
    stored_level: int | None
    stored_descriptor: str
    stored_evidence: str


def meta_fields():
    return {
        "held_on": forms.DateField(
            label=_("Date of the diagnostic"),
            required=False,
            widget=DateInput,
            show_hidden_initial=True,
        ),
        "place": forms.CharField(
            label=_("Place"),
            max_length=200,
            required=False,
            widget=forms.TextInput(attrs={"dir": "auto"}),
            show_hidden_initial=True,
        ),
        "participants_women": _count(_("Women taking part")),
        "participants_men": _count(_("Men taking part")),
        "participants_youth": _count(
            _("Of whom young people"), _("Young women and men, counted among the women and men.")
        ),
    }


def _count(label, help_text=""):
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        min_value=0,
        max_value=32767,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        show_hidden_initial=True,
    )


class SwotItemForm(forms.ModelForm):
    """A new SWOT item, added to one quadrant."""

    class Meta:
        model = SwotItem
        fields = ["description", "domain", "priority"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2, "dir": "auto"})}

    def __init__(self, *args, diagnostic, quadrant, **kwargs):
        super().__init__(*args, prefix=f"add-{quadrant}", **kwargs)
        self.quadrant = quadrant
        self.fields["domain"].queryset = diagnostic.version.domains.all()
        self.fields["domain"].empty_label = _("No particular domain")
        self.fields["description"].label = _("New item")
        for field in self.fields.values():
            # The inputs sit inside the quadrant, in the middle of the page's main form, but
            # belong to this small form of their own (HTML form="" attribute).
            field.widget.attrs["form"] = self.html_id

    @property
    def html_id(self):
        return f"add-{self.quadrant}"

    def as_data(self):
        values = self.cleaned_data
        return {
            "quadrant": self.quadrant,
            "domain": values["domain"].pk if values["domain"] else None,
            "description": values["description"],
            "priority": values["priority"],
        }


class StartForm(forms.Form):
    phase = forms.ChoiceField(choices=Diagnostic.Phase.choices)


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the diagnostic reopened?"),
        help_text=_("The coach sees this reason; it is kept with the diagnostic's history."),
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        max_length=2000,
    )
