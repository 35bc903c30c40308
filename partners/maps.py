"""A map of the UK drawn on the server as inline SVG: no tiles, no scripts.

Places are projected with a simple equirectangular projection, scaled so a
degree of longitude is as wide as it is at the UK's middle latitude. At this
size that is indistinguishable from a proper map projection, and it needs no
geographic library. The land behind the markers is static/img/uk-outline.svg,
drawn from Natural Earth's outlines with this same projection by
scripts/draw_uk_outline.py: run it again if the bounds or size below change.
"""

import functools
import math
from collections import defaultdict

WEST, EAST, SOUTH, NORTH = -10.6, 1.9, 49.8, 58.8
MID_LATITUDE = (SOUTH + NORTH) / 2
WIDTH = 360
PADDING = 10
SCALE = (WIDTH - 2 * PADDING) / ((EAST - WEST) * math.cos(math.radians(MID_LATITUDE)))
HEIGHT = round((NORTH - SOUTH) * SCALE + 2 * PADDING)


def project(longitude, latitude):
    """SVG (x, y) of a point; y grows downwards, so north is up."""
    longitude, latitude = float(longitude), float(latitude)
    x = (longitude - WEST) * math.cos(math.radians(MID_LATITUDE)) * SCALE + PADDING
    y = (NORTH - latitude) * SCALE + PADDING
    return round(x, 1), round(y, 1)


# Marker sizes in SVG units: a site's numbered circle and a partner's square
# (its half side). They are pushed apart until none overlaps another.
SITE_RADIUS = 9
PARTNER_HALF = 8
MARKER_GAP = 1.5
# A marker this far from its place gets a line back to it.
LEADER_AFTER = 2


def _places(organisations):
    """Organisations with a location, grouped by town: one marker per place,
    at the middle of its organisations."""
    by_town = defaultdict(list)
    for org in organisations:
        if org.has_location:
            by_town[org.town].append(org)
    places = []
    for town, orgs in by_town.items():
        x, y = project(
            sum(org.longitude for org in orgs) / len(orgs),
            sum(org.latitude for org in orgs) / len(orgs),
        )
        places.append({"town": town, "x": x, "y": y, "organisations": orgs})
    return places


def _reach(marker):
    """How far a marker reaches from its centre (a square's half diagonal)."""
    return SITE_RADIUS if marker["kind"] == "site" else PARTNER_HALF * math.sqrt(2)


def spread(markers, rounds=300):
    """Moves markers (dicts with x, y and kind) apart until none overlaps
    another, each staying as near its place as it can, inside the map. A
    marker that moved records its place as `anchor`, for a leader line.
    Deterministic: markers on the same spot part along angles set by their
    order in the list."""
    places = tuple((marker["kind"], marker["x"], marker["y"]) for marker in markers)
    for marker, (x, y) in zip(markers, _spread_positions(places, rounds), strict=True):
        marker["anchor"] = (marker["x"], marker["y"])
        marker["x"], marker["y"] = x, y
        marker["leader"] = math.dist(marker["anchor"], (x, y)) > LEADER_AFTER
        if marker["kind"] == "partner":
            marker["corner"] = (x - PARTNER_HALF, y - PARTNER_HALF)
    return markers


# The same places always give the same layout, and working it out takes tens
# of thousands of steps: each process does it once per set of places.
@functools.lru_cache(maxsize=32)
def _spread_positions(places, rounds):
    markers = [
        {"kind": kind, "x": x, "y": y, "anchor": (x, y)} for kind, x, y in places
    ]
    for _ in range(rounds):
        moved = False
        for i, first in enumerate(markers):
            for j in range(i + 1, len(markers)):
                moved |= _part(first, markers[j], i, j)
        for marker in markers:
            _pull_back(marker)
        if not moved:
            break
    return tuple((round(m["x"], 1), round(m["y"], 1)) for m in markers)


def _part(first, second, i, j):
    need = _reach(first) + _reach(second) + MARKER_GAP
    dx, dy = second["x"] - first["x"], second["y"] - first["y"]
    distance = math.hypot(dx, dy)
    if distance >= need:
        return False
    if distance < 0.01:
        angle = (i * 7 + j * 3) * math.pi / 8
        dx, dy, distance = math.cos(angle), math.sin(angle), 1
    push = (need - distance) / 2 + 0.05
    for marker, sign in ((first, -1), (second, 1)):
        marker["x"] = _clamp(marker["x"] + sign * dx / distance * push, WIDTH, marker)
        marker["y"] = _clamp(marker["y"] + sign * dy / distance * push, HEIGHT, marker)
    return True


def _pull_back(marker):
    """A little way back towards its place, so markers settle close to it."""
    x, y = marker["anchor"]
    marker["x"] += (x - marker["x"]) * 0.02
    marker["y"] += (y - marker["y"]) * 0.02


def _clamp(value, limit, marker):
    reach = _reach(marker) + 1
    return min(limit - reach, max(reach, value))


def uk_map(sites, partners):
    """What templates/partners/tags/uk_map.html draws.

    `sites` are HDR UK site pages with their members prefetched; `partners`
    are BHP's partner organisations. `markers` are the numbered circles of the
    sites' places and the squares of the partners' places, spread apart.
    """
    drawn_sites, markers = [], []
    for number, site in enumerate(sites, start=1):
        members = [member.organisation for member in site.members.all()]
        places = _places(members)
        drawn_sites.append(
            {"number": number, "page": site, "members": members, "places": places}
        )
        markers += [{**place, "kind": "site", "number": number} for place in places]
    partner_places = _places(partners)
    markers += [{**place, "kind": "partner"} for place in partner_places]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "sites": drawn_sites,
        "partners": list(partners),
        "partner_places": partner_places,
        "markers": spread(markers),
        "site_radius": SITE_RADIUS,
        "partner_size": 2 * PARTNER_HALF,
    }
