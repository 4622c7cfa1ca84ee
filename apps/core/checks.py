"""System checks for the sign-in stack (config.middleware.SignInMiddleware).

Django's admin (admin.E408–E410) and django-axes (axes.W002) look for their middleware in
MIDDLEWARE; here they are in SIGN_IN_MIDDLEWARE, so their checks are silenced in the settings
and these stand in for them.
"""

from django.conf import settings
from django.core import checks
from django.utils.module_loading import import_string

SIGN_IN = "config.middleware.SignInMiddleware"

# Each must be in SIGN_IN_MIDDLEWARE (a subclass will do), in this order.
REQUIRED_ORDER = (
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "axes.middleware.AxesMiddleware",
)


def _position(required, stack):
    """Return where in stack the middleware required (or a subclass of it) is, or None."""
    wanted = import_string(required)
    for index, path in enumerate(stack):
        middleware = import_string(path)
        if isinstance(middleware, type) and issubclass(middleware, wanted):
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
                "SIGN_IN_MIDDLEWARE must run sessions, then users, then messages, and "
                "django-axes last.",
                id="core.E004",
            )
        )
    return errors
