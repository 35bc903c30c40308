"""Research models, one module per kind of page."""

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
    "Phase",
    "ResearchIndexPage",
    "ResearchThemeKeyFact",
    "ResearchThemePage",
    "ResearchThemePartner",
    "ResearchThemeRelatedTheme",
    "Sex",
    "StudyIndexPage",
    "StudyPage",
    "StudyStatus",
    "StudyType",
]
