"""Research models, one module per kind of page."""

from .people import PeopleIndexPage, PersonPage, PersonRole, RoleKind
from .studies import (
    AgeGroup,
    Condition,
    InterestRegistration,
    Phase,
    Sex,
    StudyIndexPage,
    StudyPage,
    StudyStatus,
    StudyType,
)
from .themes import (
    ResearchIndexPage,
    ResearchThemeKeyFact,
    ResearchThemePage,
    ResearchThemePartner,
    ResearchThemeRelatedTheme,
)

__all__ = [
    "AgeGroup",
    "Condition",
    "InterestRegistration",
    "PeopleIndexPage",
    "PersonPage",
    "PersonRole",
    "Phase",
    "ResearchIndexPage",
    "ResearchThemeKeyFact",
    "ResearchThemePage",
    "ResearchThemePartner",
    "ResearchThemeRelatedTheme",
    "RoleKind",
    "Sex",
    "StudyIndexPage",
    "StudyPage",
    "StudyStatus",
    "StudyType",
]
