"""What happens to a strategic diagnostic, whoever asks (field workspace, office, demo data).

Saving is a three-way merge, field by field, so that two people filling the same diagnostic
never lose each other's work. Every field of a diagnostic has a key (the name of its form
input: `level_12`, `evidence_12`, `place`, `swot_5_description`…). With each change the editor
sends the value it started from (its *base*):

- a field whose submitted value equals its base was not touched by this editor: left alone;
- a field nobody else changed (stored value == base) takes the submitted value;
- a field someone else changed meanwhile to something else is a conflict: it is not written,
  and the `Conflict` raised carries both the stored and the submitted value.

Without a base (a caller that only knows the diagnostic's `revision`), a field counts as
changed by someone else when the revision is stale and the field is no longer empty.
Everything that does not conflict is saved, in one transaction, before `Conflict` is raised.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accelerator.core import audit
from accelerator.programs.models import Program
from accelerator.selection.models import CohortMember

from .models import Answer, Diagnostic, Domain, InstrumentVersion, Question, Reopening, SwotItem

META_FIELDS = (
    "held_on",
    "place",
    "participants_women",
    "participants_men",
    "participants_youth",
)
SWOT_FIELDS = ("quadrant", "domain", "description", "priority")
ANSWER_FIELDS = ("level", "evidence")
DEFAULTS = {
    "level": None,
    "evidence": "",
    "held_on": None,
    "place": "",
    "participants_women": 0,
    "participants_men": 0,
    "participants_youth": 0,
}
NO_BASE = object()


class DiagnosticError(Exception):
    """A refusal explained to the person, in their language."""

    def __init__(self, message=""):
        super().__init__(message)
        self.message = message


class NotAllowed(DiagnosticError):
    pass


class AlreadyStarted(DiagnosticError):
    def __init__(self, existing):
        super().__init__(
            _("The %(phase)s diagnostic of this cooperative has already been started.")
            % {"phase": existing.get_phase_display().lower()}
        )
        self.existing = existing


class NoInstrument(DiagnosticError):
    pass


class ReadOnly(DiagnosticError):
    def __init__(self, diagnostic):
        super().__init__(read_only_message(diagnostic))


class WrongStatus(DiagnosticError):
    pass


class Incomplete(DiagnosticError):
    """What is missing before the diagnostic can be completed: (anchor, message) pairs, the
    anchor being a domain id or a SWOT quadrant code."""

    def __init__(self, problems):
        super().__init__(" ".join(message for _anchor, message in problems))
        self.problems = problems


@dataclass(frozen=True)
class FieldConflict:
    key: str
    kind: str
    ref: int | None
    name: str
    stored: object
    submitted: object


class Conflict(DiagnosticError):
    """Someone else changed these fields since the editor loaded them. What did not conflict
    is saved: `revision` is the diagnostic's revision after that save."""

    def __init__(self, fields, *, revision, saved):
        super().__init__(
            _(
                "Someone else changed this diagnostic while you were editing it. Choose which "
                "value to keep for the fields shown."
            )
        )
        self.fields = fields
        self.revision = revision
        self.saved = saved


@dataclass
class SaveResult:
    revision: int
    saved: list = field(default_factory=list)
    added: list = field(default_factory=list)


def read_only_message(diagnostic):
    if diagnostic.status == Diagnostic.Status.VALIDATED:
        return _(
            "This diagnostic has been validated by the program office: it can no longer be changed."
        )
    return _(
        "This diagnostic is completed: it can no longer be changed unless the program "
        "office reopens it."
    )


# Who may do what -------------------------------------------------------------------------------


def is_office(user, member):
    return Program.objects.managed_by(user).filter(pk=member.cohort.program_id).exists()


def can_start(user, member):
    """The coaches currently assigned to the cooperative, and its program's office."""
    if not user.is_authenticated:
        return False
    coached = member.coach_assignments.filter(coach=user, ended_on__isnull=True).exists()
    return coached or user.is_superuser or is_office(user, member)


def can_edit(user, diagnostic):
    return Diagnostic.objects.editable_by(user).filter(pk=diagnostic.pk).exists()


def can_validate(user, diagnostic):
    return Diagnostic.objects.of_program_office(user).filter(pk=diagnostic.pk).exists()


# Starting --------------------------------------------------------------------------------------


