"""The site-wide page cache: anonymous GET responses keyed by a content version.

Any save, delete or relation change of public content bumps the version, so the next request
renders afresh on every server sharing the cache. The version also expires at the next
scheduled publication time, so scheduled articles appear on time although pages are cached.

A request reads the version from the shared cache once: an anonymous GET together with its
page in one get_many (a cache hit is that one round trip), any other request at its first
fragment. Fragments are stored under the version, so a fragment's value never changes once
written: each process also keeps the fragments of the current version it has used in memory,
and a page costs one round trip to the shared cache, not one per fragment. The version and
the fragments also expire after a while, so a change that bypassed the signals (a queryset
update in a shell) shows up without a restart.

With Redis, a process also remembers the version and the pages it has served, and Redis tells
it when the version changes (apps.core.version_watch): a page cache hit then costs no round
trip at all, and neither does the version a page's fragments are read under.
"""

import hashlib
import logging
import threading
import time
import uuid
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from django.core.signals import setting_changed
from django.db import DatabaseError, InterfaceError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from redis.connection import Connection, parse_url
from redis.exceptions import RedisError

from apps.core.version_watch import NO_WATCH, VersionWatch
from apps.core.visitors import is_visitor

logger = logging.getLogger(__name__)

VERSION_KEY = "site:content-version"
# Apps whose records visitors see; a change to any of them changes public pages.
PUBLIC_APP_LABELS = {"news", "network", "media", "pages", "taggit"}


# Callables that return the next moment public content changes by itself (a scheduled
# article), registered by the content apps in AppConfig.ready: this app imports none of them.
_schedules = []


def register_schedule(next_change) -> None:
    """Let the page cache expire when next_change() says content becomes public (or None)."""
    if next_change not in _schedules:
        _schedules.append(next_change)


def _next_publication():
    moments = [moment for moment in (source() for source in _schedules) if moment is not None]
    return min(moments, default=None)


# The version a request has read, so that its fragments ask the shared cache for it only once.
_request_state: ContextVar[dict | None] = ContextVar("content_version_state", default=None)


@contextmanager
def request_scope():
    """Hold the content version a request reads once, for its page and all its fragments."""
    scope = _request_state.set({})
    try:
        yield
    finally:
        _request_state.reset(scope)


def _fragment_seconds() -> int:
    """Return how long the version and fragments live, even if no change is noticed."""
    return settings.PAGE_CACHE_SECONDS or 300


def _weight(value) -> int:
    """Return the length of the text a kept value holds (bytes, or characters of a str), also
    inside a tuple (a stored page, a file with its ETag); model instances and lists of them
    are small and counted as nothing."""
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, tuple):
        return sum(_weight(item) for item in value)
    return 0


class ProcessFragments:
    """The fragments of the current content version that this process has used.

    A new version empties it; entries expire with the shared cache's timeout, so a change that
    was never announced heals here as it does in Redis. At most `size` entries and `budget`
    bytes (or characters) of text, the least recently used going first; a value over `largest`
    stays in the shared cache only (the meetings .ics of about 2,700 meetings and more; the log
    says so once per name). Safe for threaded servers. Not Django's LocMemCache: it pickles
    every value on each read, and the programme memberships are hundreds of model instances.
    """

    def __init__(self, size=256, largest=2 * 1024 * 1024, budget=16 * 1024 * 1024):
        self.size, self.largest, self.budget = size, largest, budget
        self._lock = threading.Lock()
        self._token = None
        self._entries = OrderedDict()  # name: (expires, value, weight)
        self._bytes = 0
        # Names logged as over `largest`, at most 64 (pages are named by their address's hash).
        self._too_large = set()

    def get(self, token, name):
        with self._lock:
            entry = self._entries.get(name) if token == self._token else None
            if entry is None:
                return None
            expires, value, weight = entry
            if expires <= time.monotonic():
                del self._entries[name]
                self._bytes -= weight
                return None
            self._entries.move_to_end(name)
            return value

    def put(self, token, name, value, seconds):
        weight = _weight(value)
        if weight > self.largest:
            if name not in self._too_large and len(self._too_large) < 64:  # once per name
                self._too_large.add(name)
                logger.warning(
                    "%s (%d Zeichen) ist größer als %d: nicht im Speicher des Prozesses, "
                    "sondern jedes Mal, wenn er gebraucht wird, aus dem gemeinsamen Cache",
                    name,
                    weight,
                    self.largest,
                )
            return
        with self._lock:
            if token != self._token:
                self._token = token
                self._entries.clear()
                self._bytes = 0
            replaced = self._entries.pop(name, None)
            if replaced is not None:
                self._bytes -= replaced[2]
            self._entries[name] = (time.monotonic() + seconds, value, weight)
            self._bytes += weight
            while len(self._entries) > self.size or self._bytes > self.budget:
                _name, (_expires, _value, dropped) = self._entries.popitem(last=False)
                self._bytes -= dropped


