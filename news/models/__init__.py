from .embargo import EmbargoLink
from .pages import (
    ArticleType,
    NewsArticleAuthor,
    NewsArticlePage,
    NewsArticlePressContact,
    NewsArticleTag,
    NewsIndexPage,
)
from .press_contacts import PressContact

__all__ = [
    "ArticleType",
    "EmbargoLink",
    "NewsArticleAuthor",
    "NewsArticlePage",
    "NewsArticlePressContact",
    "NewsArticleTag",
    "NewsIndexPage",
    "PressContact",
]
