from functools import partial

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from apps.core.text import plain_year
from apps.editorial.admin_mixins import LockableAdmin, has_release_right

from .admin_views import photo_alt_text_view, photo_chooser_view, photo_upload_view
from .forms import PhotoAdminForm
from .models import Photo
from .services import photo_delete, photo_in_public_use, photo_save, photo_usage_error
from .widgets import JQUERY, PHOTO_LIBRARY_CSS, PhotoChooserWidget, photo_preview, photo_thumbnail

GRID_THUMBNAIL_WIDTH = 200


class PhotoChooserMixin:
    """For a ModelAdmin or inline: the foreign keys named in photo_chooser_fields are chosen
    from a grid of thumbnails (with search and upload in place) instead of a select."""

    photo_chooser_fields = ()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.photo_chooser_fields:
            kwargs["widget"] = PhotoChooserWidget()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class AltTextFilter(admin.SimpleListFilter):
    """Photos still without the alt text (uploaded by drag and drop, not yet described)."""

    title = _("Alternativtext")
    parameter_name = "alternativtext"

    def lookups(self, request, model_admin):
        return [("fehlt", _("fehlt")), ("vorhanden", _("vorhanden"))]

    def queryset(self, request, queryset):
        if self.value() == "fehlt":
            return queryset.filter(alt_text="")
        if self.value() == "vorhanden":
            return queryset.exclude(alt_text="")
        return queryset


class PhotoYearFilter(admin.SimpleListFilter):
    """The year a photo was taken, or for photos without that date the year of the upload."""

    title = _("Jahr")
    parameter_name = "jahr"

    def lookups(self, request, model_admin):
        # Two small aggregate queries, whatever the size of the library; newest year first.
        photos = model_admin.model._default_manager.all()
        taken = photos.filter(taken_on__isnull=False).dates("taken_on", "year")
        created = photos.filter(taken_on__isnull=True).dates("created_at", "year")
        years = sorted({d.year for d in taken} | {d.year for d in created}, reverse=True)
        return [(str(year), str(year)) for year in years]

    def queryset(self, request, queryset):
        # A hand-edited ?jahr=abc shows the whole list rather than an error page.
        year = plain_year(self.value() or "")
        if year is None:
            return queryset
        return queryset.filter(
            Q(taken_on__year=year) | Q(taken_on__isnull=True, created_at__year=year)
        )


@admin.register(Photo)
class PhotoAdmin(LockableAdmin, admin.ModelAdmin):
    list_display = [
        "thumbnail",
        "__str__",
        "credit",
        "format",
        "dimensions",
        "taken_on",
        "use_count",
    ]
    list_display_links = ["thumbnail", "__str__"]
    list_filter = ["format", PhotoYearFilter, AltTextFilter]
    search_fields = ["caption", "credit", "alt_text"]
    list_per_page = 50
    show_full_result_count = False
    form = PhotoAdminForm
    # The list is a grid of thumbnails (templates/admin/media/photo/change_list.html).
    grid_thumbnail_width = GRID_THUMBNAIL_WIDTH
    readonly_fields = [
        "preview",
        "format",
        "dimensions",
        "size",
        "used_in",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["image", "preview", "alt_text", "caption", "credit", "licence"]}),
        (_("Aufnahme"), {"fields": ["taken_on"]}),
        (_("Zuschnitt"), {"fields": ["focal_x", "focal_y"]}),
        (
            _("Datei"),
            {"fields": ["format", "dimensions", "size", "used_in", "created_at", "updated_at"]},
        ),
    ]

    class Media:
        css = PHOTO_LIBRARY_CSS
        js = [*JQUERY, "admin/js/photo_library.js"]

    def get_urls(self):
        def view(function):
            return self.admin_site.admin_view(partial(function, self))

        return [
            path("hochladen/", view(photo_upload_view), name="media_photo_upload"),
            path(
                "hochladen/<path:object_id>/alternativtext/",
                view(photo_alt_text_view),
                name="media_photo_alt_text",
            ),
            path("auswahl/", view(photo_chooser_view), name="media_photo_chooser"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        context = {
            "grid_thumbnail_width": self.grid_thumbnail_width,
            "upload_url": reverse("admin:media_photo_upload"),
            **(extra_context or {}),
        }
        return super().changelist_view(request, context)

    def is_locked(self, request, obj):
        """Whether released content shows the photo and the user may not release: visitors
        would see a changed caption, alt text or file at once, so it is read-only."""
        return not has_release_right(request.user) and photo_in_public_use(photo=obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id) if request.method == "GET" else None
        if obj is not None and self.is_locked(request, obj):
            messages.info(
                request,
                _(
                    "Dieses Foto erscheint in veröffentlichten Artikeln; ändern kann es nur die "
                    "Freigabe. Für ein anderes Bild laden Sie bitte ein neues Foto hoch."
                ),
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.resolver_match and request.resolver_match.url_name.endswith("changelist"):
            queryset = queryset.annotate(use_total=Count("article_uses"))
        return queryset

    @admin.display(description=_("Vorschau"))
    def thumbnail(self, obj):
        return photo_thumbnail(obj)

    @admin.display(description=_("Vorschau"))
    def preview(self, obj):
        if not obj.pk:
            return "–"
        largest, width, height = photo_preview(obj)
        return format_html(
            '<a href="{}"><img src="{}" width="{}" height="{}" alt="{}"></a>',
            obj.image.url,
            largest.url,
            width,
            height,
            obj.alt_text,
        )

    @admin.display(description=_("Größe (Pixel)"))
    def dimensions(self, obj):
        return f"{obj.width} × {obj.height}" if obj.pk else "–"

    @admin.display(description=_("Dateigröße"))
    def size(self, obj):
        return filesizeformat(obj.file_size) if obj.pk else "–"

    @admin.display(description=_("Verwendungen"), ordering="use_total")
    def use_count(self, obj):
        return getattr(obj, "use_total", None)

    @admin.display(description=_("Verwendet in"))
    def used_in(self, obj):
        if not obj.pk:
            return "–"
        uses = obj.article_uses.select_related("article").order_by("article__title")
        links = format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            (
                (reverse("admin:news_article_change", args=[use.article_id]), use.article.title)
                for use in uses
            ),
        )
        return links or _("in keinem Artikel")

    def save_model(self, request, obj, form, change):
        photo_save(photo=obj)

    def delete_model(self, request, obj):
        photo_delete(photo=obj)

    def delete_queryset(self, request, queryset):
        self.refuse_undeletable(request, queryset)
        for photo in queryset:
            photo_delete(photo=photo)

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        if protected:
            # Link the articles instead of Django's generic list of protected rows.
            articles = {
                use.article
                for photo in objs
                for use in photo.article_uses.select_related("article")
            }
            protected = [
                format_html(
                    '{}: <a href="{}">{}</a>',
                    _("Artikel"),
                    reverse("admin:news_article_change", args=[article.pk]),
                    article.title,
                )
                for article in sorted(articles, key=lambda article: article.title)
            ]
            for photo in objs:
                if message := photo_usage_error(photo=photo):
                    self.message_user(request, message, messages.ERROR)
        return deleted, model_count, perms_needed, protected
