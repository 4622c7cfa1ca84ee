from django.conf import settings


def site(request):
    """Offer the site's name (SITE_NAME) to every template."""
    return {"site_name": settings.SITE_NAME}
