"""Draw static/img/uk-outline.svg, the land behind the "Where we work" map.

The outlines are Natural Earth's 1:10m Admin 0 countries (public domain,
https://www.naturalearthdata.com/about/terms-of-use/): the United Kingdom
(GBR), Ireland (IRL), for context around Northern Ireland, and the Isle of
Man (IMN). Run it again only if the map's bounds in partners/maps.py change,
or to take a newer Natural Earth release:

    python scripts/draw_uk_outline.py ne_10m_admin_0_countries.geojson

Any GeoJSON holding those countries will do: Natural Earth's own file (under
geojson/ in github.com/nvkelso/natural-earth-vector) or the per-country files
of github.com/AshKyd/geojson-regions (public/countries/10m/GBR.geojson, ...),
which are that file split up. It needs only the standard library and
partners/maps.py, whose projection places the markers, so land and markers
always agree.
"""

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from partners.maps import EAST, HEIGHT, NORTH, SOUTH, WEST, WIDTH, project  # noqa: E402

COUNTRIES = {"GBR", "IRL", "IMN"}
OUTPUT = ROOT / "static" / "img" / "uk-outline.svg"
# In SVG pixels of the 360-wide map: finer detail than this cannot be seen.
TOLERANCE = 0.6
SMALLEST_ISLAND = 4.0  # square pixels
LAND = 'fill="#f7f4ea" stroke="#4a5559" stroke-width="0.8" stroke-linejoin="round"'


def country_code(feature):
    properties = feature.get("properties") or {}
    return properties.get("ADM0_A3") or properties.get("adm0_a3")


def rings(features):
    """Every ring (outer edges and holes) of the chosen countries' polygons."""
    for feature in features:
        if country_code(feature) not in COUNTRIES:
            continue
        geometry = feature["geometry"]
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            yield from polygon


def distance_to_segment(point, start, end):
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def simplify(points, tolerance):
    """Douglas-Peucker: keep the points that stray more than `tolerance`
    from the line between the points kept either side of them."""
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            d = distance_to_segment(points[index], points[first], points[last])
            if d > distance:
                farthest, distance = index, d
        if farthest is not None:
            keep.add(farthest)
            stack += [(first, farthest), (farthest, last)]
    return [points[index] for index in sorted(keep)]


def area(points):
    pairs = zip(points, points[1:] + points[:1], strict=True)
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairs) / 2)


def in_view(points):
    return any(0 <= x <= WIDTH and 0 <= y <= HEIGHT for x, y in points)


def subpath(points):
    def number(value):
        return f"{value:.1f}".rstrip("0").rstrip(".")

    pairs = [f"{number(x)} {number(y)}" for x, y in points[:-1]]
    return "M" + " ".join(pairs) + "Z"


def draw(features):
    subpaths = []
    for ring in rings(features):
        points = [project(longitude, latitude) for longitude, latitude, *_ in ring]
        if area(points) < SMALLEST_ISLAND or not in_view(points):
            continue
        # A closed ring: split in two so Douglas-Peucker has two distinct ends.
        middle = len(points) // 2
        simple = simplify(points[: middle + 1], TOLERANCE)[:-1]
        simple += simplify(points[middle:], TOLERANCE)
        if len(simple) >= 4:
            subpaths.append(subpath(simple))
    return (
        "<!-- The United Kingdom, Ireland and the Isle of Man from Natural Earth\n"
        "     1:10m Admin 0 countries (public domain, naturalearthdata.com),\n"
        "     projected by partners/maps.py; drawn by scripts/draw_uk_outline.py. -->\n"
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" '
        f'data-bounds="{WEST} {EAST} {SOUTH} {NORTH}">'
        f'<path {LAND} fill-rule="evenodd" d="{"".join(subpaths)}"/></svg>\n'
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("geojson", nargs="+", type=Path)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    features = []
    for path in args.geojson:
        data = json.loads(path.read_text())
        features += data.get("features", [data])
    args.output.write_text(draw(features))
    size = args.output.stat().st_size
    print(f"{args.output.relative_to(ROOT)}: {size:,} bytes")  # noqa: T201


if __name__ == "__main__":
    main()
