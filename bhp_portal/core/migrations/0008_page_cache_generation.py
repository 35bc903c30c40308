"""The page-cache generation's copy in PostgreSQL (core/cache.py): one row,
bumped in the same transaction as every change the public could see, so a
change is never lost when Redis drops the cache's own copy of the number.
A plain table rather than a model: nothing but core/cache.py reads it."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("core", "0007_enquiries_group")]

    operations = [
        migrations.RunSQL(
            sql=[
                "CREATE TABLE core_pagecachegeneration ("
                " id smallint PRIMARY KEY CHECK (id = 1),"
                " value bigint NOT NULL)",
                "INSERT INTO core_pagecachegeneration (id, value) VALUES (1, 0)",
            ],
            reverse_sql=["DROP TABLE core_pagecachegeneration"],
        )
    ]