_process_fragments = ProcessFragments()
# The pages of the current version this process has served (or found uncacheable), used only
# while the version watch vouches for the version: then a hit needs no round trip.
_process_pages = ProcessFragments(size=256, largest=4 * 1024 * 1024, budget=32 * 1024 * 1024)
UNCACHEABLE = "uncacheable"


def _watch():
    """Return the version watch of the shared cache, or NO_WATCH if it cannot report changes."""
    watch = getattr(cache, "version_watch", None)
    return watch(VERSION_KEY) if watch is not None else NO_WATCH


def _settle_owed_bump():
    """Make the bump a change saved while Redis was unreachable still owes (raises while
    Redis is still unreachable; the callers cope with that)."""
    if _owed_bump.is_set():
        _owed_bump.clear()  # first: a bump owed meanwhile by another thread sets it again
        try:
            shared_cache(cache.delete, VERSION_KEY)
        except RedisError:
            _owed_bump.set()
            raise
        _watch().forget()


def _version_state():
    scope = _request_state.get()
    if scope is not None and "state" in scope:
        return scope["state"]
    _settle_owed_bump()
    watch = _watch()
    state, ticket = watch.lookup()
    if state is None:
        state = shared_cache(cache.get, VERSION_KEY)
        watch.remember(ticket, state)
    if scope is not None:
        scope["state"] = state
    return state


def _current(state) -> bool:
    return state is not None and (state["until"] is None or state["until"] > timezone.now())


def content_version() -> str:
    """Return the current content version, renewing it once a scheduled article is due."""
    state = _version_state()
    if not _current(state):
        state = {"token": uuid.uuid4().hex, "until": _next_publication()}
        shared_cache(cache.set, VERSION_KEY, state, _fragment_seconds())
        _watch().forget()  # Redis reports the new version as a change; read it back once
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


class CacheResting(RedisError):
    """Redis failed a call a moment ago and is not asked again yet (shared_cache)."""


# After Redis fails a call, this process does not ask it again for this long: in a network
# fault every call would otherwise wait for its full timeout, page after page.
REDIS_REST_SECONDS = 5
_redis_rests_until = [0.0]


@receiver(setting_changed)
def _forget_redis_rest(setting, **kwargs):
    if setting == "CACHES":
        _redis_rests_until[0] = 0.0


def shared_cache(method, *args):
    """Call a method of the shared cache (cache.get, cache.set, …). After a RedisError, raise
    CacheResting at once for REDIS_REST_SECONDS instead of waiting for Redis again."""
    if time.monotonic() < _redis_rests_until[0]:
        raise CacheResting("Cache vor Kurzem nicht erreichbar")
    try:
        return method(*args)
    except RedisError:
        _redis_rests_until[0] = time.monotonic() + REDIS_REST_SECONDS
        raise


def shared_cache_or(default, method, *args):
    """Return shared_cache(method, *args), or default if Redis cannot be reached (logged)."""
    try:
        return shared_cache(method, *args)
    except RedisError as error:
        logger.warning("Cache nicht erreichbar (%s): %s", method.__name__, error)
        return default


