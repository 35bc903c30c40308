"""QuickSelect renders what Django's Select renders, without a template per
option."""

import pytest
from bs4 import BeautifulSoup
from django import forms

from bhp_portal.core.widgets import QuickSelect

CHOICES = [("", "All partners"), ("a-b", "Women's & Children's <Trust>"), ("c", "C")]


def parsed(html):
    """The select's attributes and each option's value, label and selection
    (attribute order and whitespace differ and do not matter)."""
    select = BeautifulSoup(html, "html.parser").select_one("select")
    options = [
        (o["value"], o.get_text(), o.has_attr("selected"))
        for o in select.select("option")
    ]
    return select.attrs, options


@pytest.mark.parametrize("value", [None, "", "a-b", "missing"])
def test_quick_select_matches_djangos_select(value):
    attrs = {"id": "id_partner", "aria-invalid": "true"}
    expected = forms.Select(choices=CHOICES).render("partner", value, attrs)
    rendered = QuickSelect(choices=CHOICES).render("partner", value, attrs)
    assert parsed(rendered) == parsed(expected)


def test_quick_select_escapes_labels_and_marks_the_choice():
    html = QuickSelect(choices=CHOICES).render("partner", "a-b", {"id": "p"})
    assert "Women&#x27;s &amp; Children&#x27;s &lt;Trust&gt;" in html
    assert '<option value="a-b" selected>' in html
    assert html.count("selected") == 1
