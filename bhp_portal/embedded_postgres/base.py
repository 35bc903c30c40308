"""Django's PostgreSQL backend, connecting to the embedded server, which it
starts on the first connection and which gets the configured database made
if it does not exist yet."""

from django.db.backends.postgresql import base

from bhp_portal import embedded_postgres


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        name = params.get("dbname") or params.get("database")
        params["host"] = embedded_postgres.ensure_database(name)
        params.setdefault("user", embedded_postgres.USER)
        return params