# A change saved while Redis could not be reached: its bump is made by this process's first
# read of the version that reaches Redis again. Other processes know nothing of it: until
# then they may serve pages stored before the change (docs/deployment.md says for how long).
_owed_bump = threading.Event()


def bump_content_version() -> None:
    """Make every cached page and fragment stale, on all servers sharing the cache.

    Without Redis the change is saved all the same (an editor's work is never refused for the
    cache's sake); the bump is owed until Redis answers again.
    """
    if not _owed_bump.is_set():  # else Redis failed already: the owed bump will do
        try:
            shared_cache(cache.delete, VERSION_KEY)
        except RedisError as error:
            _owed_bump.set()
            logger.error("Cache nicht erreichbar, Inhaltsversion wird nachgeholt: %s", error)
    _watch().forget()
    scope = _request_state.get()
    if scope is not None:
        scope.pop("state", None)
        scope.pop("built", None)


def cached_fragment(name: str, build):
    """Return build() cached until public content changes (sidebar lists, tag clouds).

    Without Redis the page is made with build()'s value, uncached, instead of refused: built
    once per request (a page may use a fragment twice: the meeting page's topics, for the
    sidebar and for its links).
    """
    try:
        token = content_version()
        value = _process_fragments.get(token, name)
        if value is not None:
            return value
        key = f"fragment:{token}:{name}"
        value = shared_cache(cache.get, key)
    except RedisError as error:
        built = _built_in_this_request()
        if name not in built:
            logger.warning("Cache nicht erreichbar, %s ungecacht: %s", name, error)
            built[name] = build()
        return built[name]
    if value is None:
        value = build()
        if shared_cache_or(False, cache.set, key, value, _fragment_seconds()) is False:
            # Redis failed: not kept in this process either, only for the rest of the request.
            _built_in_this_request()[name] = value
            return value
    _process_fragments.put(token, name, value, _fragment_seconds())
    return value


def _built_in_this_request() -> dict:
    """Return the fragments built in this request without the shared cache (a new content
    version drops them; outside a request nothing is kept)."""
    scope = _request_state.get()
    return {} if scope is None else scope.setdefault("built", {})


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


def create_cache_table(sender, using, **kwargs):
    """pre_migrate receiver: create the table of a database cache once per migrate (when the
    signal reaches the first app), as `createcachetable` would; nothing for Redis or memory."""
    from django.apps import apps
    from django.core.management import call_command

    with_models = [config for config in apps.get_app_configs() if config.models_module]
    uses_table = any(
        options["BACKEND"].endswith("DatabaseCache") for options in settings.CACHES.values()
    )
    if uses_table and sender is with_models[0]:
        call_command("createcachetable", database=using, verbosity=0)


# What the lookup and the store raise when the shared cache or the database cannot be reached.
UNREACHABLE = (DatabaseError, InterfaceError, RedisError)
# The request headers of a conditional GET; a cacheable request's page is rendered without
# them, so that the whole page is there to be stored, and the 304 is decided here.
VALIDATORS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
# Every request header that can turn a page into a 304 or a 412 (ConditionalGetMiddleware).
CONDITIONS = (*VALIDATORS, "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")
# What SecurityMiddleware and PermissionsPolicyMiddleware add to every response, a 304
# included: a 304 made here from a stored page keeps them, as one made below them gets them.
NOT_MODIFIED_KEEPS = (
    "Strict-Transport-Security",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Permissions-Policy",
)


# Where apps.core.cache_front leaves the key, the version's state and the entry it found for a
# request it passes on to Django (a WSGI environ key, which no request header can set), or
# LOOKUP_FAILED if the store could not be reached.
FRONT_LOOKUP = "apps.core.cache.front_lookup"
LOOKUP_FAILED = "lookup-failed"


