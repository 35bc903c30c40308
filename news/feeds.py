"""RSS 2.0 feeds of live news, for everything and for one research theme."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed
    items_shown = 20

    def __init__(self, index, theme=None):
        super().__init__()
        self.index = index
        self.theme = theme

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        if self.theme:
            return f"Birmingham Health Partners news: {self.theme.title}"
        return "Birmingham Health Partners news"

    def link(self):
        url = self.index.get_url(self.request)
        return f"{url}?theme={self.theme.slug}" if self.theme else url

    def description(self):
        if self.theme:
            return f"News and press releases about {self.theme.title} from BHP."
        return "News and press releases from Birmingham Health Partners."

    def items(self):
        articles = self.index.articles()
        if self.theme:
            articles = articles.filter(themes=self.theme)
        return articles[: self.items_shown]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        # Relative here; the framework adds the scheme and host of the request.
        return item.get_url(self.request)

    def item_pubdate(self, item):
        # The editor's publication date wins over when the page was first saved
        # live (imported or back-dated articles); the time of day is kept when
        # the two agree.
        published = item.first_published_at
        if published and timezone.localdate(published) == item.date:
            return published
        return timezone.make_aware(
            datetime.datetime.combine(item.date, datetime.time())
        )

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.get_article_type_display()]
