"""A map of the UK drawn on the server as inline SVG: no tiles, no scripts.

Places are projected with a simple equirectangular projection, scaled so a
degree of longitude is as wide as it is at the UK's middle latitude. At this
size that is indistinguishable from a proper map projection, and it needs no
geographic library. The land behind the markers is static/img/uk-outline.svg,
drawn from Natural Earth's outlines with this same projection by
scripts/draw_uk_outline.py: run it again if the bounds or size below change.
"""

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
        places.append(
            {
                "town": town,
                "x": x,
                "y": y,
                "corner": (x - 8, y - 8),
                "organisations": orgs,
            }
        )
    return places


def uk_map(sites, partners):
    """What templates/partners/tags/uk_map.html draws.

    `sites` are HDR UK site pages with their members prefetched; `partners`
    are BHP's partner organisations.
    """
    drawn_sites = []
    for number, site in enumerate(sites, start=1):
        members = [member.organisation for member in site.members.all()]
        drawn_sites.append(
            {
                "number": number,
                "page": site,
                "members": members,
                "places": _places(members),
            }
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "sites": drawn_sites,
        "partners": list(partners),
        "partner_places": _places(partners),
    }
