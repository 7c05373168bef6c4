"""The audit log: who changed what, and when, in Wagtail's own log (`wagtail.models.ModelLogEntry`).

Services call `record(instance, action, user, changes)` once the change is made, inside its
transaction: a change rolled back leaves no entry. Each entry keeps the names of the fields that
changed and, for small values that say nothing about a person (statuses, choices, numbers,
dates, yes/no, ids), the old and the new value; never free text, names, e-mails, passwords or
file contents. Each entry also keeps the id of the program it belongs to, so that the program
administrators' report lists their programs' entries only.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.actions.create import CreateAction
from wagtail.actions.delete import DeleteAction
from wagtail.actions.edit import EditAction
from wagtail.log_actions import log

#: Where each audited model finds its program (a lookup path from the model).
PROGRAM_OF = {
    "calls.application": "call__program",
    "selection.decision": "application__call__program",
    "reviews.review": "application__call__program",
    "diagnostics.diagnostic": "member__cohort__program",
    "diagnostics.developmentplan": "member__cohort__program",
    "support.coachingvisit": "member__cohort__program",
    "support.coachassignment": "member__cohort__program",
}

#: Our actions, beside Wagtail's own wagtail.create, wagtail.edit and wagtail.delete.
ACTIONS = {
    "accelerator.submit": _("Submitted"),
    "accelerator.decide": _("Decision recorded"),
    "accelerator.eligibility_override": _("Eligibility result replaced"),
    "accelerator.review_save": _("Scores saved"),
    "accelerator.review_submit": _("Review submitted"),
    "accelerator.review_conflict": _("Conflict of interest declared"),
    "accelerator.complete": _("Completed"),
    "accelerator.validate": _("Validated"),
    "accelerator.reopen": _("Reopened"),
    "accelerator.approve": _("Approved"),
    "accelerator.return": _("Returned with comments"),
    "accelerator.personal_data_export": _("Personal data exported"),
    "accelerator.anonymise": _("Personal data erased"),
}

#: Field types whose values are logged: they describe a state, never a person.
VALUE_FIELDS = (
    models.BooleanField,
    models.IntegerField,
    models.DecimalField,
    models.FloatField,
    models.DateField,
    models.ForeignKey,
)


def register_log_actions(actions):
    """For Wagtail's `register_log_actions` hook."""
    for code, label in ACTIONS.items():
        actions.register_action(code, label, label)


def program_of(instance):
    path = PROGRAM_OF.get(instance._meta.label_lower)
    if path is None or instance.pk is None:
        return None
    return (
        type(instance)._default_manager.filter(pk=instance.pk).values_list(path, flat=True).first()
    )


def _plain(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _value_is_loggable(model, name):
    """A model field's value is kept when it is a code or a number; the values of a name that
    is no field of the model (`status_of_application`…) are kept as the caller gives them."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return True
    return bool(field.choices) or isinstance(field, VALUE_FIELDS)


def describe(model, changes):
    """{"fields": [names], "values": {name: [old, new]}} for `changes`: a list of names, or a dict
    name → (old, new), or name → None when only the name may be told. Only loggable values
    are kept."""
    if not isinstance(changes, dict):
        return {"fields": sorted(changes)}
    values = {
        name: [_plain(change[0]), _plain(change[1])]
        for name, change in changes.items()
        if change is not None and _value_is_loggable(model, name)
    }
    return {"fields": sorted(changes), "values": values}


def differences(before, after):
    """name → (old, new) for the names whose value differs between two {name: value} dicts."""
    return {
        name: (before.get(name), value)
        for name, value in after.items()
        if before.get(name) != value
    }


def values_of(instance, names):
    return {name: getattr(instance, name) for name in names}


def model_changes(instance, before, prefix=""):
    """The fields of `instance` whose value differs from `before` ({name: value}), each with
    (old, new) when its values may be logged, None otherwise; names start with `prefix`."""
    return {
        f"{prefix}{name}": (old, getattr(instance, name))
        if _value_is_loggable(type(instance), name)
        else None
        for name, old in before.items()
        if getattr(instance, name) != old
    }


def record(instance, action, user=None, changes=None, *, program=None, deleted=False, **extra):
    """Write one entry for `instance`. `extra` lands in the entry's data: ids and codes only."""
    data = dict(extra)
    program = program if program is not None else program_of(instance)
    if program is not None:
        data["program"] = program
    if changes:
        data.update(describe(type(instance), changes))
    if user is not None and not user.is_authenticated:
        user = None
    return log(instance, action, user=user, data=data, deleted=deleted)


def form_changes(form):
    """name → (old, new) of the fields a bound model form changed (None without a form)."""
    if form is None:
        return None
    return {
        name: (form.initial.get(name), form.cleaned_data.get(name)) for name in form.changed_data
    }


# Wagtail's create, edit and delete actions, logging the program and the fields changed: the
# admin screens of an audited model use them once registered (`register_audited_actions`).


class AuditedCreateAction(CreateAction):
    def __init__(self, instance, user=None, *, log_action="wagtail.create", **kwargs):
        super().__init__(instance, user, log_action=None, **kwargs)
        self.audit_action = log_action

    def execute(self, skip_permission_checks=False):
        with transaction.atomic():
            instance = super().execute(skip_permission_checks=skip_permission_checks)
            if self.audit_action:
                record(instance, self.audit_action, self.user, form_changes(self.form))
        return instance


class AuditedEditAction(EditAction):
    def __init__(self, instance, user=None, *, log_action="wagtail.edit", **kwargs):
        super().__init__(instance, user, log_action=None, **kwargs)
        self.audit_action = log_action

    def execute(self, skip_permission_checks=False):
        with transaction.atomic():
            instance = super().execute(skip_permission_checks=skip_permission_checks)
            if self.audit_action:
                record(instance, self.audit_action, self.user, form_changes(self.form))
        return instance


class AuditedDeleteAction(DeleteAction):
    def __init__(self, instance, user=None, *, log_action="wagtail.delete"):
        super().__init__(instance, user, log_action=None)
        self.audit_action = log_action

    def execute(self, skip_permission_checks=False):
        with transaction.atomic():
            if self.audit_action:
                # Before deleting, while the program can still be found.
                record(self.instance, self.audit_action, self.user, deleted=True)
            return super().execute(skip_permission_checks=skip_permission_checks)


def register_audited_actions(registry, model):
    """For Wagtail's `register_actions` hook: the model's admin saves are audited."""
    for action_class in (AuditedCreateAction, AuditedEditAction, AuditedDeleteAction):
        registry.register(model, action_class)
