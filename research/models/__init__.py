"""Research models, one module per kind of page."""

from .people import PeopleIndexPage, PersonPage, PersonRole, RoleKind
from .themes import (
    ResearchIndexPage,
    ResearchThemeKeyFact,
    ResearchThemePage,
    ResearchThemePartner,
    ResearchThemeRelatedTheme,
)

__all__ = [
    "PeopleIndexPage",
    "PersonPage",
    "PersonRole",
    "ResearchIndexPage",
    "ResearchThemeKeyFact",
    "ResearchThemePage",
    "ResearchThemePartner",
    "ResearchThemeRelatedTheme",
    "RoleKind",
]