def current_version(member, instrument=None):
    """The version a new diagnostic uses: the one of this cooperative's earlier diagnostics
    while it is still offered (baseline and end-line then compare on every question), else the
    newest published version of that instrument, else the most recently published of any."""
    versions = InstrumentVersion.objects.usable().select_related("instrument")
    if instrument is None:
        earlier = (
            member.diagnostics.order_by("-created_at")
            .values("version", "version__instrument")
            .first()
        )
        if earlier:
            same = versions.filter(pk=earlier["version"]).first()
            if same is not None:
                return same
            instrument = earlier["version__instrument"]
    if instrument is not None:
        return versions.filter(instrument=instrument).order_by("-number").first()
    return versions.order_by("-created_at", "-pk").first()


def start_diagnostic(member, phase, *, coach, instrument=None):
    """A draft diagnostic pinned to the instrument's current published version, which is
    frozen from now on so that later diagnostics stay comparable with this one."""
    if phase not in Diagnostic.Phase.values:
        raise DiagnosticError(_("Unknown moment of the program."))
    if not can_start(coach, member):
        raise NotAllowed(_("Only a coach assigned to this cooperative can start its diagnostic."))
    with transaction.atomic():
        CohortMember.objects.select_for_update().filter(pk=member.pk).first()
        existing = member.diagnostics.filter(phase=phase).first()
        if existing is not None:
            raise AlreadyStarted(existing)
        version = current_version(member, instrument)
        if version is None:
            raise NoInstrument(
                _("No diagnostic instrument is published yet: ask the program office.")
            )
        version.freeze()
        try:
            with transaction.atomic():
                diagnostic = Diagnostic.objects.create(
                    member=member, phase=phase, version=version, coach=coach
                )
                audit.record(diagnostic, "wagtail.create", coach, {"phase": (None, phase)})
                return diagnostic
        except IntegrityError:
            raise AlreadyStarted(member.diagnostics.get(phase=phase)) from None


# Saving ----------------------------------------------------------------------------------------


def answer_key(question_id, name):
    return f"{name}_{question_id}"


def swot_key(item_id, name):
    return f"swot_{item_id}_{name}"


def _text(value):
    return (value or "").replace("\r\n", "\n").replace("\r", "\n")


def _normalise(name, value):
    if name in ("evidence", "place", "description"):
        return _text(value)
    if name == "domain":
        return getattr(value, "pk", value)
    if name == "held_on" and isinstance(value, str):
        return date.fromisoformat(value) if value else None
    if name in ("level",) and value == "":
        return None
    return value


def _decide(stored, submitted, base, *, stale, default):
    """'skip', 'apply' or 'conflict' for one field (see the module's docstring)."""
    if base is not NO_BASE and submitted == base:
        return "skip"
    if stored == submitted:
        return "skip"
    others_changed = (stale and stored != default) if base is NO_BASE else stored != base
    return "conflict" if others_changed else "apply"


def _check_answers(version, answers):
    errors = {}
    ids = set(answers)
    known = set(
        Question.objects.filter(domain__version=version, pk__in=ids).values_list("pk", flat=True)
    )
    for question_id, values in answers.items():
        if question_id not in known:
            errors[answer_key(question_id, "level")] = [
                _("This question is not part of this diagnostic.")
            ]
            continue
        level = values.get("level")
        if level is not None and level not in range(5):
            errors[answer_key(question_id, "level")] = [_("Choose a level between 0 and 4.")]
        if len(_text(values.get("evidence", ""))) > 4000:
            errors[answer_key(question_id, "evidence")] = [
                _("Keep the evidence note under 4,000 characters.")
            ]
    return errors


def _check_swot_values(values, version_domains, key):
    errors = {}
    if "quadrant" in values and values["quadrant"] not in SwotItem.Quadrant.values:
        errors[key("quadrant")] = [_("Choose a quadrant.")]
    if "priority" in values and values["priority"] not in SwotItem.Priority.values:
        errors[key("priority")] = [_("Choose a priority.")]
    if values.get("domain") is not None and values["domain"] not in version_domains:
        errors[key("domain")] = [_("This domain is not part of this diagnostic.")]
    if "description" in values:
        description = _text(values["description"]).strip()
        if not description:
            errors[key("description")] = [_("Describe the item.")]
        elif len(description) > 1000:
            errors[key("description")] = [_("Keep the description under 1,000 characters.")]
    return errors


