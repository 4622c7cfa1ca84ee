"""Project middleware."""

import logging

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.shortcuts import render

logger = logging.getLogger(__name__)


class SiteCSPMiddleware(CSPMiddleware):
    """The strict policy everywhere, relaxed for the staff-only admin.

    The admin's rich-text editor loads its modules through an inline import map and the admin's
    widgets use inline styles; visitors' pages keep scripts and styles to files of our own.
    """

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


def _is_secret(field_name):
    name = field_name.lower()
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
