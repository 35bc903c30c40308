"""The UK map's markers: each stands apart from every other, inside the map,
with a line back to its place when it had to move."""

import math

import pytest

from partners import maps
from tests.utils import soup

from .test_pages import hdruk_site, located, partner


def reach(marker):
    return maps._reach(marker)


def assert_apart(markers):
    for n, first in enumerate(markers):
        assert reach(first) <= first["x"] <= maps.WIDTH - reach(first)
        assert reach(first) <= first["y"] <= maps.HEIGHT - reach(first)
        for second in markers[n + 1 :]:
            gap = math.dist((first["x"], first["y"]), (second["x"], second["y"]))
            assert gap >= reach(first) + reach(second), (first, second)


def test_markers_on_one_spot_are_spread_apart_with_lines_to_their_place():
    london = maps.project(-0.13, 51.52)
    markers = [
        {"x": london[0], "y": london[1], "kind": kind}
        for kind in ("site", "site", "partner", "site", "partner")
    ]
    maps.spread(markers)
    assert_apart(markers)
    assert all(marker["anchor"] == london for marker in markers)
    assert all(marker["leader"] for marker in markers)
    assert all(
        math.dist(london, (m["x"], m["y"])) < 4 * maps.SITE_RADIUS for m in markers
    )


def test_a_marker_with_room_stays_on_its_place_without_a_line():
    markers = [
        {"x": 100, "y": 100, "kind": "site"},
        {"x": 200, "y": 300, "kind": "partner"},
    ]
    maps.spread(markers)
    assert [(m["x"], m["y"]) for m in markers] == [(100, 100), (200, 300)]
    assert not any(marker["leader"] for marker in markers)


def test_a_marker_at_the_edge_is_kept_inside_the_map():
    markers = [{"x": 0, "y": 0, "kind": "site"}, {"x": 0, "y": 0, "kind": "site"}]
    maps.spread(markers)
    assert_apart(markers)


@pytest.mark.django_db
def test_the_page_draws_a_marker_per_place_and_its_caption_fits_any_layout(client):
    hdruk_site("Zedlands", [located("Zed College", "Zedford")])
    partner("Testshire Clinic", town="Zedford", latitude=52.1, longitude=-1.6)
    html = soup(client.get("/hdr-uk/"))
    svg = html.select_one("figure.uk-map svg")
    assert svg.select(".uk-map__site circle") and svg.select("rect.uk-map__partner")
    caption = html.select_one("figure.uk-map figcaption").get_text()
    assert "below" not in caption and "with this map" in caption
