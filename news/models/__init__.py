from .embargo import EmbargoLink
from .events import (
    Attendance,
    EventIndexPage,
    EventPage,
    EventSpeaker,
    EventStatus,
    EventType,
)
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
    "Attendance",
    "EmbargoLink",
    "EventIndexPage",
    "EventPage",
    "EventSpeaker",
    "EventStatus",
    "EventType",
    "NewsArticleAuthor",
    "NewsArticlePage",
    "NewsArticlePressContact",
    "NewsArticleTag",
    "NewsIndexPage",
    "NewsSettings",
    "PressContact",
]
