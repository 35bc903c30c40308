from .embargo import EmbargoLink
from .news_settings import NewsSettings
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
    "NewsSettings",
    "PressContact",
]
