"""The demo's illustrations: each motif draws its own picture, the same one
for the same seed every time, and wordmarks keep the name inside the frame."""

import pytest
from PIL import Image, ImageChops

from bhp_portal.core.demo import demo_image, demo_wordmark
from bhp_portal.core.illustrations import MOTIFS, PALETTES, illustration, wordmark

SIZE = (320, 180)


def differs(a, b):
    return ImageChops.difference(a, b).getbbox() is not None


@pytest.mark.parametrize("name", sorted(MOTIFS))
def test_a_motif_draws_the_same_picture_for_the_same_seed(name):
    assert not differs(illustration(name, 7, SIZE), illustration(name, 7, SIZE))


def test_every_motif_draws_a_different_picture():
    # One seed, so one palette: only the motif tells the pictures apart.
    pictures = {name: illustration(name, 5, SIZE) for name in MOTIFS}
    names = sorted(pictures)
    for n, first in enumerate(names):
        for second in names[n + 1 :]:
            assert differs(pictures[first], pictures[second]), (first, second)


def test_a_motif_draws_something_on_its_field():
    plain = illustration("rings", 3, SIZE)
    for name in MOTIFS:
        picture = illustration(name, 3, SIZE)
        assert len(picture.getcolors(maxcolors=100_000)) > 20, name
        assert name == "rings" or differs(picture, plain)


def test_a_long_name_is_wrapped_inside_the_wordmark_with_a_margin():
    name = "Birmingham Women's and Children's NHS Foundation Trust"
    width, height = 1200, 675
    picture = wordmark(name, 2, (width, height))
    field = Image.new("RGB", picture.size, PALETTES[2][0])
    left, top, right, bottom = ImageChops.difference(picture, field).getbbox()
    assert left > width * 0.05 and right < width * 0.95
    assert top > height * 0.1 and bottom < height * 0.9
    assert bottom - top > height * 0.2, "a long name takes more than one line"


@pytest.mark.django_db
def test_the_demo_keeps_an_image_it_made_before_by_title():
    first = demo_image("A test picture", "Alt text.", seed=4, motif="shield")
    again = demo_image("A test picture", "Other.", seed=9, motif="scatter")
    assert again.pk == first.pk
    mark = demo_wordmark("Wordmark: Test", "Alt.", "Test", seed=1)
    assert demo_wordmark("Wordmark: Test", "Alt.", "Other", seed=2).pk == mark.pk
