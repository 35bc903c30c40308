from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "News and press releases"

    def ready(self):
        from bhp_portal.core.editors import when_created

        from .models import EventIndexPage, NewsIndexPage
        from .workflow import prepare_news_index

        # Editors do not publish news or events: the Comms team drafts them
        # and they go through the Moderators' sign-off.
        when_created(prepare_news_index, NewsIndexPage, EventIndexPage)
