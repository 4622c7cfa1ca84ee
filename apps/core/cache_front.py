"""Stored pages for visitors before Django's request handler (config.wsgi).

The page cache (apps.core.cache.AnonymousPageCacheMiddleware) comes first in MIDDLEWARE, so a
hit already leaves before the other middleware; but it still passes Django's handler: the
request_started and request_finished signals (database connections checked and closed), the
handler's middleware chain and a response object made from the stored page. For the commonest
request of all, a visitor's GET of a page stored in the current content version, this WSGI
wrapper answers with the stored status, headers and body itself, as the middleware would have.

Everything else goes on to Django, where the middleware decides as before: a conditional GET
(the 304 is the middleware's), HEAD, a miss, a page not cacheable, anything but a visitor's
request (apps.core.visitors), and any request while Redis cannot be reached. Under ASGI and in
Django's test client the middleware alone serves hits; the answer is the same.
"""

import logging
from http.client import responses

from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest

from apps.core.cache import (
    CONDITIONS,
    FRONT_LOOKUP,
    UNREACHABLE,
    _request_state,
    cacheable_request,
    is_hit,
    page_key,
    stored_page,
)

logger = logging.getLogger(__name__)


class CachedPageFront:
    """WSGI middleware around Django's WSGI application: stored pages for visitors' GETs."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        try:
            entry = self._stored_entry(environ)
        except Exception:
            # Out here no error page is made: whatever went wrong, Django's handler answers
            # the request (its error pages, its 400 for a bad request) and the log says why.
            logger.exception("Seiten-Cache vor Django: Anfrage an Django weitergegeben")
            entry = None
        if entry is None:
            return self.application(environ, start_response)
        _token, status, headers, content = entry
        if settings.PAGE_CACHE_HEADER:  # for developers and tests, as the middleware marks it
            headers = [*headers, ("X-Page-Cache", "hit")]
        start_response(f"{status} {responses[status]}", list(headers))
        return [content]

    @staticmethod
    def _stored_entry(environ):
        """Return the stored page this request may be answered with, or None."""
        if (
            environ.get("REQUEST_METHOD") != "GET"
            or settings.PAGE_CACHE_SECONDS <= 0
            or any(name in environ for name in CONDITIONS)
        ):
            return None
        # Django's own request object, so that the visitor test, the scheme (behind a proxy)
        # and the key are the middleware's to the letter.
        request = WSGIRequest(environ)
        if not cacheable_request(request):
            return None
        key = page_key(request)
        scope = _request_state.set({})
        try:
            state, entry = stored_page(key)
        except UNREACHABLE:
            return None  # Django's stack answers, the page or the German 503 page
        finally:
            _request_state.reset(scope)
        if is_hit(state, entry):
            return entry
        # A miss, or a page known not to be cacheable: the middleware goes on from here.
        environ[FRONT_LOOKUP] = (key, state, entry)
        return None
