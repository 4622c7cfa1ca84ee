"""Letter case ignored for every alphabet, on SQLite too.

SQLite folds only ASCII letters in LIKE and UPPER, so "übergänge" and "Übergänge" differ
there (PostgreSQL folds both). For fields registered with these lookups, `iexact` and
`icontains` compare Python's casefold() of both sides on SQLite, through a function each
SQLite connection gets (connection_created); other databases keep Django's SQL.
"""

from django.db.backends.signals import connection_created
from django.db.models.lookups import IContains, IExact

CASEFOLD = "unicode_casefold"


def _casefold(value):
    return value.casefold() if isinstance(value, str) else value


def add_casefold_function(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(CASEFOLD, 1, _casefold, deterministic=True)


def connect_sqlite_casefold():
    connection_created.connect(add_casefold_function, dispatch_uid="apps.core.casefold")


class _CasefoldOnSQLite:
    def as_sqlite(self, compiler, connection):
        if not self.rhs_is_direct_value():
            return self.as_sql(compiler, connection)
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return self.casefold_sql % {"lhs": lhs, "f": CASEFOLD}, (*lhs_params, self.rhs)


class UnicodeIExact(_CasefoldOnSQLite, IExact):
    casefold_sql = "%(f)s(%(lhs)s) = %(f)s(%%s)"


class UnicodeIContains(_CasefoldOnSQLite, IContains):
    casefold_sql = "instr(%(f)s(%(lhs)s), %(f)s(%%s)) > 0"


def fold_case_everywhere(field):
    """Make `field`'s iexact and icontains ignore letter case in every alphabet."""
    field.register_lookup(UnicodeIExact)
    field.register_lookup(UnicodeIContains)
