"""The site's image sizes, kept in one place.

Templates ask for a size by name (`{% picture_of image "card" ... %}`), new
and changed images get every rendition made by the task queue's worker soon
after they are saved (a page that needs one first makes it then), and
listings load the card renditions in bulk, so a page view never has to
create renditions one after another.
"""

from functools import cache

from django.contrib.postgres.expressions import ArraySubquery
from django.db import transaction
from django.db.models import OuterRef
from django.db.models.functions import JSONObject
from django.db.models.query import ModelIterable
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from .tasks import retried_task

# Photographs come in WebP and JPEG (AVIF saved 3-18% of WebP's bytes for 4-15
# times its encoding time: docs/front-end.md); logos keep their own format
# (often PNG with transparency).
SIZES = {
    "card": "format-{webp,jpeg} fill-{400x225,800x450}",
    "hero": "format-{webp,jpeg} fill-{640x360,1280x540,1920x720}",
    "banner": "format-{webp,jpeg} fill-{640x300,1280x600}",
    "article": "format-{webp,jpeg} fill-{960x540,1280x720}",
    "content": "format-{webp,jpeg} width-{400,800,1200}",
    "portrait": "format-{webp,jpeg} fill-{200x250,400x500}",
    "logo": "height-60",
    # Open Graph and Twitter cards: JPEG, the one format every network reads.
    "social": "format-jpeg fill-1200x630",
}


def filter_specs(size):
    """Every rendition of one named size, as Wagtail's filter specs."""
    return Filter.expand_spec(SIZES[size])


@cache
def size_filters(size):
    """The same, as Wagtail Filter objects built once. Parsing a spec costs
    about 0.1 ms, and a listing asks for a dozen specs per card; Wagtail's
    own {% image %} tag likewise keeps its Filter from one render to the next."""
    return tuple(Filter(spec=spec) for spec in filter_specs(size))


CARD_RENDITIONS = filter_specs("card")
ALL_FILTER_SPECS = [spec for size in SIZES for spec in filter_specs(size)]


@retried_task
def generate_renditions(image_id, specs=None):
    """Makes the renditions `specs` (default: every size) of one image, on
    the task queue's worker, so an upload never waits for them."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is not None:
        image.get_renditions(*(specs or ALL_FILTER_SPECS))


def generate_renditions_after_commit(image):
    transaction.on_commit(lambda: generate_renditions.enqueue(image.pk))


def prerender(images, *specs):
    """Queues renditions ahead of the first request. The demo loader calls
    this so neither the first visitor nor each test (whose rolled-back
    transaction would discard them) waits for image encoding."""
    for image in images:
        generate_renditions.enqueue(image.pk, list(specs))


def image_fields(model):
    """The names of `model`'s foreign keys to images."""
    image_model = get_image_model()
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.many_to_one and field.related_model is image_model
    ]


# The rendition columns a template reads, and Wagtail's lookup of an
# existing rendition (find_existing_renditions) compares.
RENDITION_COLUMNS = ("id", "filter_spec", "file", "width", "height", "focal_point_key")


def _renditions_column(image_ref, specs):
    """The renditions of `specs` of the image `image_ref` names (an OuterRef
    to its id), as one JSON array in the outer query's row."""
    rendition_model = get_image_model().get_rendition_model()
    renditions = rendition_model.objects.filter(
        image=image_ref, filter_spec__in=specs
    ).values(row=JSONObject(**{name: name for name in RENDITION_COLUMNS}))
    return ArraySubquery(renditions)


def _give_renditions(image, rows):
    """Renditions read as JSON rows become Wagtail's prefetched ones, so
    get_rendition() finds them without a query."""
    if image is not None:
        rendition_model = image.get_rendition_model()
        image.prefetched_renditions = [
            rendition_model(image=image, **row) for row in rows
        ]


class ImagesWithRenditions(ModelIterable):
    """Images, each with the renditions read in its own row (with_renditions)."""

    def __iter__(self):
        for image in super().__iter__():
            _give_renditions(image, image.own_renditions)
            yield image


def with_renditions(images, specs):
    """`images` (a queryset) with their renditions of `specs` read in the
    same query: Wagtail's prefetch_renditions() costs a second query."""
    images = images.annotate(own_renditions=_renditions_column(OuterRef("pk"), specs))
    images._iterable_class = ImagesWithRenditions
    return images


class PagesWithCardImages(ModelIterable):
    """Pages, each card image (with_card_images_joined) with its renditions."""

    def __iter__(self):
        for page in super().__iter__():
            for name in page.card_image_fields:
                _give_renditions(getattr(page, name), getattr(page, f"{name}_cards"))
            yield page


def with_card_images_joined(pages):
    """`pages` (a queryset of one page type) with the images their cards may
    show (`card_image_fields`) and those images' card renditions read in the
    pages' own query: a card list costs the same queries with images or
    without."""
    fields = pages.model.card_image_fields
    pages = pages.select_related(*fields).annotate(
        **{
            f"{name}_cards": _renditions_column(OuterRef(name), CARD_RENDITIONS)
            for name in fields
        }
    )
    pages._iterable_class = PagesWithCardImages
    return pages


def with_card_images(pages):
    """`pages` of any mix of page types with every image their cards may show
    (`card_image_fields`) and its card renditions loaded, in one query
    (with_card_images_joined needs one model)."""
    pages = list(pages)
    fields = [
        (page, name)
        for page in pages
        for name in getattr(page, "card_image_fields", ())
        if getattr(page, f"{name}_id")
    ]
    image_ids = {getattr(page, f"{name}_id") for page, name in fields}
    images = (
        with_renditions(
            get_image_model().objects.filter(pk__in=image_ids), CARD_RENDITIONS
        ).in_bulk()
        if image_ids
        else {}
    )
    for page, name in fields:
        setattr(page, name, images.get(getattr(page, f"{name}_id")))
    return pages
