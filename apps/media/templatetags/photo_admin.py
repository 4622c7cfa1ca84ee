from django import template
from django.contrib.admin.templatetags.admin_list import result_headers

from ..widgets import photo_thumbnail

register = template.Library()


@register.inclusion_tag("admin/media/photo/includes/photo_grid.html")
def photo_grid(cl, width):
    """Render the photo list's results as a grid of thumbnails linking to each photo."""
    tiles = [
        {
            "photo": photo,
            "url": cl.url_for_result(photo),
            "thumbnail": photo_thumbnail(photo, width=width),
            "title": photo.caption or photo.alt_text or f"Foto #{photo.pk}",
            "uses": getattr(photo, "use_total", None),
        }
        for photo in cl.result_list
    ]
    # The list's sortable columns, offered as links above the grid (Django's own sort URLs).
    sort_links = [header for header in result_headers(cl) if header["sortable"]]
    return {
        "tiles": tiles,
        "sort_links": sort_links,
        "with_actions": "action_checkbox" in cl.list_display,
    }
