"""Stored search vectors on Wagtail's search index, each with a GIN index.

The site search (core/search.py) matches on the title and body of Wagtail's
`wagtailsearch_indexentry` rows together. Computing `title || body` in every
search cost about 40 % of a search for a common word (docs/performance.md);
PostgreSQL now keeps it in a generated column. A second column keeps only its
words from boosted fields (weights A to C: page titles, summaries, tags;
fields without a boost are weighted D), which the search reads first, so a
common word need not read every match.

Generated columns are recomputed whenever Wagtail inserts or upserts a row:
its INSERT ... ON CONFLICT DO UPDATE names its own columns only, so these do
not get in its way.

The expression index of 0004 stays: Wagtail's own searches (the API's
`?search=`, the admin) still match the expression `title || body`.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"
COLUMNS = {
    # column: (expression, index)
    "core_title_body": ("title || body", "core_search_title_body_column_gin"),
    "core_boosted_words": (
        "ts_filter(title || body, '{a,b,c}')",
        "core_search_boosted_words_gin",
    ),
}


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0011_site_settings_media_phones"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunSQL(
            sql=[
                *(
                    f"ALTER TABLE {TABLE} ADD COLUMN {column} tsvector "
                    f"GENERATED ALWAYS AS ({expression}) STORED"
                    for column, (expression, _index) in COLUMNS.items()
                ),
                *(
                    f"CREATE INDEX {index} ON {TABLE} USING gin ({column})"
                    for column, (_expression, index) in COLUMNS.items()
                ),
                # Statistics for the new columns, so the planner knows how
                # common each word is from the start.
                f"ANALYZE {TABLE}",
            ],
            reverse_sql=[
                f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {column}"
                for column in COLUMNS
            ],
        )
    ]
