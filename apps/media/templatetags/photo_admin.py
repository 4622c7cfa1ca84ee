from django import template

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
    return {"tiles": tiles, "with_actions": "action_checkbox" in cl.list_display}
