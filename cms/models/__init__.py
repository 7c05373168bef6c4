"""The public site's pages, one module per family, all under the `cms` app label."""

from .calls import CallIndexPage, CallPage, FaqBlock, MilestoneBlock
from .events import EventIndexPage, EventPage
from .home import HomePage
from .news import NewsIndexPage, NewsPage, NewsPageTag
from .programs import PartnerRole, ProgramIndexPage, ProgramPage, ProgramPartner
from .standard import StandardPage

__all__ = [
    "CallIndexPage",
    "CallPage",
    "EventIndexPage",
    "EventPage",
    "FaqBlock",
    "HomePage",
    "MilestoneBlock",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "PartnerRole",
    "ProgramIndexPage",
    "ProgramPage",
    "ProgramPartner",
    "StandardPage",
]
