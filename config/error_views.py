"""Error pages that need more than Django's defaults."""

import sys

from django.db import InterfaceError, OperationalError
from django.views import defaults

from .middleware import database_unavailable


def server_error(request):
    """Django's 500 page, or the German 503 page when the database is unreachable where no
    middleware sees it (rendering a 404 page whose context reads the database)."""
    exception = sys.exc_info()[1]
    if isinstance(exception, (OperationalError, InterfaceError)):
        return database_unavailable(request, exception)
    return defaults.server_error(request)
