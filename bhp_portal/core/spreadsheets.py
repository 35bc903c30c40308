"""Spreadsheet exports that cannot run anything when opened. A CSV cell
starting with =, +, -, @, a tab or a carriage return is read as a formula by
Excel and LibreOffice (`=HYPERLINK(...)` from a contact form, say), so it is
written with a leading apostrophe: shown as text, the answer otherwise kept.
Wagtail's XLSX export already marks such cells as text."""

from wagtail.contrib.forms.views import SubmissionsListView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """For any view built on Wagtail's SpreadsheetExportMixin."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return as_text(value) if export_format == self.FORMAT_CSV else value


class SafeSubmissionsListView(FormulaSafeExportMixin, SubmissionsListView):
    pass
