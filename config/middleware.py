"""Project middleware."""

from csp.middleware import CSPMiddleware
from django.conf import settings


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
