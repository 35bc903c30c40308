"""A map of the UK drawn on the server as inline SVG: no tiles, no scripts.

Places are projected with a simple equirectangular projection, scaled so a
degree of longitude is as wide as it is at the UK's middle latitude. At this
size that is indistinguishable from a proper map projection, and it needs no
geographic library.
"""

import math
from collections import defaultdict

# Coastlines traced by hand from well-known headlands, as (longitude, latitude).
# Coarse on purpose: the map shows where places are, not the shape of every bay.
GREAT_BRITAIN = [
    (-3.37, 58.67), (-3.03, 58.64), (-3.1, 58.3), (-3.8, 58.0), (-4.2, 57.5),
    (-3.3, 57.72), (-2.0, 57.69), (-1.78, 57.5), (-2.08, 57.15), (-2.47, 56.7),
    (-2.7, 56.47), (-2.58, 56.28), (-3.2, 56.05), (-2.52, 56.0), (-2.0, 55.78),
    (-1.6, 55.6), (-1.4, 55.0), (-1.15, 54.62), (-0.6, 54.48), (-0.08, 54.1),
    (0.13, 53.58), (0.34, 53.14), (0.2, 52.82), (0.5, 52.95), (1.3, 52.93),
    (1.75, 52.6), (1.75, 52.45), (1.55, 52.08), (1.3, 51.95), (0.95, 51.78),
    (0.7, 51.53), (0.4, 51.45), (1.4, 51.38), (1.32, 51.12), (0.97, 50.92),
    (0.25, 50.73), (-0.8, 50.73), (-1.3, 50.8), (-1.95, 50.6), (-2.45, 50.55),
    (-3.45, 50.6), (-3.64, 50.22), (-4.2, 50.35), (-5.2, 49.96), (-5.7, 50.05),
    (-5.1, 50.4), (-4.53, 51.02), (-4.2, 51.2), (-3.0, 51.35), (-2.65, 51.6),
    (-3.17, 51.45), (-3.8, 51.55), (-4.3, 51.56), (-4.9, 51.7), (-5.3, 51.88),
    (-4.7, 52.1), (-4.1, 52.4), (-4.05, 52.72), (-4.75, 52.79), (-4.3, 53.15),
    (-4.63, 53.3), (-4.3, 53.42), (-3.8, 53.3), (-3.05, 53.35), (-3.05, 53.45),
    (-3.0, 53.65), (-3.05, 53.82), (-3.0, 54.05), (-3.2, 54.1), (-3.64, 54.5),
    (-3.4, 54.95), (-3.0, 55.0), (-3.9, 54.8), (-4.4, 54.7), (-4.86, 54.63),
    (-5.15, 54.85), (-5.0, 55.0), (-4.65, 55.45), (-4.9, 55.7), (-4.5, 55.93),
    (-5.0, 55.85), (-5.8, 55.3), (-5.6, 56.0), (-5.5, 56.4), (-6.23, 56.73),
    (-5.83, 57.0), (-5.7, 57.4), (-5.7, 57.75), (-5.25, 58.15), (-5.0, 58.62),
    (-4.4, 58.55),
]  # fmt: skip
IRELAND = [
    (-6.15, 55.22), (-5.43, 54.5), (-5.9, 54.2), (-6.25, 53.95), (-6.1, 53.6),
    (-6.2, 53.35), (-6.0, 53.0), (-6.35, 52.2), (-7.0, 52.15), (-8.2, 51.8),
    (-9.8, 51.45), (-10.4, 52.05), (-9.93, 52.56), (-9.0, 53.2), (-10.1, 53.5),
    (-10.1, 54.2), (-8.6, 54.3), (-8.7, 54.7), (-8.28, 55.15), (-7.35, 55.38),
    (-6.9, 55.2),
]  # fmt: skip

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


def outline_path(points):
    first, *rest = (project(lon, lat) for lon, lat in points)
    return f"M{first[0]} {first[1]}" + "".join(f"L{x} {y}" for x, y in rest) + "Z"


COASTLINE = outline_path(GREAT_BRITAIN) + outline_path(IRELAND)


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
        "coastline": COASTLINE,
        "sites": drawn_sites,
        "partners": list(partners),
        "partner_places": _places(partners),
    }
