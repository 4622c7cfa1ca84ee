"""System checks for the sign-in stack (config.middleware.SignInMiddleware) and the settings
that tell a visitor from someone who may be signed in (apps.core.visitors).

Django's admin (admin.E408–E410) and django-axes (axes.W002) look for their middleware in
MIDDLEWARE; here they are in SIGN_IN_MIDDLEWARE, so their checks are silenced in the settings
and these stand in for them.
"""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core import checks
from django.utils.module_loading import import_string

SIGN_IN = "config.middleware.SignInMiddleware"

# Each must be in SIGN_IN_MIDDLEWARE (a subclass will do), in this order.
REQUIRED_ORDER = (
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Without it a revision would not name the editor who saved it.
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
)


def _position(required, stack):
    """Return where in stack the middleware required (or a subclass of it) is, or None."""
    wanted = import_string(required)
    for index, path in enumerate(stack):
        try:
            middleware = import_string(path)
        except ImportError:
            continue  # reported by Django when it builds the stack
        if middleware is wanted or (
            isinstance(middleware, type)
            and isinstance(wanted, type)
            and issubclass(middleware, wanted)
        ):
            return index
    return None


@checks.register(checks.Tags.security)
def check_sign_in_middleware(app_configs, **kwargs):
    stack = list(getattr(settings, "SIGN_IN_MIDDLEWARE", []))
    if SIGN_IN not in settings.MIDDLEWARE:
        return [
            checks.Error(
                f"{SIGN_IN} is missing from MIDDLEWARE: nobody could sign in.",
                id="core.E001",
            )
        ]
    if settings.MIDDLEWARE[-1] != SIGN_IN:
        return [
            checks.Error(
                f"{SIGN_IN} must come last in MIDDLEWARE, so that django-axes sees every "
                "login attempt.",
                id="core.E002",
            )
        ]
    positions = [_position(required, stack) for required in REQUIRED_ORDER]
    errors = [
        checks.Error(f"{required} is missing from SIGN_IN_MIDDLEWARE.", id="core.E003")
        for required, position in zip(REQUIRED_ORDER, positions, strict=True)
        if position is None
    ]
    found = [position for position in positions if position is not None]
    if not errors and (found != sorted(found) or found[-1] != len(stack) - 1):
        errors.append(
            checks.Error(
                "SIGN_IN_MIDDLEWARE must run sessions, users, messages and the edit history "
                "in this order, and django-axes last.",
                id="core.E004",
            )
        )
    return errors


@checks.register(checks.Tags.security)
def check_visitor_settings(app_configs, **kwargs):
    errors = []
    if settings.CSRF_USE_SESSIONS:
        errors.append(
            checks.Error(
                "CSRF_USE_SESSIONS needs a session on every request; visitors have none "
                "(SignInMiddleware): keep the CSRF token in its cookie.",
                id="core.E005",
            )
        )
    admin_url = settings.ADMIN_URL
    if not admin_url.endswith("/") or admin_url.startswith("/"):
        errors.append(
            checks.Error(
                f"ADMIN_URL {admin_url!r} must end with a slash and not start with one "
                "(as 'verwaltung/'): without it, public addresses that begin with the same "
                "letters would count as the admin's (its relaxed Content-Security-Policy, no "
                "page cache).",
                id="core.E006",
            )
        )
    # apps.core.visitors knows a message waiting by this cookie (or by the session).
    storage = import_string(settings.MESSAGE_STORAGE)
    cookies = {
        cls.cookie_name
        for cls in getattr(storage, "storage_classes", (storage,))
        if hasattr(cls, "cookie_name")
    }
    if cookies - {CookieStorage.cookie_name}:
        errors.append(
            checks.Error(
                f"MESSAGE_STORAGE keeps messages in the cookie {sorted(cookies)}; a visitor is "
                f"told apart by the cookie {CookieStorage.cookie_name!r} (apps.core.visitors): "
                "a message waiting there would never be shown.",
                id="core.E007",
            )
        )
    return errors