def _check_meta(meta):
    errors = {}
    for name in ("participants_women", "participants_men", "participants_youth"):
        if name in meta and (meta[name] is None or not 0 <= meta[name] <= 32767):
            errors[name] = [_("Enter a number of people, 0 or more.")]
    if len(meta.get("place") or "") > 200:
        errors["place"] = [_("Keep the place under 200 characters.")]
    return errors


def _normalised(data):
    answers = {
        int(question_id): {
            name: _normalise(name, value) for name, value in values.items() if name in ANSWER_FIELDS
        }
        for question_id, values in (data.get("answers") or {}).items()
    }
    meta = {
        name: _normalise(name, value)
        for name, value in (data.get("meta") or {}).items()
        if name in META_FIELDS
    }
    swot = data.get("swot") or {}
    edits = {
        int(item_id): {
            name: _normalise(name, value) for name, value in values.items() if name in SWOT_FIELDS
        }
        for item_id, values in (swot.get("edit") or {}).items()
    }
    additions = [
        {name: _normalise(name, value) for name, value in values.items() if name in SWOT_FIELDS}
        for values in swot.get("add") or []
    ]
    deletions = [int(item_id) for item_id in swot.get("delete") or []]
    return answers, meta, edits, additions, deletions


def save(diagnostic, data, *, revision, user, base=None):
    """Save any subset of a diagnostic's answers, SWOT items and meta in one transaction.

    `data` = {
        "answers": {question_id: {"level": 0–4 or None, "evidence": str}},
        "meta": {"held_on", "place", "participants_women", "participants_men",
                 "participants_youth"},
        "swot": {"add": [{"quadrant", "domain", "description", "priority"}],
                 "edit": {item_id: {…same fields…}}, "delete": [item_id]},
    }, every part and field optional; `base` has the same shape ("answers", "meta", and
    "swot": {item_id: {…}} for edited or deleted items): the values the editor started from.

    Returns a SaveResult; raises ValidationError (keyed by field key) on bad values, ReadOnly
    when the diagnostic is no longer a draft, Conflict as explained in the module docstring.
    """
    if not can_edit(user, diagnostic):
        raise NotAllowed(_("Only the coaches of this cooperative can fill in its diagnostic."))
    answers, meta, edits, additions, deletions = _normalised(data)
    base_answers, base_meta, base_swot, _added, _deleted = _normalised(
        {
            "answers": (base or {}).get("answers"),
            "meta": (base or {}).get("meta"),
            "swot": {"edit": (base or {}).get("swot")},
        }
    )
    conflicts = []
    saved = []
    added = []
    with transaction.atomic():
        locked = Diagnostic.objects.select_for_update().get(pk=diagnostic.pk)
        if not locked.is_editable:
            raise ReadOnly(locked)
        stale = revision is None or int(revision) != locked.revision
        domains = set(Domain.objects.filter(version=locked.version_id).values_list("pk", flat=True))

        errors = _check_answers(locked.version_id, answers) | _check_meta(meta)
        for item_id, values in edits.items():
            errors |= _check_swot_values(values, domains, lambda name, i=item_id: swot_key(i, name))
        for position, values in enumerate(additions):
            values.setdefault("priority", SwotItem.Priority.MEDIUM)
            values.setdefault("domain", None)
            errors |= _check_swot_values(
                {"description": "", **values}, domains, lambda name, p=position: f"new_{p}_{name}"
            )
            if values.get("quadrant") not in SwotItem.Quadrant.values:
                errors[f"new_{position}_quadrant"] = [_("Choose a quadrant.")]
        if errors:
            raise ValidationError(errors)

        def decide(key, kind, ref, name, stored, submitted, base_value):
            outcome = _decide(
                stored, submitted, base_value, stale=stale, default=DEFAULTS.get(name)
            )
            if outcome == "conflict":
                conflicts.append(FieldConflict(key, kind, ref, name, stored, submitted))
            elif outcome == "apply":
                saved.append(key)
            return outcome == "apply"

        # Answers.
        stored_answers = {
            answer.question_id: answer
            for answer in Answer.objects.filter(diagnostic=locked, question_id__in=answers)
        }
        for question_id, values in answers.items():
            answer = stored_answers.get(question_id) or Answer(
                diagnostic=locked, question_id=question_id
            )
            changed = [
                name
                for name, submitted in values.items()
                if decide(
                    answer_key(question_id, name),
                    "answer",
                    question_id,
                    name,
                    _normalise(name, getattr(answer, name)),
                    submitted,
                    base_answers.get(question_id, {}).get(name, NO_BASE),
                )
            ]
            for name in changed:
                setattr(answer, name, values[name])
            if changed:
                answer.save()

        # Meta.
        meta_changed = [
            name
            for name, submitted in meta.items()
            if decide(
                name,
                "meta",
                None,
                name,
                _normalise(name, getattr(locked, name)),
                submitted,
                base_meta.get(name, NO_BASE),
            )
        ]
        for name in meta_changed:
            setattr(locked, name, meta[name])
        if locked.participants_youth > locked.participants_women + locked.participants_men:
            raise ValidationError(
                {
                    "participants_youth": [
                        _(
                            "The young people are counted among the women and men: there cannot "
                            "be more of them than women and men together."
                        )
                    ]
                }
            )

        # SWOT items.
        items = {
            item.pk: item
            for item in SwotItem.objects.filter(diagnostic=locked, pk__in=[*edits, *deletions])
        }
        for item_id, values in edits.items():
            item = items.get(item_id)
            if item is None:
                # Deleted by someone else: whatever was typed here is shown, not lost.
                for name, submitted in values.items():
                    conflicts.append(
                        FieldConflict(
                            swot_key(item_id, name), "swot", item_id, name, None, submitted
                        )
                    )
                continue
            changed = [
                name
                for name, submitted in values.items()
                if decide(
                    swot_key(item_id, name),
                    "swot",
                    item_id,
                    name,
                    _normalise(name, getattr(item, "domain_id" if name == "domain" else name)),
                    submitted,
                    base_swot.get(item_id, {}).get(name, NO_BASE),
                )
            ]
            for name in changed:
                setattr(item, "domain_id" if name == "domain" else name, values[name])
            if changed:
                item.save()
        for item_id in deletions:
            item = items.get(item_id)
            if item is None:
                continue
            seen = base_swot.get(item_id)
            edited_since = seen is not None and any(
                _normalise(name, getattr(item, "domain_id" if name == "domain" else name)) != value
                for name, value in seen.items()
            )
            if edited_since or (seen is None and stale):
                conflicts.append(
                    FieldConflict(
                        swot_key(item_id, "delete"),
                        "swot",
                        item_id,
                        "delete",
                        item.description,
                        None,
                    )
                )
                continue
            item.delete()
            saved.append(swot_key(item_id, "delete"))
        existing = set(
            SwotItem.objects.filter(diagnostic=locked).values_list("quadrant", "description")
        )
        last = SwotItem.objects.filter(diagnostic=locked).order_by("-position").first()
        position = (last.position + 1) if last else 0
        for values in additions:
            description = _text(values["description"]).strip()
            # A retried request (lost answer on a bad connection) never adds the item twice.
            if (values["quadrant"], description) in existing:
                continue
            item = SwotItem.objects.create(
                diagnostic=locked,
                quadrant=values["quadrant"],
                domain_id=values.get("domain"),
                description=description,
                priority=values["priority"],
                position=position,
            )
            existing.add((item.quadrant, description))
            position += 1
            added.append(item)

        if saved or added:
            locked.revision = F("revision") + 1
            locked.save()
            locked.refresh_from_db(fields=["revision", "updated_at"])
            audit.record(locked, "wagtail.edit", user, [*saved, *(f"swot_{i.pk}" for i in added)])
    _refresh(diagnostic, locked)
    if conflicts:
        raise Conflict(conflicts, revision=locked.revision, saved=saved)
    return SaveResult(revision=locked.revision, saved=saved, added=added)


