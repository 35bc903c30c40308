"""Illustrations drawn with Pillow for the demo content: no downloads, the same
picture for the same motif and seed on every run.

A motif is a small drawing function registered under a name; callers (each
app's demo module) pick the motif that suits their subject, so core names no
subject of its own. `wordmark` sets a name in type on a plain field, for
organisations, which have no logo in the demo.
"""

import math
import random

from PIL import Image, ImageDraw, ImageFont

PALETTES = [
    ("#003846", "#005a70", "#ffd166"),
    ("#1d2528", "#2a7f62", "#f4a259"),
    ("#2d1e4f", "#5c2d91", "#8ecae6"),
    ("#3b1f2b", "#9e2a2b", "#f4d35e"),
    ("#0b3954", "#087e8b", "#bfd7ea"),
    ("#22223b", "#4a4e69", "#f2e9e4"),
]
MOTIFS = {}
# Fonts tried in order for wordmarks; Pillow looks in the system font folders.
# Pillow's own font is the fallback, so a machine without them still works.
WORDMARK_FONTS = ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf")


def motif(name):
    """Registers a drawing function as the motif `name`."""

    def register(function):
        MOTIFS[name] = function
        return function

    return register


def illustration(motif_name, seed, size=(1600, 900)):
    """A picture of the motif on a shaded field in one of the palettes. The
    motifs keep to the middle band, which every crop (hero, banner, card) shows."""
    # Seeded so the pictures are the same on every run; not for secrets.
    rng = random.Random(seed)  # noqa: S311  # nosec B311
    palette = PALETTES[seed % len(PALETTES)]
    canvas = Image.new("RGB", size, palette[0])
    draw = ImageDraw.Draw(canvas)
    _shade(draw, size, palette)
    MOTIFS[motif_name](Sketch(draw, rng, size, palette))
    return canvas


def wordmark(text, seed, size=(1200, 675)):
    """`text` in white type, centred and wrapped to fit, on a plain colour field."""
    background = PALETTES[seed % len(PALETTES)][0]
    canvas = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(canvas)
    width, height = size
    font_size = height // 7
    while True:
        font = _font(font_size)
        lines = _wrap(draw, text, font, width * 0.8)
        line_height = font_size * 1.25
        block = line_height * len(lines)
        widest = max((draw.textlength(line, font=font) for line in lines), default=0)
        if (widest <= width * 0.8 and block <= height * 0.6) or font_size <= 12:
            break
        font_size -= 4
    top = (height - block) / 2 + line_height / 2
    for n, line in enumerate(lines):
        draw.text(
            (width / 2, top + n * line_height),
            line,
            font=font,
            fill="#fff",
            anchor="mm",
        )
    return canvas


def _font(size):
    for name in WORDMARK_FONTS:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _wrap(draw, text, font, max_width):
    lines = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= max_width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _shade(draw, size, palette):
    width, height = size
    dark, mid, _ = palette
    for step in range(0, width + height, 8):
        draw.line(
            [(step, 0), (step - height, height)],
            fill=mix(dark, mid, 0.6 * step / (width + height)),
            width=9,
        )


