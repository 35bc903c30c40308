from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import NewsIndexPage
from .workflow import prepare_news_index


@receiver(post_save, sender=NewsIndexPage)
def prepare_new_news_index(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        prepare_news_index(instance)
