"""A fixed set of image sizes, made when an image is saved, so page views
never create renditions; listings load card renditions in bulk."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.template import Context, Template
from django.test import override_settings

from bhp_portal.core.factories import ImageFactory, StandardPageFactory
from bhp_portal.core.images import ALL_FILTER_SPECS, filter_specs, with_card_images
from bhp_portal.core.models import CustomRendition

pytestmark = pytest.mark.django_db


def rendition_specs(image):
    return set(image.renditions.values_list("filter_spec", flat=True))


def test_photographs_come_in_webp_and_jpeg_and_logos_keep_their_format():
    assert filter_specs("card") == [
        "format-webp|fill-400x225",
        "format-webp|fill-800x450",
        "format-jpeg|fill-400x225",
        "format-jpeg|fill-800x450",
    ]
    for size in ("hero", "banner", "article", "content", "portrait"):
        assert {spec.split("|")[0] for spec in filter_specs(size)} == {
            "format-webp",
            "format-jpeg",
        }
    assert filter_specs("logo") == ["height-60"]
    # Open Graph and Twitter cards: one JPEG, the format every network reads.
    assert filter_specs("social") == ["format-jpeg|fill-1200x630"]
    assert len(ALL_FILTER_SPECS) == len(set(ALL_FILTER_SPECS)) == 30


@override_settings(IMAGE_RENDITIONS_ON_SAVE=True)
def test_saving_an_image_makes_all_its_renditions(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory()
    assert rendition_specs(image) == set(ALL_FILTER_SPECS)


def test_without_renditions_on_save_nothing_is_made_until_asked():
    image = ImageFactory()
    assert rendition_specs(image) == set()
    call_command("generate_renditions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert rendition_specs(image) == set(ALL_FILTER_SPECS)


def test_picture_of_renders_the_named_size_in_two_formats():
    image = ImageFactory(file__width=800, file__height=450)
    html = Template(
        '{% load image_tags %}{% picture_of image "card" sizes="100vw" alt="" %}'
    ).render(Context({"image": image}))
    picture = BeautifulSoup(html, "html.parser")
    types = [source["type"] for source in picture.find_all("source")]
    assert types == ["image/webp"]
    img = picture.find("img")
    assert img["alt"] == ""
    assert "400w" in img["srcset"] and "800w" in img["srcset"]


def test_picture_of_renders_nothing_without_an_image():
    html = Template('{% load image_tags %}{% picture_of None "card" %}').render(
        Context()
    )
    assert html == ""


def test_a_page_view_creates_no_renditions_when_they_were_made_on_save(
    client, home_page, django_assert_max_num_queries
):
    image = ImageFactory()
    image.get_renditions(*ALL_FILTER_SPECS)
    page = StandardPageFactory(parent=home_page, slug="with-image")
    home_page.featured_pages.create(featured=page)
    page.listing_image = image
    page.save_revision().publish()
    home_page.hero_image = image
    home_page.save_revision().publish()
    count = CustomRendition.objects.count()
    response = client.get("/")
    assert "with-image" in response.content.decode()
    assert CustomRendition.objects.count() == count


def test_card_images_of_any_number_of_pages_load_with_their_renditions_in_one_query(
    home_page, django_assert_num_queries
):
    pages = StandardPageFactory.create_batch(5, parent=home_page)
    for page in pages:
        page.listing_image = ImageFactory()
        page.listing_image.get_renditions(*filter_specs("card"))
        page.save()
    fresh = type(pages[0]).objects.filter(pk__in=[page.pk for page in pages])
    # The pages, then their images with the renditions in the same rows.
    with django_assert_num_queries(2):
        loaded = with_card_images(fresh)
        for page in loaded:
            page.listing_image.get_renditions(*filter_specs("card"))