def save_answers(diagnostic, answers, *, revision, user, base=None):
    """`save` of answers only: {question_id: {"level", "evidence"}}, base likewise."""
    return save(
        diagnostic,
        {"answers": answers},
        base={"answers": base or {}},
        revision=revision,
        user=user,
    )


def save_swot(diagnostic, *, revision, user, add=(), edit=None, delete=(), base=None):
    """`save` of SWOT items only; `base` = {item_id: {field: value seen}}."""
    return save(
        diagnostic,
        {"swot": {"add": list(add), "edit": edit or {}, "delete": list(delete)}},
        base={"swot": base or {}},
        revision=revision,
        user=user,
    )


def _refresh(diagnostic, locked):
    for name in (*META_FIELDS, "revision", "updated_at", "status"):
        setattr(diagnostic, name, getattr(locked, name))


# Workflow --------------------------------------------------------------------------------------

QUADRANT_MISSING = {
    SwotItem.Quadrant.STRENGTH: lambda: _("Add at least one strength to the SWOT matrix."),
    SwotItem.Quadrant.WEAKNESS: lambda: _("Add at least one weakness to the SWOT matrix."),
    SwotItem.Quadrant.OPPORTUNITY: lambda: _("Add at least one opportunity to the SWOT matrix."),
    SwotItem.Quadrant.THREAT: lambda: _("Add at least one threat to the SWOT matrix."),
}