def cacheable_request(request) -> bool:
    """Return whether the page cache may answer this request (and store its page)."""
    return (
        settings.PAGE_CACHE_SECONDS > 0
        # Whoever brings a session (staff) or a message to be shown gets a fresh page.
        and is_visitor(request)
        # Static files are WhiteNoise's; plain HTTP is redirected by SecurityMiddleware.
        and not request.path.startswith(settings.STATIC_URL)
        and not (settings.SECURE_SSL_REDIRECT and not request.is_secure())
    )


def page_key(request) -> str:
    """Return a page's key: scheme, host, path and query as the request brings them.

    The host is not validated here (that is most of what build_absolute_uri() costs): a page
    is only stored after the view answered 200, which a host outside ALLOWED_HOSTS never gets,
    so a key with such a host never finds anything.
    """
    address = "|".join(
        (
            request.scheme,
            request._get_raw_host(),
            request.path,
            request.META.get("QUERY_STRING", ""),
        )
    )
    # "page:…" held pages without the security headers, before the page cache came first.
    return f"page-whole:{hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()}"


def stored_page(key):
    """Return the content version's state and the page stored under key (or None, or
    UNCACHEABLE): from this process's memory while the version watch vouches for the version,
    else with one round trip for both. Called inside a request_scope()."""
    _settle_owed_bump()
    watch = _watch()
    state, ticket = watch.lookup()
    if state is not None and _current(state):
        _request_state.get()["state"] = state
        entry = _process_pages.get(state["token"], key)
        if entry is None:
            entry = shared_cache(cache.get, key)
            if entry is not None and entry[0] == state["token"]:
                _keep_page(state["token"], key, entry, _seconds_left())
        return state, entry
    found = shared_cache(cache.get_many, [VERSION_KEY, key])
    state = _request_state.get()["state"] = found.get(VERSION_KEY)
    watch.remember(ticket, state)
    return state, found.get(key)


def is_hit(state, entry) -> bool:
    """Say whether stored_page() found a page of the current version."""
    found = entry is not None and entry is not UNCACHEABLE
    return _current(state) and found and entry[0] == state["token"]


def _keep_page(token, key, entry, seconds):
    """Remember a page (or that it is not cacheable) in this process, if a watch vouches for
    the version it belongs to."""
    if not _watch().listening or seconds <= 0:
        return
    _process_pages.put(token, key, entry, seconds)


# ConditionalGetMiddleware's own decision (ETag, Last-Modified, 304 or 412), taken where a
# stored page is answered rather than at its place in the stack; it never calls get_response.
_conditional_get = ConditionalGetMiddleware(lambda request: None).process_response


def carries_conditions(meta) -> bool:
    """Say whether a request (its META, or a WSGI environ) asks for a 304 or a 412."""
    return any(name in meta for name in CONDITIONS)


def not_modified_or(request, response):
    """Return a 304 (or 412) if the request's conditions say so of the page, as
    ConditionalGetMiddleware would, with the headers a 304 from below the security middleware
    carries; else the page."""
    if not carries_conditions(request.META):
        return response  # nothing to compare the page with (most requests)
    answer = _conditional_get(request, response)
    if answer is not response:
        for header in NOT_MODIFIED_KEEPS:
            if header in response:
                answer[header] = response[header]
    return answer


def freeze(token, response):
    """Return what the cache keeps of a page: plain values, cheaper to load than a pickled
    response object (the token of the version it belongs to, status, headers, body)."""
    return (token, response.status_code, list(response.items()), response.content)


def thaw(entry) -> HttpResponse:
    """Return the response a stored page was made from."""
    _token, status, headers, content = entry
    return HttpResponse(content, status=status, headers=dict(headers))


def stored_response(request, entry) -> HttpResponse:
    """Return a hit: the stored page, or the 304 (or 412) its validators make of it."""
    response = not_modified_or(request, thaw(entry))
    mark(response, "hit")
    return response


def mark(response, outcome):
    """Say whether the page came from the cache: for developers and tests only
    (PAGE_CACHE_HEADER, off in production)."""
    if settings.PAGE_CACHE_HEADER:
        response["X-Page-Cache"] = outcome


