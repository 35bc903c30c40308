import re

from django import template

register = template.Library()


@register.filter
def tel_href(number):
    """A `tel:` link for a number written for people: "+44 (0)121 414 6681"
    dials +441214146681; the "(0)" is only for callers inside the UK."""
    digits = re.sub(r"[^\d+]", "", str(number).replace("(0)", ""))
    return f"tel:{digits}"