def mix(colour_a, colour_b, ratio):
    a = [int(colour_a[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(colour_b[i : i + 2], 16) for i in (1, 3, 5)]
    return tuple(int(x + (y - x) * ratio) for x, y in zip(a, b, strict=True))


class Sketch:
    """What a motif draws with: the canvas, a seeded random source, the size
    and the palette (dark, mid, light), and a unit of length that scales."""

    def __init__(self, draw, rng, size, palette):
        self.draw, self.rng, self.size = draw, rng, size
        self.dark, self.mid, self.light = palette
        self.width, self.height = size
        self.unit = self.height / 100
        self.soft = mix(self.mid, self.light, 0.45)

    def line_width(self, factor=1):
        return max(2, round(self.unit * factor))

    def circle(self, x, y, radius, **style):
        self.draw.ellipse([x - radius, y - radius, x + radius, y + radius], **style)


@motif("rings")
def rings(s):
    for _ in range(9):
        radius = s.rng.randint(s.height // 10, s.height // 3)
        x, y = s.rng.randint(0, s.width), s.rng.randint(0, s.height)
        s.circle(x, y, radius, outline=s.light, width=s.line_width(0.7))
    phase = s.rng.random() * 6
    points = [
        (s.width * i / 24, s.height / 2 + math.sin(i / 2 + phase) * s.height / 5)
        for i in range(25)
    ]
    s.draw.line(points, fill=s.light, width=s.line_width(1.1), joint="curve")


@motif("antibodies")
def antibodies(s):
    """Y-shaped antibodies drifting among round cells."""
    for _ in range(6):
        x, y = s.rng.uniform(0, s.width), s.rng.uniform(20, 80) * s.unit
        s.circle(x, y, s.rng.uniform(8, 16) * s.unit, fill=s.mid, outline=s.soft)
    for n in range(10):
        x = s.width * (n + 0.5) / 10 + s.rng.uniform(-3, 3) * s.unit
        y = s.rng.uniform(28, 72) * s.unit
        _antibody(s, x, y, s.rng.uniform(-0.6, 0.6), s.rng.uniform(9, 14) * s.unit)


def _antibody(s, x, y, angle, length):
    def towards(x0, y0, turn, distance):
        return (
            x0 + math.sin(angle + turn) * distance,
            y0 - math.cos(angle + turn) * distance,
        )

    fork = towards(x, y, 0, length)
    width = s.line_width(1.1)
    s.draw.line([(x, y), fork], fill=s.light, width=width)
    for turn in (-0.6, 0.6):
        tip = towards(*fork, turn, length * 0.9)
        s.draw.line([fork, tip], fill=s.light, width=width)
        s.circle(*tip, width * 1.2, fill=s.light)


@motif("cell-division")
def cell_division(s):
    """Cells, some pinching in two, with their chromosomes."""
    for n in range(5):
        x = s.width * (n + 0.5) / 5
        y = s.height / 2 + s.rng.uniform(-15, 15) * s.unit
        radius = s.rng.uniform(9, 12) * s.unit
        split = radius * 0.8 if n % 2 == 0 else 0
        centres = sorted({x - split, x + split})
        for cx in centres:
            s.circle(
                cx, y, radius, fill=s.mid, outline=s.light, width=s.line_width(0.8)
            )
        for cx in centres:
            _chromosome(s, cx + (cx - x) * 0.3, y, radius * 0.25)


def _chromosome(s, x, y, arm):
    width = s.line_width(0.5)
    s.draw.line([(x - arm, y - arm), (x + arm, y + arm)], fill=s.light, width=width)
    s.draw.line([(x - arm, y + arm), (x + arm, y - arm)], fill=s.light, width=width)


@motif("trial-grid")
def trial_grid(s):
    """Rows of checkboxes, most ticked, beside a rising chart."""
    box, gap = 7 * s.unit, 11 * s.unit
    left, top = s.width * 0.08, s.height / 2 - gap * 2
    for row in range(5):
        for column in range(5):
            x, y = left + column * gap, top + row * gap
            s.draw.rounded_rectangle(
                [x, y, x + box, y + box],
                radius=s.unit,
                outline=s.light,
                width=s.line_width(0.6),
            )
            if s.rng.random() < 0.7:
                s.draw.line(
                    [
                        (x + box * 0.2, y + box * 0.5),
                        (x + box * 0.42, y + box * 0.75),
                        (x + box * 0.82, y + box * 0.22),
                    ],
                    fill=s.light,
                    width=s.line_width(0.7),
                )
    base, start = s.height * 0.75, s.width * 0.5
    level, points = s.height * 0.6, []
    for n in range(9):
        level -= s.rng.uniform(0, 6) * s.unit
        points.append((start + n * s.width * 0.05, level))
    s.draw.line([(start, base), (s.width * 0.94, base)], fill=s.soft, width=4)
    s.draw.line(points, fill=s.light, width=s.line_width(0.9), joint="curve")
    for point in points:
        s.circle(*point, s.unit * 1.4, fill=s.light)


@motif("nested-arcs")
def nested_arcs(s):
    """Arcs nested one inside the next, like a family held together."""
    for centre_x in (s.width * 0.3, s.width * 0.72):
        base = s.height * 0.72
        for n in range(7):
            radius = (44 - n * 6) * s.unit * s.rng.uniform(0.95, 1.05)
            colour = s.light if n % 2 == 0 else s.soft
            s.draw.arc(
                [centre_x - radius, base - radius, centre_x + radius, base + radius],
                180,
                360,
                fill=colour,
                width=s.line_width(1.2),
            )
        s.circle(centre_x, base - 4 * s.unit, 3 * s.unit, fill=s.light)


@motif("one-among-many")
def one_among_many(s):
    """A field of the same small dot, and one that stands apart."""
    step = 7 * s.unit
    columns, rows = int(s.width // step), int(s.height // step)
    chosen = (s.rng.randrange(columns // 4, columns * 3 // 4), rows // 2)
    for column in range(columns):
        for row in range(1, rows):
            x, y = (column + 0.5) * step, row * step
            distance = math.dist((column, row), chosen)
            if distance == 0:
                s.circle(x, y, step * 0.7, fill=s.light)
                s.circle(x, y, step * 1.3, outline=s.light, width=s.line_width(0.5))
            elif distance > 1:
                s.circle(x, y, step * 0.14, fill=s.soft)


@motif("uneven-bars")
def uneven_bars(s):
    """Bars of very different heights from one baseline."""
    count, base = 16, s.height * 0.82
    bar = s.width * 0.7 / count
    left = s.width * 0.15
    for n in range(count):
        height = s.rng.choice((12, 18, 26, 38, 52, 64)) * s.unit
        x = left + n * bar
        s.draw.rectangle(
            [x + bar * 0.18, base - height, x + bar * 0.82, base],
            fill=s.light if height > 45 * s.unit else s.soft,
        )
    s.draw.line([(left, base), (s.width - left, base)], fill=s.light, width=5)


@motif("flowing-lines")
def flowing_lines(s):
    """Lines that drift and cross like a train of thought."""
    for n in range(9):
        phase = s.rng.uniform(0, 6)
        amplitude = s.rng.uniform(5, 14) * s.unit
        middle = s.height * (0.3 + n * 0.05)
        points = [
            (
                s.width * i / 60,
                middle + math.sin(i / 6 + phase) * amplitude,
            )
            for i in range(61)
        ]
        colour = s.light if n % 3 == 0 else s.soft
        s.draw.line(points, fill=colour, width=s.line_width(0.6), joint="curve")


@motif("shield")
def shield(s):
    """A shield with a tick, ringed by smaller shields."""
    for n in range(10):
        x = s.width * (n + 0.5) / 10
        y = s.height * (0.25 if n % 2 else 0.75)
        if abs(x - s.width / 2) > 12 * s.unit:
            _shield(s, x, y, 6 * s.unit, s.soft, 0.5)
    _shield(s, s.width / 2, s.height / 2, 24 * s.unit, s.light, 1.3)
    size = 24 * s.unit
    cx, cy = s.width / 2, s.height / 2
    s.draw.line(
        [
            (cx - size * 0.35, cy),
            (cx - size * 0.05, cy + size * 0.3),
            (cx + size * 0.4, cy - size * 0.3),
        ],
        fill=s.light,
        width=s.line_width(1.6),
        joint="curve",
    )


def _shield(s, x, y, size, colour, weight):
    top = y - size
    outline = [
        (x - size * 0.8, top),
        (x + size * 0.8, top),
        (x + size * 0.8, y),
        (x, y + size),
        (x - size * 0.8, y),
        (x - size * 0.8, top),
    ]
    s.draw.line(outline, fill=colour, width=s.line_width(weight), joint="curve")


@motif("network")
def network(s):
    """People and places linked to their nearest neighbours."""
    nodes = [
        (s.rng.uniform(0.05, 0.95) * s.width, s.rng.uniform(0.15, 0.85) * s.height)
        for _ in range(26)
    ]
    for x, y in nodes:
        nearest = sorted(nodes, key=lambda other: math.dist((x, y), other))[1:4]
        for other in nearest:
            s.draw.line([(x, y), other], fill=s.soft, width=s.line_width(0.4))
    for n, (x, y) in enumerate(nodes):
        radius = (3.2 if n % 5 == 0 else 1.8) * s.unit
        s.circle(x, y, radius, fill=s.light if n % 5 == 0 else s.soft)


@motif("scatter")
def scatter(s):
    """Data points around a trend, on a pair of axes."""
    left, right = s.width * 0.1, s.width * 0.9
    top, base = s.height * 0.15, s.height * 0.85
    s.draw.line([(left, top), (left, base), (right, base)], fill=s.soft, width=5)
    slope = s.rng.uniform(0.4, 0.8)
    for _ in range(90):
        t = s.rng.random()
        x = left + t * (right - left)
        y = base - (t * slope + s.rng.gauss(0, 0.08) + 0.1) * (base - top)
        y = min(base - s.unit, max(top, y))
        s.circle(x, y, 1.3 * s.unit, fill=s.light)
    s.draw.line(
        [
            (left, base - 0.1 * (base - top)),
            (right, base - (slope + 0.1) * (base - top)),
        ],
        fill=s.light,
        width=s.line_width(0.5),
    )


@motif("bench-to-bedside")
def bench_to_bedside(s):
    """A flask on the left, a bed on the right, arrows carrying one to the other."""
    cy, u = s.height / 2, s.unit
    fx = s.width * 0.14
    flask = [
        (fx - 4 * u, cy - 16 * u),
        (fx - 4 * u, cy - 4 * u),
        (fx - 13 * u, cy + 14 * u),
        (fx + 13 * u, cy + 14 * u),
        (fx + 4 * u, cy - 4 * u),
        (fx + 4 * u, cy - 16 * u),
    ]
    s.draw.line(flask, fill=s.light, width=s.line_width(1.2), joint="curve")
    bx = s.width * 0.8
    width = s.line_width(1.2)
    s.draw.line([(bx, cy - 14 * u), (bx, cy + 14 * u)], fill=s.light, width=width)
    s.draw.line(
        [(bx, cy + 4 * u), (bx + 26 * u, cy + 4 * u), (bx + 26 * u, cy + 14 * u)],
        fill=s.light,
        width=width,
    )
    s.draw.rounded_rectangle(
        [bx + 2 * u, cy - 4 * u, bx + 10 * u, cy + 2 * u], radius=2 * u, fill=s.soft
    )
    for n in range(5):
        x = s.width * (0.3 + n * 0.1)
        s.draw.line(
            [(x - 4 * u, cy - 8 * u), (x + 4 * u, cy), (x - 4 * u, cy + 8 * u)],
            fill=s.light if n % 2 == 0 else s.soft,
            width=s.line_width(1.4),
        )


@motif("circuit")
def circuit(s):
    """Traces that turn at right angles between pads, on a faint grid."""
    step = 10 * s.unit
    for x in range(0, s.width, int(step)):
        s.draw.line([(x, 0), (x, s.height)], fill=s.mid, width=1)
    for y in range(0, s.height, int(step)):
        s.draw.line([(0, y), (s.width, y)], fill=s.mid, width=1)
    for _ in range(16):
        x = s.rng.randrange(1, int(s.width // step)) * step
        y = s.rng.randrange(2, 9) * step
        points = [(x, y)]
        for turn in range(4):
            length = s.rng.randrange(1, 4) * step
            x += length * s.rng.choice((-1, 1)) if turn % 2 == 0 else 0
            y += length * s.rng.choice((-1, 1)) if turn % 2 else 0
            y = min(s.height - step, max(step, y))
            points.append((x, y))
        s.draw.line(points, fill=s.soft, width=s.line_width(0.6), joint="curve")
        s.circle(*points[0], 1.6 * s.unit, fill=s.light)
        s.circle(*points[-1], 1.6 * s.unit, outline=s.light, width=3)