class AnonymousPageCacheMiddleware:
    """Serve anonymous GET requests from the cache; staff (a session cookie) never are.

    It comes first in MIDDLEWARE, and a page is stored as the whole stack answered it (security
    headers, Permissions-Policy, CSP, ETag): a hit leaves before any other middleware, and
    answers a conditional GET with a 304 itself, as ConditionalGetMiddleware would. A hit costs
    at most one round trip to the shared cache (the content version and the page in one
    get_many; none while the version watch vouches for the version) and none of the sessions,
    users, messages, CSRF, CSP or the view. A page is stored under its address alone, with the
    version it was rendered under, and served only while that version is current.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_scope():
            return self._respond(request)

    def _respond(self, request):
        # What apps.core.cache_front found for this request before Django's handler, if it
        # looked: the same questions need no second answer.
        looked_up = request.META.pop(FRONT_LOOKUP, None)
        if looked_up == LOOKUP_FAILED or (looked_up is None and not cacheable_request(request)):
            return self.get_response(request)  # not a second wait for an unreachable store
        try:
            if looked_up is None:
                key = page_key(request)
                state, entry = stored_page(key)
            else:
                key, state, entry = looked_up
                _request_state.get()["state"] = state
            if is_hit(state, entry):
                return stored_response(request, entry)
            # A new version if it expired (reads the schedule); none for a page known not to
            # be cacheable in this one.
            token = None if _current(state) and entry is UNCACHEABLE else content_version()
        except UNREACHABLE:
            # The database (or a database cache) or Redis is down: let the rest of the stack
            # answer, so that the request gets its page or the German 503 page
            # (config.middleware), with every header, instead of a bare 500 from up here.
            return self.get_response(request)
        if token is None:
            # Answered as without a page cache: by the stack below, its 304 by
            # ConditionalGetMiddleware there, since nothing of it will be stored.
            response = self.get_response(request)
            mark(response, "miss")
            return response
        validators = {name: request.META.pop(name) for name in VALIDATORS if name in request.META}
        try:
            response = self.get_response(request)
        finally:
            request.META.update(validators)
        if self._cacheable_response(response):
            self._store(token, key, response)
        elif response.status_code == 200:
            # Not errors: a scan of made-up addresses would push real pages out.
            _keep_page(token, key, UNCACHEABLE, _fragment_seconds())
        response = not_modified_or(request, response)
        mark(response, "miss")
        return response

    def _store(self, token, key, response):
        """Mark the page as cacheable by anyone (public, varying by Cookie, with an ETag: a
        HEAD request gets none below) and keep it until the version changes or it expires."""
        if not response.has_header("ETag"):
            set_response_etag(response)
        patch_vary_headers(response, ["Cookie"])
        patch_cache_control(response, public=True, max_age=0)
        try:
            timeout = _seconds_left()
            if timeout > 0:
                entry = freeze(token, response)
                shared_cache(cache.set, key, entry, timeout)
                _keep_page(token, key, entry, timeout)
        except UNREACHABLE as error:
            logger.warning("Seite nicht im Cache gespeichert: %s", error)

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


class _ClientPerPool(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)
            client = self._clients[index] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    """Django's Redis cache, keeping one client per connection pool instead of making one for
    every get and set (a redis-py 8 client costs more to make than a round trip to Redis).

    A client is safe to share between threads, and its pool reconnects after a fork.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ClientPerPool
        self._watches = {}

    def version_watch(self, key):
        """Return the watch that learns from Redis of every change of `key`
        (apps.core.version_watch); one per key and cache object, so one per thread."""
        watch = self._watches.get(key)
        if watch is None:
            watch = self._watches[key] = VersionWatch(
                self._watch_connection, self.make_and_validate_key(key)
            )
        return watch

    def _watch_connection(self):
        """Return a new connection to the primary server (the first in LOCATION) that speaks
        RESP2, in which a subscribed connection receives the tracking reports."""
        options = parse_url(self._cache._servers[0])
        connection_class = options.pop("connection_class", Connection)
        return connection_class(**options, protocol=2, socket_connect_timeout=1, socket_timeout=1)
