"""Who is an anonymous visitor: the requests that need no session, user or message."""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage


def is_visitor(request):
    """Return whether the request is an anonymous visitor's reading of a page.

    GET or HEAD, outside the admin, and without a session cookie (nobody can be signed in
    without one) or a message waiting to be shown. Such a request needs none of the sign-in
    middleware (config.middleware.SignInMiddleware) and may be served from the page cache.
    """
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and not request.path_info.startswith(f"/{settings.ADMIN_URL}")
    )
