"""The site-wide page cache: anonymous GET responses keyed by a content version.

Any save, delete or relation change of public content bumps the version, so the next request
renders afresh on every server sharing the cache. The version also expires at the next
scheduled publication time, so scheduled articles appear on time although pages are cached.

A request reads the version from the shared cache once. Fragments are stored under the version,
so a fragment's value never changes once written: each process also keeps the fragments it
has used in memory, and a page costs one round trip to the shared cache, not one per fragment.
"""

import hashlib
import uuid
from collections import OrderedDict
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag

VERSION_KEY = "site:content-version"
# Apps whose records visitors see; a change to any of them changes public pages.
PUBLIC_APP_LABELS = {"news", "network", "media", "pages", "taggit"}


def _next_publication():
    from apps.news.models import Article

    return (
        Article.objects.scheduled()
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )


# The version a request has read, so that its fragments ask the shared cache for it only once.
_request_state: ContextVar[dict | None] = ContextVar("content_version_state", default=None)
# Fragments this process has read or built, by their versioned key; oldest dropped first.
LOCAL_FRAGMENTS = 256
_local_fragments: OrderedDict = OrderedDict()


def _version_state():
    scope = _request_state.get()
    if scope is not None and "state" in scope:
        return scope["state"]
    state = cache.get(VERSION_KEY)
    if scope is not None:
        scope["state"] = state
    return state


def content_version() -> str:
    """Return the current content version, renewing it once a scheduled article is due."""
    state = _version_state()
    now = timezone.now()
    if state is None or (state["until"] is not None and state["until"] <= now):
        state = {"token": uuid.uuid4().hex, "until": _next_publication()}
        cache.set(VERSION_KEY, state, None)
        scope = _request_state.get()
        if scope is not None:
            scope["state"] = state
    return state["token"]


def _seconds_left() -> int:
    """Return how long a page may be cached: the setting, or less if an article is due sooner."""
    state = _version_state()
    seconds = settings.PAGE_CACHE_SECONDS
    if state and state["until"] is not None:
        seconds = min(seconds, int((state["until"] - timezone.now()).total_seconds()) + 1)
    return max(seconds, 0)


def bump_content_version() -> None:
    """Make every cached page and fragment stale, on all servers sharing the cache."""
    cache.delete(VERSION_KEY)
    scope = _request_state.get()
    if scope is not None:
        scope.pop("state", None)


def _remember_locally(key, value):
    _local_fragments[key] = value
    _local_fragments.move_to_end(key)
    while len(_local_fragments) > LOCAL_FRAGMENTS:
        _local_fragments.popitem(last=False)


def cached_fragment(name: str, build):
    """Return build() cached until public content changes (sidebar lists, tag clouds)."""
    key = f"fragment:{content_version()}:{name}"
    value = _local_fragments.get(key)
    if value is not None:
        _local_fragments.move_to_end(key)
        return value
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, settings.PAGE_CACHE_SECONDS or 300)
    _remember_locally(key, value)
    return value


def _content_changed(sender, **kwargs):
    if kwargs.get("raw"):
        return
    action = kwargs.get("action")
    if action is not None and not action.startswith("post_"):
        return
    if sender._meta.app_label in PUBLIC_APP_LABELS:
        bump_content_version()
        # Once more when the change is committed: a request between the first bump and the
        # commit reads the old rows and would keep them under the new version.
        transaction.on_commit(bump_content_version, robust=True)


def connect_signals():
    """Bump the version on every change of public content (called from AppConfig.ready)."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"page-cache-{signal!r}")


class AnonymousPageCacheMiddleware:
    """Serve anonymous GET requests from the cache; staff (a session cookie) never are."""

    def __init__(self, get_response):
        self.get_response = get_response

    def _cacheable_request(self, request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path_info.startswith(f"/{settings.ADMIN_URL}")
        )

    def _key(self, request):
        url = hashlib.md5(request.build_absolute_uri().encode(), usedforsecurity=False)
        return f"page:{content_version()}:{url.hexdigest()}"

    def __call__(self, request):
        scope = _request_state.set({})
        try:
            return self._respond(request)
        finally:
            _request_state.reset(scope)

    def _respond(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        key = self._key(request)
        response = cache.get(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._cacheable_response(response):
            if not response.has_header("ETag"):
                set_response_etag(response)
            patch_vary_headers(response, ["Cookie"])
            patch_cache_control(response, public=True, max_age=0)
            timeout = _seconds_left()
            if timeout > 0:
                cache.set(key, response, timeout)
        response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _cacheable_response(response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in cache_control
            and "no-store" not in cache_control
        )
