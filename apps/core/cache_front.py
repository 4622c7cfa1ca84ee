"""Stored pages for visitors before Django's request handler (config.wsgi).

The page cache (apps.core.cache.AnonymousPageCacheMiddleware) comes first in MIDDLEWARE, so a
hit already leaves before the other middleware; but it still passes Django's handler: the
request_started and request_finished signals (database connections checked and closed), the
handler's middleware chain and a response object made from the stored page. For the commonest
requests of all, a visitor's GET of a page stored in the current content version and a
browser's revalidation of it, this WSGI wrapper answers itself, as the middleware would have:
the stored status, headers and body, or the 304 the request's conditions make of them.

Everything else goes on to Django, where the middleware decides as before: HEAD, a miss, a
page not cacheable, anything but a visitor's request (apps.core.visitors), and any request
while Redis (or the database holding the cache table) cannot be reached. Under ASGI and in
Django's test client the middleware alone serves hits; the answer is the same.
"""

import logging
from http.client import responses

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.handlers.wsgi import WSGIRequest
from django.db import close_old_connections

from apps.core.cache import (
    FRONT_LOOKUP,
    LOOKUP_FAILED,
    UNREACHABLE,
    cacheable_request,
    carries_conditions,
    is_hit,
    page_key,
    request_scope,
    stored_page,
    stored_response,
)

logger = logging.getLogger(__name__)


class CachedPageFront:
    """WSGI middleware around Django's WSGI application: stored pages for visitors' GETs."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        try:
            answer = self._stored_answer(environ)
        except Exception:
            # Out here no error page is made: whatever went wrong, Django's handler answers
            # the request (its error pages, its 400 for a bad request) and the log says why.
            logger.exception("Seiten-Cache vor Django: Anfrage an Django weitergegeben")
            answer = None
        if answer is None:
            return self.application(environ, start_response)
        status, headers, content = answer
        start_response(status, headers)
        return [content]

    @staticmethod
    def _stored_answer(environ):
        """Return the status line, headers and body to answer with from the store, or None."""
        if environ.get("REQUEST_METHOD") != "GET" or settings.PAGE_CACHE_SECONDS <= 0:
            return None
        # Django's own request object, so that the visitor test, the scheme (behind a proxy)
        # and the key are the middleware's to the letter; made from a copy, since it writes
        # the decoded path into its environ, which Django's handler would decode again.
        request = WSGIRequest(environ.copy())
        if not cacheable_request(request):
            return None
        key = page_key(request)
        # With the database's cache table, the lookup is a query: the connection is checked
        # as Django's handler does when a request starts, and closed (CONN_MAX_AGE) as it
        # does when one ends, unless Django's handler goes on with the request.
        in_database = isinstance(caches["default"], DatabaseCache)
        if in_database:
            close_old_connections()
        try:
            with request_scope():
                state, entry = stored_page(key)
        except UNREACHABLE:
            # Django's stack answers (the page or the German 503 page) without asking again.
            environ[FRONT_LOOKUP] = LOOKUP_FAILED
            return None
        if not is_hit(state, entry):
            # A miss, or a page known not to be cacheable: the middleware goes on from here.
            environ[FRONT_LOOKUP] = (key, state, entry)
            return None
        if in_database:
            close_old_connections()
        if carries_conditions(environ):
            # A revalidation: the 304 (or the page) as the middleware makes it.
            response = stored_response(request, entry)
            status = f"{response.status_code} {response.reason_phrase}"
            return status, list(response.items()), response.content
        _token, status, headers, content = entry
        if settings.PAGE_CACHE_HEADER:  # for developers and tests, as the middleware marks it
            headers = [*headers, ("X-Page-Cache", "hit")]
        return f"{status} {responses[status]}", list(headers), content
