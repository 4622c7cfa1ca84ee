from django.conf import settings


def site(request):
    """Offer the site's name (SITE_NAME) and its publisher (SITE_PUBLISHER) to every template."""
    return {"site_name": settings.SITE_NAME, "site_publisher": settings.SITE_PUBLISHER}
