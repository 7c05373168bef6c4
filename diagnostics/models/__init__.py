from .diagnostic import Answer, Diagnostic, Reopening, SwotItem
from .instrument import Domain, Instrument, InstrumentVersion, Question
from .plan import (
    ActionCategory,
    DevelopmentPlan,
    Objective,
    PlanAction,
    PlanVersion,
    StandardAction,
)

__all__ = [
    "ActionCategory",
    "Answer",
    "DevelopmentPlan",
    "Diagnostic",
    "Domain",
    "Instrument",
    "InstrumentVersion",
    "Objective",
    "PlanAction",
    "PlanVersion",
    "Question",
    "Reopening",
    "StandardAction",
    "SwotItem",
]
