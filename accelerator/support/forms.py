"""Forms of the coaching visit log. The visit's rules live in `visits.check_visit`, so the form,
its autosave and any import apply the same ones."""

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from accelerator.calls.models import FileType
from accelerator.calls.validators import CONTENT_TYPES, check_upload
from accelerator.core.widgets import DateInput
from diagnostics.models import PlanAction

from . import visits
from .compliance import DEFAULT_NOT_VISITED_DAYS
from .models import CoachingVisit

#: Photos and documents a visit keeps.
ATTACHMENT_TYPES = (FileType.JPEG, FileType.PNG, FileType.PDF)
ATTACHMENT_MAX_SIZE = 10 * 1024 * 1024
ATTACHMENTS_PER_VISIT = 20
#: Blank follow-up rows offered without JavaScript (with it, rows are added at will).
BLANK_FOLLOW_UPS = 3


def _number(**attrs):
    return forms.NumberInput(attrs={"min": 0, "step": 1, "inputmode": "numeric", **attrs})


def _text(rows=4):
    return forms.Textarea(attrs={"rows": rows, "dir": "auto"})


class VisitForm(forms.ModelForm):
    revision = forms.IntegerField(required=False, widget=forms.HiddenInput)
    draft_key = forms.UUIDField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = CoachingVisit
        fields = visits.VISIT_FIELDS
        widgets = {
            "visited_on": DateInput,
            "next_visit_on": DateInput,
            "mode": forms.RadioSelect,
            "duration_minutes": _number(max=1440),
            "attendees_women": _number(),
            "attendees_men": _number(),
            "attendees_youth": _number(),
            "topics": _text(),
            "advice": _text(),
            "decisions": _text(),
        }

    def clean_duration_minutes(self):
        minutes = self.cleaned_data["duration_minutes"]
        if not minutes:
            raise ValidationError(_("A visit lasts at least a minute."))
        return minutes

    def clean(self):
        data = super().clean()
        try:
            visits.check_visit(data)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                if field not in self.errors:
                    self.add_error(field, messages)
        return data


class ActionRowForm(forms.Form):
    """One action of the cooperative's plan: worked on at this visit, its status and progress."""

    action = forms.IntegerField(widget=forms.HiddenInput)
    worked_on = forms.BooleanField(label=_("Worked on at this visit"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=PlanAction.Status.choices)
    progress = forms.IntegerField(
        label=_("Progress (%)"),
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1, "inputmode": "numeric"}),
    )
    initial_status = forms.CharField(widget=forms.HiddenInput)
    initial_progress = forms.IntegerField(widget=forms.HiddenInput)

    def update(self):
        data = self.cleaned_data
        return visits.ActionUpdate(
            action_id=data["action"],
            worked_on=data["worked_on"],
            status=data["status"],
            progress=data["progress"],
            initial_status=data["initial_status"],
            initial_progress=data["initial_progress"],
        )


class BaseActionRows(forms.BaseFormSet):
    """The plan's actions, one row each, in plan order; `form.plan_action` is the PlanAction."""

    def __init__(self, *args, actions, visit=None, **kwargs):
        self.actions = list(actions)
        worked_on = {action.pk for action in visit.plan_actions.all()} if visit else set()
        kwargs["initial"] = [
            {
                "action": action.pk,
                "worked_on": action.pk in worked_on,
                "status": action.status,
                "progress": action.progress,
                "initial_status": action.status,
                "initial_progress": action.progress,
            }
            for action in self.actions
        ]
        super().__init__(*args, **kwargs)
        by_id = {action.pk: action for action in self.actions}
        for form in self.forms:
            form.plan_action = by_id.get(_int(form["action"].value()))

    def total_form_count(self):
        # Posted: the rows the form showed (the plan may have changed since; rows are matched by
        # the action's id). Shown: one row per action.
        return super().total_form_count() if self.is_bound else len(self.actions)

    def updates(self):
        known = {action.pk for action in self.actions}
        return [form.update() for form in self.forms if form.cleaned_data.get("action") in known]


ActionRows = forms.formset_factory(ActionRowForm, formset=BaseActionRows, extra=0)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class FollowUpRowForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    description = forms.CharField(
        label=_("What"),
        max_length=500,
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    owner = forms.CharField(
        label=_("Who"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    due_on = forms.DateField(label=_("By"), required=False, widget=DateInput)
    done = forms.BooleanField(label=_("Done"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("DELETE"):
            return data
        if data.get("description"):
            if not data.get("owner") and "owner" not in self.errors:
                self.add_error("owner", _("Say who will do it."))
            if not data.get("due_on") and "due_on" not in self.errors:
                self.add_error("due_on", _("Say by when."))
        elif data.get("owner") or data.get("due_on"):
            self.add_error("description", _("Say what is to be done."))
        return data

    def row(self):
        data = self.cleaned_data
        return visits.FollowUpRow(
            key=self.prefix,
            follow_up_id=data.get("id"),
            description=data.get("description", ""),
            owner=data.get("owner", ""),
            due_on=data.get("due_on"),
            done=data.get("done", False),
            delete=data.get("DELETE", False),
        )


class BaseFollowUpRows(forms.BaseFormSet):
    def rows(self):
        return [form.row() for form in self.forms if form.cleaned_data]


FollowUpRows = forms.formset_factory(
    FollowUpRowForm, formset=BaseFollowUpRows, extra=BLANK_FOLLOW_UPS, can_delete=True
)


def follow_up_initial(visit):
    if visit is None:
        return []
    return [
        {
            "id": follow_up.pk,
            "description": follow_up.description,
            "owner": follow_up.owner,
            "due_on": follow_up.due_on,
            "done": follow_up.done_on is not None,
        }
        for follow_up in visit.follow_ups.all()
    ]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Photos (JPEG, PNG) and documents (PDF), each checked by its content and its size."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = "image/jpeg,image/png,application/pdf"

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        checked, errors = [], []
        for uploaded in files:
            super().clean(uploaded, initial)
            try:
                kind, _digest = check_upload(uploaded, ATTACHMENT_TYPES, ATTACHMENT_MAX_SIZE)
            except ValidationError as error:
                errors.extend(
                    ValidationError(
                        _("%(name)s: %(reason)s"), params={"name": uploaded.name, "reason": message}
                    )
                    for message in error.messages
                )
                continue
            checked.append((uploaded, CONTENT_TYPES[kind]))
        if errors:
            raise ValidationError(errors)
        return checked


class AttachmentsForm(forms.Form):
    attachments = AttachmentsField(label=_("Photos and documents"))

    def __init__(self, *args, already=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.already = already
        self.fields["attachments"].help_text = _(
            "Photos (JPEG, PNG) and documents (PDF), up to %(size)s each."
        ) % {"size": filesizeformat(ATTACHMENT_MAX_SIZE)}

    def clean_attachments(self):
        files = self.cleaned_data["attachments"]
        if self.already + len(files) > ATTACHMENTS_PER_VISIT:
            raise ValidationError(
                _("A visit keeps at most %(count)s files.") % {"count": ATTACHMENTS_PER_VISIT}
            )
        return files


class NotVisitedForm(forms.Form):
    days = forms.IntegerField(
        label=_("Not visited for (days)"),
        min_value=1,
        max_value=3650,
        initial=DEFAULT_NOT_VISITED_DAYS,
        widget=forms.NumberInput(attrs={"min": 1, "step": 1, "inputmode": "numeric"}),
    )
