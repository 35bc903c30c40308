"""Form widgets for public pages and the editor."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class QuickSelect(forms.Select):
    """Django's Select with the same attributes and selection, rendered in
    Python. Django's template renders an include per option, and the news
    filters' forty-odd options were a third of that page's render time.
    Option groups are not supported (nothing here uses them)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], flatatt(option["attrs"]), option["label"])
                for _, group, _ in widget["optgroups"]
                for option in group
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            options,
        )


class PageCheckboxes(forms.CheckboxSelectMultiple):
    """A checkbox per page for a many-to-many to a page type, with pages
    that are not published marked, so an editor does not link a story to a
    theme visitors cannot see without knowing it. A draft already chosen
    stays chosen: nothing saved is lost."""

    NOT_LIVE = "(draft: not on the public site)"

    def create_option(self, name, value, label, selected, index, **kwargs):
        page = getattr(value, "instance", None)
        if page is not None and not page.live:
            label = f"{label} {self.NOT_LIVE}"
        return super().create_option(name, value, label, selected, index, **kwargs)
