from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.images import get_image_model

from ...images import filter_specs, prerender


class Command(BaseCommand):
    help = (
        "Load BHP demo content. Runs each project app's demo.load() in "
        "PROJECT_APPS order; safe to run again (existing content is kept)."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            for module in demo_modules():
                self.stdout.write(f"Loading demo content: {module.__name__}")
                module.load()
            # Every page names a sharing image in its Open Graph tags: make
            # those renditions now rather than on some visitor's page view.
            prerender(get_image_model().objects.all(), *filter_specs("social"))
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))


def demo_modules():
    """The `demo` module of every project app that has one."""
    for app in settings.PROJECT_APPS:
        name = f"{app}.demo"
        if find_spec(name) is not None:
            yield import_module(name)
