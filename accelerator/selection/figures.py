"""Transparency figures of a call, computed from the applications themselves."""

from dataclasses import dataclass

from django.db.models import Count, Q

from accelerator.calls.models import Application


@dataclass(frozen=True)
class CallFigures:
    received: int
    eligible: int
    reviewed: int
    decided: int
    decided_on_time: int | None

    @property
    def on_time_percent(self):
        if self.decided_on_time is None or not self.received:
            return None
        return round(100 * self.decided_on_time / self.received, 2)


def call_figures(call):
    """Applications received, eligible, reviewed, decided, and decided by the announced date."""
    counts = {
        "received": Count("pk"),
        "eligible": Count("pk", filter=Q(eligibility=Application.Eligibility.ELIGIBLE)),
        "reviewed": Count("pk", filter=Q(reviews_completed__gt=0)),
        "decided": Count("pk", filter=Q(decided_at__isnull=False)),
    }
    if call.decisions_announced_by:
        counts["decided_on_time"] = Count(
            "pk",
            filter=Q(
                decided_at__isnull=False,
                decided_at__date__lte=call.decisions_announced_by,
            ),
        )
    values = Application.objects.for_call(call).submitted().aggregate(**counts)
    return CallFigures(
        received=values["received"],
        eligible=values["eligible"],
        reviewed=values["reviewed"],
        decided=values["decided"],
        decided_on_time=values.get("decided_on_time"),
    )
