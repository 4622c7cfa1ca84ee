"""What the public apps' URL modules share."""

import functools

from django.db import transaction
from django.urls import URLResolver


def read_only(urlpatterns):
    """Let each view of `urlpatterns` (and of what they include) run without the request's
    transaction, and return them.

    ATOMIC_REQUESTS puts every view in one transaction, so that a failed save leaves nothing
    half-written. Public pages, feeds and calendars only read: for them it is a BEGIN and a
    COMMIT (two round trips on PostgreSQL) and Django's savepoint bookkeeping for nothing.
    Everything not passed through here keeps its transaction: the admin above all.
    """
    for pattern in urlpatterns:
        if isinstance(pattern, URLResolver):
            read_only(pattern.url_patterns)
        else:
            pattern.callback = _without_transaction(pattern.callback)
    return urlpatterns


def _without_transaction(view):
    # A wrapper, so that a view shared with other routes (Django's sitemap views) is not
    # marked everywhere it is used.
    @functools.wraps(view)
    def read_only_view(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    read_only_view._non_atomic_requests = set()  # not the view's own set, which wraps() copies
    return transaction.non_atomic_requests(read_only_view)
