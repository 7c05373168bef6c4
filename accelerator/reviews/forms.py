from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .services import display_name, own_region, reviewer_memberships


def score_field_name(criterion):
    return f"score_{criterion.pk}"


def comment_field_name(criterion):
    return f"comment_{criterion.pk}"


class ScoreForm(forms.Form):
    """The scoring grid: a 0..scale choice and a comment per criterion, then an overall comment.

    Scores may stay empty while the reviewer saves a draft; submitting requires them all, which
    the service checks, so every entry point obeys the same rule."""

    overall_comment = forms.CharField(
        label=_("Overall comment"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[score_field_name(criterion)] = forms.TypedChoiceField(
                label=_("Score"),
                choices=[(value, str(value)) for value in criterion.scale],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect(
                    attrs={
                        "data-review-score": "",
                        "data-weight": criterion.weight,
                        "data-scale-max": criterion.scale_max,
                    }
                ),
            )
            self.fields[comment_field_name(criterion)] = forms.CharField(
                label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
            )

    def rows(self):
        """Each criterion with its two fields, in the grid's order."""
        return [
            (criterion, self[score_field_name(criterion)], self[comment_field_name(criterion)])
            for criterion in self.criteria
        ]

    def scores(self):
        return {c.pk: self.cleaned_data.get(score_field_name(c)) for c in self.criteria}

    def comments(self):
        return {c.pk: self.cleaned_data.get(comment_field_name(c), "") for c in self.criteria}

    def add_service_errors(self, error):
        """Errors of the service, keyed by criterion id, next to the criterion they concern."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for key, messages in error.error_dict.items():
            criterion = next((c for c in self.criteria if c.pk == key), None)
            self.add_error(score_field_name(criterion) if criterion else None, messages)


class ConflictForm(forms.Form):
    reason = forms.CharField(
        label=_("What links you to this cooperative?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Family, work, business or any interest in its success. The application will be "
            "given to another reviewer and your scores, if any, will not count."
        ),
    )


class ReviewerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return display_name(obj)


class AssignReviewersForm(forms.Form):
    """The reviewers an office member can still add to an application: those of its program
    not already on it and, when the call says so, not from its region."""

    reviewers = ReviewerChoiceField(
        label=_("Reviewers"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        taken = set(application.reviews.values_list("reviewer_id", flat=True))
        allowed = [
            membership.user_id
            for membership in reviewer_memberships(application.call.program)
            if membership.user_id not in taken
            and not own_region(application.call, membership, application)
        ]
        self.fields["reviewers"].queryset = (
            get_user_model()
            .objects.filter(pk__in=allowed)
            .order_by("last_name", "first_name", "pk")
        )