def missing(diagnostic):
    """What stops the diagnostic from being completed: (anchor, message) pairs."""
    problems = []
    answered = set(
        diagnostic.answers.filter(level__isnull=False).values_list("question_id", flat=True)
    )
    for domain in diagnostic.version.domains.prefetch_related("questions"):
        left = [question for question in domain.questions.all() if question.pk not in answered]
        if left:
            problems.append(
                (
                    domain.pk,
                    ngettext(
                        "%(domain)s: %(count)s question is not answered yet.",
                        "%(domain)s: %(count)s questions are not answered yet.",
                        len(left),
                    )
                    % {"domain": domain.name, "count": len(left)},
                )
            )
    quadrants = set(diagnostic.swot_items.values_list("quadrant", flat=True))
    for quadrant, message in QUADRANT_MISSING.items():
        if quadrant not in quadrants:
            problems.append((quadrant.value, message()))
    return problems


def _transition(diagnostic, *, expected, **changes):
    """Move a locked diagnostic from one of the `expected` statuses; refreshes the caller's copy."""
    locked = Diagnostic.objects.select_for_update().get(pk=diagnostic.pk)
    if locked.status not in expected:
        return None, locked
    for name, value in changes.items():
        setattr(locked, name, value)
    locked.revision = F("revision") + 1
    locked.save()
    locked.refresh_from_db()
    for name in ("status", "revision", "completed_at", "validated_at", "validated_by_id"):
        setattr(diagnostic, name, getattr(locked, name))
    return locked, locked


@transaction.atomic
def complete(diagnostic, user):
    """Draft → completed, when every question is answered and every SWOT quadrant has an item."""
    if not can_edit(user, diagnostic):
        raise NotAllowed(_("Only the coaches of this cooperative can complete its diagnostic."))
    locked = Diagnostic.objects.select_for_update().get(pk=diagnostic.pk)
    if not locked.is_editable:
        raise ReadOnly(locked)
    problems = missing(locked)
    if problems:
        raise Incomplete(problems)
    _transition(
        diagnostic,
        expected=[Diagnostic.Status.DRAFT],
        status=Diagnostic.Status.COMPLETED,
        completed_at=timezone.now(),
    )
    audit.record(diagnostic, "accelerator.complete", user, {"status": ("draft", "completed")})
    return diagnostic


@transaction.atomic
def validate(diagnostic, user):
    """Completed → validated, by the office of the cooperative's program."""
    if not can_validate(user, diagnostic):
        raise NotAllowed(_("Only the office of this program can validate its diagnostics."))
    done, locked = _transition(
        diagnostic,
        expected=[Diagnostic.Status.COMPLETED],
        status=Diagnostic.Status.VALIDATED,
        validated_at=timezone.now(),
        validated_by=user,
    )
    if done is None:
        raise WrongStatus(_("Only a completed diagnostic can be validated."))
    audit.record(diagnostic, "accelerator.validate", user, {"status": ("completed", "validated")})
    return diagnostic


@transaction.atomic
def reopen(diagnostic, user, reason):
    """Completed or validated → draft again, recorded with who and why."""
    if not can_validate(user, diagnostic):
        raise NotAllowed(_("Only the office of this program can reopen its diagnostics."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why the diagnostic is reopened.")]})
    previous = Diagnostic.objects.select_for_update().get(pk=diagnostic.pk).status
    done, locked = _transition(
        diagnostic,
        expected=[Diagnostic.Status.COMPLETED, Diagnostic.Status.VALIDATED],
        status=Diagnostic.Status.DRAFT,
        completed_at=None,
        validated_at=None,
        validated_by=None,
    )
    if done is None:
        raise WrongStatus(_("This diagnostic is already open for editing."))
    audit.record(diagnostic, "accelerator.reopen", user, {"status": (previous, "draft")})
    return Reopening.objects.create(
        diagnostic=locked, reopened_by=user, reason=reason, previous_status=previous
    )
