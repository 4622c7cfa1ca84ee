"""Project middleware."""

import logging
from dataclasses import asdict

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured, MiddlewareNotUsed
from django.core.handlers.exception import convert_exception_to_response
from django.core.signals import setting_changed
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.module_loading import import_string

from apps.core.visitors import is_visitor

logger = logging.getLogger(__name__)

# What django-csp would send, per settings: the admin's address, and for visitors' pages
# (False) and the admin's (True) each header with its policy and the paths it leaves out. The
# same on every response without a nonce or a view's own policy, so it is built once.
_plans = {}


@receiver(setting_changed)
def _forget_built_policies(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY") or setting in ("ADMIN_URL", "DEBUG"):
        _plans.clear()


class SiteCSPMiddleware(CSPMiddleware):
    """The strict policy everywhere, relaxed for the staff-only admin.

    The admin's rich-text editor loads its modules through an inline import map and the admin's
    widgets use inline styles; visitors' pages keep scripts and styles to files of our own.

    django-csp builds the header from the settings on every response (a deep copy of the policy
    and a join, for the policy and the report-only one). Ours has no nonce and no per-view
    changes, so a response without either gets the headers django-csp built for the first one
    of its kind; any other response goes through django-csp as it is.
    """

    # __call__ is synchronous; under ASGI, Django adapts it as it does the project's others.
    async_capable = False

    def __call__(self, request):
        # MiddlewareMixin's __call__ without its generic dispatch: django-csp's lazy nonce
        # (made only if a template asks for it), then the headers.
        self.process_request(request)
        return self.process_response(request, self.get_response(request))

    def process_response(self, request, response):
        if (
            settings.DEBUG
            or getattr(request, "_csp_nonce", None) is not None
            or any(name.startswith("_csp") for name in vars(response))
        ):
            return super().process_response(request, response)
        path = request.path_info
        plan = _plans.get("plan") or self._plan()
        for header, policy, excluded in plan[path.startswith(plan["admin"])]:
            if header not in response and not path.startswith(excluded):
                response[header] = policy
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def _plan(self):
        """Build what django-csp sends for the admin's pages and for everyone else's."""
        plan = {"admin": f"/{settings.ADMIN_URL}"}
        for admin in (False, True):
            # django-csp's own parts for a response of this kind, with no view's changes.
            probe = HttpRequest()
            probe.path_info = plan["admin"] if admin else "/"
            plan[admin] = []
            for report_only, header, setting in (
                (False, HEADER, "CONTENT_SECURITY_POLICY"),
                (True, HEADER_REPORT_ONLY, "CONTENT_SECURITY_POLICY_REPORT_ONLY"),
            ):
                parts = self.get_policy_parts(probe, HttpResponse(), report_only=report_only)
                policy = build_policy(**asdict(parts), report_only=report_only)
                excluded = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES")
                if policy:
                    plan[admin].append((header, policy, tuple(excluded or ())))
        _plans["plan"] = plan
        return plan

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(f"/{settings.ADMIN_URL}"):
            parts.update = {
                **(parts.update or {}),
                "script-src": ["'unsafe-inline'"],
                "style-src": ["'unsafe-inline'"],
                "img-src": ["data:"],
            }
        return parts


# Sent back as they came: the form's CSRF token (its cookie is still there) and the admin's
# edit token (without it a resent save would skip the check for a colleague's save).
_RESENT_TOKENS = {"csrfmiddlewaretoken", "edit_token"}


def _is_secret(field_name):
    name = field_name.lower()
    if name in _RESENT_TOKENS:
        return False
    return any(word in name for word in ("password", "passwort", "secret", "token"))


class PermissionsPolicyMiddleware:
    """Switch off browser features the site never uses (camera, microphone, location …)."""

    POLICY = (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=()"
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.POLICY)
        return response


class SingleLanguageMiddleware:
    """LocaleMiddleware for a site in one language (LANGUAGES has only German).

    LocaleMiddleware reads the language cookie and Accept-Language on every request to choose
    among LANGUAGES; with one language its choice is always LANGUAGE_CODE, for visitors and the
    admin alike. This activates it and sends the same headers, without the parsing.
    A second language needs LocaleMiddleware back (tests/core/test_middleware.py says so).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        translation.activate(language)
        response = self.get_response(request)
        headers = response.headers
        if "Vary" in headers:
            patch_vary_headers(response, ("Accept-Language",))
        else:  # what patch_vary_headers would set, without parsing an absent header
            headers["Vary"] = "Accept-Language"
        if "Content-Language" not in headers:
            headers["Content-Language"] = language
        return response


class SignInMiddleware:
    """Sessions, users, messages, edit history and login throttling, for who may be signed in.

    The middleware named in SIGN_IN_MIDDLEWARE form a stack of their own, built here as
    Django builds MIDDLEWARE. A request that may be signed in (a session or message cookie, the
    admin, anything but GET and HEAD) passes through it on its way to the view; an anonymous
    visitor's (apps.core.visitors.is_visitor) goes by it with an AnonymousUser, since without a
    session cookie nobody is signed in, and so costs no session, message or throttling work.

    Only middleware without process_view, process_template_response and process_exception
    may be in the stack: Django calls those hooks only for the middleware in MIDDLEWARE, so in
    here they would never run. This one comes last in MIDDLEWARE, and its stack ends in the
    view, as django-axes asks of its middleware.
    """

    HOOKS = ("process_view", "process_template_response", "process_exception")

    def __init__(self, get_response):
        self.get_response = get_response
        handler = get_response
        for path in reversed(settings.SIGN_IN_MIDDLEWARE):
            try:
                middleware = import_string(path)(handler)
            except MiddlewareNotUsed:
                continue
            hooks = [hook for hook in self.HOOKS if hasattr(middleware, hook)]
            if hooks:
                raise ImproperlyConfigured(
                    f"{path} has {', '.join(hooks)}: put it into MIDDLEWARE, not "
                    "SIGN_IN_MIDDLEWARE, so that Django calls it."
                )
            handler = convert_exception_to_response(middleware)
        self.signed_in = handler

    def __call__(self, request):
        if is_visitor(request):
            user = request.user = AnonymousUser()

            async def auser():  # as AuthenticationMiddleware's, for async views
                return user

            request.auser = auser
            return self.get_response(request)
        return self.signed_in(request)


class DatabaseUnavailableMiddleware:
    """Answer 503 instead of 500 when the database is briefly unreachable.

    A form that was being sent (an editor's save) comes back with everything typed in, ready
    to be sent again once the database answers; nothing is lost and nothing half-saved, since
    each request is one transaction.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        return database_unavailable(request, exception)


def database_unavailable(request, exception):
    """The German 503 page, with a form that sends a POST's fields again (never a password).

    Used by DatabaseUnavailableMiddleware, and by the 500 handler for errors that no
    middleware sees (a 404 page whose context needs the database).
    """
    logger.error("Datenbank nicht erreichbar: %s", exception)
    fields = (
        [
            (name, value)
            for name, values in request.POST.lists()
            for value in values
            # A password is never written into a page; the user types it again.
            if not _is_secret(name)
        ]
        if request.method == "POST"
        else []
    )
    response = render(
        request,
        "503.html",
        {
            "resend_fields": fields,
            "resend_url": request.get_full_path(),
            "lost_files": bool(request.FILES),
        },
        status=503,
    )
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response
