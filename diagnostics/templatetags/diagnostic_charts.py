from django import template
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from diagnostics.charts import Series, radar_svg
from diagnostics.models import Diagnostic

register = template.Library()


@register.simple_tag
def results_radar(results, size=300):
    """The radar chart of a diagnostic's results; with a baseline, both moments on one chart
    (this diagnostic solid, the baseline dashed).

    Needs at least three domains; with fewer, nothing is drawn and the data table says it all.
    """
    if len(results.scores) < 3:
        return ""
    labels = [item.domain.name for item in results.scores]
    series = [
        Series(
            name=results.diagnostic.get_phase_display(),
            values=[item.score for item in results.scores],
        )
    ]
    if results.changes is not None:
        before = {change.code: change.before for change in results.changes}
        series.append(
            Series(
                name=results.baseline.get_phase_display(),
                values=[before.get(item.code) for item in results.scores],
            )
        )
    return radar_svg(
        series,
        labels=labels,
        rtl=get_language_bidi(),
        size=size,
        title=_("Scores by domain, from 0 to 100"),
    )


@register.simple_tag
def cohort_radar(rows, size=300):
    """Mean baseline and end-line scores of a cohort (rows of scoring.cohort_changes)."""
    if len(rows) < 3:
        return ""
    return radar_svg(
        [
            Series(name=Diagnostic.Phase.ENDLINE.label, values=[row.after for row in rows]),
            Series(name=Diagnostic.Phase.BASELINE.label, values=[row.before for row in rows]),
        ],
        labels=[row.domain.name for row in rows],
        rtl=get_language_bidi(),
        size=size,
        title=_("Mean scores by domain, from 0 to 100"),
    )
