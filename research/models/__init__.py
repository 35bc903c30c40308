"""Research models, one module per kind of page."""

from .themes import (
    ResearchIndexPage,
    ResearchThemeKeyFact,
    ResearchThemePage,
    ResearchThemePartner,
    ResearchThemeRelatedTheme,
)

__all__ = [
    "ResearchIndexPage",
    "ResearchThemeKeyFact",
    "ResearchThemePage",
    "ResearchThemePartner",
    "ResearchThemeRelatedTheme",
]
