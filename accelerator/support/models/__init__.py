from .assistance import MarketingSupport, TechnicalAssistance
from .coaching import (
    CoachAssignment,
    CoachContract,
    CoachingVisit,
    FollowUp,
    VisitAttachment,
)
from .reminders import DigestPreference
from .training import Attendance, TrainingModule, TrainingSession

__all__ = [
    "Attendance",
    "CoachAssignment",
    "CoachContract",
    "CoachingVisit",
    "DigestPreference",
    "FollowUp",
    "MarketingSupport",
    "TechnicalAssistance",
    "TrainingModule",
    "TrainingSession",
    "VisitAttachment",
]
