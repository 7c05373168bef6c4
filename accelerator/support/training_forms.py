"""Forms of collective training: a participant on a session's attendance list, the upload of a
filled sheet (workspace and admin), and the office's session form."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from accelerator.core.backoffice.forms import TranslatedModelForm
from accelerator.programs.models import Membership, Program
from accelerator.selection.models import CohortMember

from . import attendance_import
from .models import Attendance, TrainingSession
from .training import AGE_MAX, AGE_MIN, SCORE_MAX, sessions_upstream


class InvitedCooperativeField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.cooperative.legal_name


class AttendanceForm(forms.ModelForm):
    """One participant; the cooperative is chosen among those invited to the session."""

    class Meta:
        model = Attendance
        fields = ["full_name", "member", "sex", "age", "role", "present", "pre_test", "post_test"]
        field_classes = {"member": InvitedCooperativeField}
        widgets = {
            "sex": forms.RadioSelect,
            "full_name": forms.TextInput(attrs={"dir": "auto", "autocomplete": "off"}),
        }

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session
        self.instance.session = session
        invited = session.invited.select_related("cooperative").order_by("cooperative__legal_name")
        member = self.fields["member"]
        member.queryset = invited
        member.required = bool(invited)
        member.error_messages["invalid_choice"] = _(
            "Choose one of the cooperatives invited to this session."
        )
        self.fields["sex"].choices = Attendance.Sex.choices
        bound_numbers(self)

    def clean(self):
        cleaned = super().clean()
        refuse_duplicate(self, self.session, cleaned)
        return cleaned


def bound_numbers(form):
    """Age and test scores within their ranges, on the server and in the phone's keyboard."""
    age = form.fields["age"]
    age.widget.attrs.update(min=AGE_MIN, max=AGE_MAX, inputmode="numeric")
    age.validators += [MinValueValidator(AGE_MIN), MaxValueValidator(AGE_MAX)]
    age.help_text = _("Leave empty when unknown.")
    for name in ("pre_test", "post_test"):
        score = form.fields[name]
        score.widget.attrs.update(min=0, max=SCORE_MAX, inputmode="numeric")
        score.validators.append(MaxValueValidator(SCORE_MAX))


def refuse_duplicate(form, session, cleaned):
    """The same person (name and cooperative) only once on a session's list."""
    name, member = cleaned.get("full_name"), cleaned.get("member")
    if not name:
        return
    duplicates = session.attendance.filter(full_name__iexact=name.strip(), member=member)
    if duplicates.exclude(pk=form.instance.pk).exists():
        form.add_error("full_name", _("This person is already on the session's attendance list."))


class SheetUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Filled attendance sheet (XLSX or CSV)"),
        help_text=gettext_lazy(
            "Nothing is imported until every row is right: each problem is listed with its row "
            "number."
        ),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,.csv,application/vnd.openxmlformats-officedocument"
                ".spreadsheetml.sheet,text/csv"
            }
        ),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        self.sheet = attendance_import.read_sheet(uploaded)
        return uploaded


# The office's session form (Wagtail admin) ----------------------------------------------------


class InvitedChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.cooperative.legal_name


class TrainedTrainerChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        session = obj.session
        return _("%(name)s — trained in %(module)s (%(date)s)") % {
            "name": obj.full_name,
            "module": session.module,
            "date": date_format(session.starts_on, "SHORT_DATE_FORMAT"),
        }


class TrainingSessionForm(TranslatedModelForm):
    """Choices narrowed to the programs the person manages: cohorts, their trainers, the
    cooperatives of the session's cohort and the people trained in its program's trainings of
    trainers."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        programs = Program.objects.managed_by(self.for_user)
        cohort = self.instance.cohort if self.instance.cohort_id else None
        if "cohort" in self.fields:
            self.fields["cohort"].queryset = self.fields["cohort"].queryset.filter(
                program__in=programs
            )
        if "trainer" in self.fields:
            trainers = Membership.objects.filter(
                program__in=[cohort.program_id] if cohort else programs,
                role=Membership.Role.TRAINER,
            ).values("user")
            field = self.fields["trainer"]
            field.queryset = field.queryset.filter(pk__in=trainers).order_by(
                "first_name", "last_name", "username"
            )
            field.label_from_instance = lambda user: user.get_full_name() or user.get_username()
        if "invited" in self.fields:
            members = CohortMember.objects.active().select_related("cooperative")
            members = (
                members.filter(cohort=cohort)
                if cohort
                else members.filter(cohort__program__in=programs)
            )
            self.fields["invited"] = InvitedChoices(
                queryset=members.order_by("cooperative__legal_name"),
                required=False,
                label=self.fields["invited"].label,
                widget=forms.CheckboxSelectMultiple,
                help_text=_("The cooperatives of the session's cohort."),
            )
        if "trained_trainer" in self.fields:
            trained = Attendance.objects.filter(
                present=True, session__is_training_of_trainers=True
            ).select_related("session__module", "session__cohort")
            if cohort:
                trained = trained.filter(session__cohort__program_id=cohort.program_id)
            else:
                trained = trained.filter(session__cohort__program__in=programs)
            if self.instance.pk:
                trained = trained.exclude(session=self.instance)
            field = self.fields["trained_trainer"]
            self.fields["trained_trainer"] = TrainedTrainerChoice(
                queryset=trained.order_by("full_name", "pk"),
                required=False,
                label=field.label,
                help_text=field.help_text,
            )

    def clean(self):
        cleaned = super().clean()
        cohort = cleaned.get("cohort")
        if cohort is None:
            return cleaned
        invited = cleaned.get("invited")
        if invited and any(member.cohort_id != cohort.pk for member in invited):
            self.add_error("invited", _("Invite only cooperatives of the session's cohort."))
        trainer = cleaned.get("trainer")
        if (
            trainer is not None
            and not Membership.objects.filter(
                program_id=cohort.program_id, user=trainer, role=Membership.Role.TRAINER
            ).exists()
        ):
            self.add_error("trainer", _("This person is not a trainer of the cohort's program."))
        trained = cleaned.get("trained_trainer")
        if trained is not None:
            if trained.session.cohort.program_id != cohort.program_id:
                self.add_error(
                    "trained_trainer",
                    _("Choose a person trained in a training of trainers of this program."),
                )
            elif self.instance.pk and self.instance.pk in sessions_upstream(trained):
                self.add_error(
                    "trained_trainer",
                    _("This person was trained in this session or in one it led to."),
                )
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The last day must come after the first."))
        return cleaned


class AttendanceAdminForm(WagtailAdminModelForm):
    """A participant edited by the office: sessions of the programs they manage, the
    cooperative among those invited to the session."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        programs = Program.objects.managed_by(self.for_user)
        self.fields["session"].queryset = TrainingSession.objects.filter(
            cohort__program__in=programs
        ).select_related("module")
        self.fields["member"] = InvitedCooperativeField(
            queryset=CohortMember.objects.filter(cohort__program__in=programs)
            .select_related("cooperative")
            .order_by("cooperative__legal_name"),
            required=False,
            label=self.fields["member"].label,
        )
        bound_numbers(self)

    def clean(self):
        cleaned = super().clean()
        session, member = cleaned.get("session"), cleaned.get("member")
        if session is None:
            return cleaned
        invited = session.invited.all()
        if member is not None and member not in invited:
            self.add_error("member", _("Choose one of the cooperatives invited to this session."))
        elif member is None and invited.exists():
            self.add_error("member", _("Choose the participant's cooperative."))
        refuse_duplicate(self, session, cleaned)
        return cleaned
