"""A prototype (issue #19, "Rendering"): Django's built-in Jinja2 backend for the article list
and the article detail, measured by `bench/render_cost.py --jinja2`; not used by the site.

The globals and filters call the same Python the Django templates' tags call, so both render
the same page from the same data.
"""

from django.template import defaultfilters
from django.templatetags.static import static
from django.urls import reverse
from django.utils.timezone import template_localtime
from jinja2 import Environment
from markupsafe import Markup

from apps.core.templatetags import site_tags
from apps.media.templatetags import photo_tags
from apps.network.templatetags import network_tags
from apps.news.templatetags import news_tags
from apps.sidebar.templatetags import sidebar_tags


def url(name, *args, **kwargs):
    return reverse(name, args=args or None, kwargs=kwargs or None)


def environment(**options):
    env = Environment(**options)

    def picture(photo, **kwargs):
        return Markup(
            env.get_template("media/includes/picture.html").render(
                photo_tags.picture_context(photo, **kwargs)
            )
        )

    def photo_og_image(request, photo):
        context = photo_tags.photo_og_image({"request": request}, photo)
        return Markup(env.get_template("media/includes/og_image.html").render(context))

    def article_network_links(article):
        context = network_tags.article_network_links(article)
        return Markup(env.get_template("network/includes/article_links.html").render(context))

    env.globals.update(
        url=url,
        static=static,
        canonical_url=lambda request: site_tags.canonical_url({"request": request}),
        organization_data=lambda request: site_tags.organization_data({"request": request}),
        article_structured_data=lambda request, article: news_tags.article_structured_data(
            {"request": request}, article
        ),
        month_calendar=sidebar_tags.month_calendar,
        month_archive=sidebar_tags.month_archive,
        popular_tags=sidebar_tags.popular_tags,
        picture=picture,
        photo_og_image=photo_og_image,
        article_network_links=article_network_links,
    )
    env.filters.update(
        json_ld=site_tags.json_ld,
        # Django's templates show datetimes in the current time zone before filtering them.
        date=lambda value, arg=None: defaultfilters.date(template_localtime(value), arg),
        truncatechars=defaultfilters.truncatechars,
    )
    return env
