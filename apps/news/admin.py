from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag as TaggitTag

from apps.media.admin import photo_thumbnail

from .models import Article, ArticlePhoto, Topic
from .services import articles_publish, articles_unpublish


class PublicationStateFilter(admin.SimpleListFilter):
    title = _("Sichtbarkeit")
    parameter_name = "sichtbarkeit"

    def lookups(self, request, model_admin):
        return [
            ("online", _("online")),
            ("geplant", _("geplant (erscheint später)")),
            ("entwurf", _("Entwurf")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "online":
            return queryset.published()
        if self.value() == "geplant":
            return queryset.scheduled()
        if self.value() == "entwurf":
            return queryset.filter(status=Article.Status.DRAFT)
        return queryset


class ArticlePhotoInline(admin.TabularInline):
    model = ArticlePhoto
    fields = ["thumbnail", "photo", "position", "caption"]
    readonly_fields = ["thumbnail"]
    # A search box with a "+" to upload in place; never a select of the whole library.
    autocomplete_fields = ["photo"]
    extra = 1

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("photo")

    @admin.display(description=_("Vorschau"))
    def thumbnail(self, obj):
        return photo_thumbnail(obj.photo if obj.pk else None)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "published_at", "state", "author", "tag_list"]
    list_filter = [PublicationStateFilter, "status", "tags"]
    list_select_related = ["author"]
    # At 100,000 articles the unfiltered COUNT(*) beside a filtered one is wasted work.
    show_full_result_count = False
    search_fields = ["title", "lead", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created_at", "updated_at"]
    autocomplete_fields = ["author", "meetings", "municipalities", "people", "institutions"]
    actions = ["publish", "unpublish"]
    inlines = [ArticlePhotoInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body", "tags"]}),
        (_("Veröffentlichung"), {"fields": ["status", "published_at", "author"]}),
        (
            _("Bezüge"),
            {"fields": ["meetings", "municipalities", "people", "institutions"]},
        ),
        (_("Verlauf"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    class Media:
        # Spells umlauts the German way in the prepopulated slug ("ä" → "ae").
        js = ["admin/js/urlify.js", "admin/js/german_urlify.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags")

    def get_changeform_initial_data(self, request):
        return {"author": request.user.pk, **super().get_changeform_initial_data(request)}

    @admin.display(description=_("Sichtbarkeit"))
    def state(self, obj):
        if obj.status == Article.Status.DRAFT:
            return _("Entwurf")
        if obj.published_at > timezone.now():
            return format_html(
                "{} {}",
                _("geplant ab"),
                timezone.localtime(obj.published_at).strftime("%d.%m.%Y %H:%M"),
            )
        return _("online")

    @admin.display(description=_("Themen"))
    def tag_list(self, obj):
        return ", ".join(tag.name for tag in obj.tags.all())

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_published else obj.get_preview_url()

    @admin.action(description=_("Ausgewählte Artikel veröffentlichen"))
    def publish(self, request, queryset):
        count = articles_publish(articles=queryset)
        self.message_user(
            request,
            ngettext("%d Artikel veröffentlicht.", "%d Artikel veröffentlicht.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Ausgewählte Artikel zurückziehen (Entwurf)"))
    def unpublish(self, request, queryset):
        count = articles_unpublish(articles=queryset)
        self.message_user(
            request,
            ngettext("%d Artikel zurückgezogen.", "%d Artikel zurückgezogen.", count) % count,
            messages.SUCCESS,
        )


# Articles and meetings share German-slugged topics; taggit's own Tag model stays unused.
admin.site.unregister(TaggitTag)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    class Media:
        js = ["admin/js/urlify.js", "admin/js/german_urlify.js"]
