"""Embedded players from other sites (YouTube, Vimeo) load nothing from those
sites until the reader asks: the privacy notice promises no third-party
content or cookies by default."""

from bs4 import BeautifulSoup
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from bhp_portal.core.blocks import EmbedBlock

VIDEO = "https://www.youtube.com/watch?v=bhp-demo"
PLAYER = '<iframe src="https://www.youtube-nocookie.com/embed/bhp-demo"></iframe>'


def render(db_value):
    block = EmbedBlock()
    return BeautifulSoup(block.render(block.to_python(db_value)), "html.parser")


def test_an_embed_is_a_link_and_an_inert_player_until_the_reader_asks(db):
    # The oEmbed answer as Wagtail caches it, so the test needs no network.
    Embed.objects.create(
        hash=get_embed_hash(VIDEO),
        url=VIDEO,
        html=PLAYER,
        type="video",
        provider_name="YouTube",
    )

    html = render({"embed": VIDEO, "title": "A trial explained", "transcript": ""})

    link = html.select_one(".embed__link a")
    assert link["href"] == VIDEO and link.get_text() == "A trial explained"
    # Inside <template> the player is parsed but never loaded or run.
    frames = html.find_all("iframe")
    assert len(frames) == 1 and frames[0].find_parent("template")
    assert html.select_one(".embed__consent").has_attr("hidden")  # shown by site.js
