"""Filtered, paginated listings: the one way every index page that lists
pages under a GET filter form (news, events, people, studies) pages them."""

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.http import Http404

from .cache import paginator_counted_once


class FilterForm(forms.Form):
    """A listing's filters. They live in the address, so a filtered list can
    be bookmarked and shared."""

    def has_filters(self):
        return any(self.cleaned_data.get(name) for name in self.fields)


def filtered_page(request, form, items, per_page, cache_name=None):
    """What a filtered listing's template reads: the form, this page of
    `items`, the query string of its filters (for pagination links), a key
    for the list's cached fragment and whether any filter is set.

    A page number that is not a whole number is a 404; one past the end
    shows the last page, so an old link into a shrinking list still lands
    somewhere useful. With `cache_name` the count is kept until the next
    publish (paginator_counted_once), keyed on the filters (filter_query)."""
    page_number = request.GET.get("page", "1")
    if not page_number.isdigit():
        raise Http404("Page numbers are whole numbers.")
    query = filter_query(form)
    if cache_name:
        paginator = paginator_counted_once(
            request, f"{cache_name}:{query}", items, per_page
        )
    else:
        paginator = Paginator(items, per_page)
    page_obj = paginator.get_page(page_number)
    return {
        "filter_form": form,
        "page_obj": page_obj,
        "query": query,
        "results_key": f"{cache_name}:{page_obj.number}?{query}",
        "is_filtered": form.is_valid() and form.has_filters(),
    }


def filter_query(form):
    """The query string of the filters as the form reads them (of a repeated
    parameter, the value its widget takes), empty ones left out. Links and the
    listing's fragments carry no parameter the form does not read, so a
    made-up one neither spreads nor adds a cache entry."""
    pairs = []
    for field in form:
        data = field.data  # read from the form's data anew on each use
        values = data if isinstance(data, list) else [data]
        pairs += [(field.html_name, value) for value in values if value]
    return urlencode(pairs)
