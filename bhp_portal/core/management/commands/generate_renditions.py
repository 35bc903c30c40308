from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from ...images import ALL_FILTER_SPECS


class Command(BaseCommand):
    help = (
        "Make every rendition of core/images.py for every image: after changing "
        "the sizes, or for images saved while IMAGE_RENDITIONS_ON_SAVE was off."
    )

    def handle(self, *args, **options):
        images = get_image_model().objects.prefetch_renditions(*ALL_FILTER_SPECS)
        for count, image in enumerate(images.iterator(chunk_size=50), start=1):
            image.get_renditions(*ALL_FILTER_SPECS)
            if count % 50 == 0:
                self.stdout.write(f"{count} images done")
        self.stdout.write(self.style.SUCCESS("Renditions are up to date."))
