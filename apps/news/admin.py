from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef
from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.managers import TaggableManager
from taggit.models import Tag as TaggitTag

from apps.editorial.admin_mixins import (
    GermanSlugMedia,
    ReleaseControlledAdmin,
    ReleasedInline,
    with_attributes,
)
from apps.editorial.models import ChangeRequest
from apps.media.admin import PhotoChooserMixin

from .forms import PREVIEW, ArticleAdminForm, publication_state_text
from .models import Article, ArticlePhoto, Topic
from .services import (
    articles_publish,
    articles_submit_for_review,
    articles_unpublish,
    topics_merge,
)
from .widgets import TopicsWidget


class PublicationStateFilter(admin.SimpleListFilter):
    title = _("Sichtbarkeit")
    parameter_name = "sichtbarkeit"

    def lookups(self, request, model_admin):
        return [
            ("freigabe", _("wartet auf Freigabe")),
            ("aenderung", _("online, Änderung wartet auf Freigabe")),
            ("online", _("online")),
            ("geplant", _("geplant (erscheint später)")),
            ("entwurf", _("Entwurf")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "freigabe":
            return queryset.filter(status=Article.Status.REVIEW)
        if self.value() == "aenderung":
            waiting = ChangeRequest.objects.for_model(Article).values("object_id")
            return queryset.filter(pk__in=waiting)
        if self.value() == "online":
            return queryset.published()
        if self.value() == "geplant":
            return queryset.scheduled()
        if self.value() == "entwurf":
            return queryset.filter(status=Article.Status.DRAFT)
        return queryset


class ArticlePhotoInline(PhotoChooserMixin, ReleasedInline):
    model = ArticlePhoto
    fields = ["photo", "position", "caption"]
    # Chosen from a searchable grid of thumbnails, the chosen one shown; the "+" uploads a
    # photo in place. Never a select of the whole library.
    photo_chooser_fields = ["photo"]
    extra = 1

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("photo")


class TopicsFieldMixin:
    """Topics chosen from suggestions or typed anew (apps/news/widgets.py)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, TaggableManager):
            kwargs["widget"] = TopicsWidget
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Article)
class ArticleAdmin(TopicsFieldMixin, ReleaseControlledAdmin):
    list_display = ["title", "published", "state", "author", "tag_list"]
    list_filter = [PublicationStateFilter, "status", "tags"]
    list_select_related = ["author"]
    # At 100,000 articles the unfiltered COUNT(*) beside a filtered one is wasted work.
    show_full_result_count = False
    search_fields = ["title", "lead", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["publication_state", "created_at", "updated_at"]
    # The author is chosen from the editorial staff (a short list); an autocomplete would
    # need the right to view user accounts, which neither group has.
    autocomplete_fields = ["meetings", "municipalities", "people", "institutions"]
    actions = ["submit_for_review", "publish", "unpublish"]
    form = ArticleAdminForm
    publish_permission = "news.publish_article"
    release_fields = ("published_at",)
    inlines = [ArticlePhotoInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body", "tags"]}),
        (
            _("Veröffentlichung"),
            {
                "fields": [
                    "publication_state",
                    "status",
                    "published_at",
                    ("date_precision", "date_inferred"),
                    "author",
                ]
            },
        ),
        (_("Intern"), {"fields": ["editorial_note"], "classes": ["collapse"]}),
        (
            _("Bezüge"),
            {"fields": ["meetings", "municipalities", "people", "institutions"]},
        ),
        (_("Verlauf"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        waiting = ChangeRequest.objects.for_model(Article).filter(object_id=OuterRef("pk"))
        return (
            super().get_queryset(request).prefetch_related("tags").annotate(waiting=Exists(waiting))
        )

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        # A released article's status changes only through Freigabe (publish, unpublish).
        return [*fields, "status"] if self.is_locked(request, obj) else fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        may_release = self.has_release_permission(request)
        return with_attributes(form, may_release=may_release)

    unreleased_filter = {"status__exact": Article.Status.REVIEW}

    def unreleased(self):
        """Articles submitted for release (drafts are the editors' own until submitted)."""
        return Article.objects.filter(status=Article.Status.REVIEW)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if form.ignored_future_time is not None:
            when = timezone.localtime(form.ignored_future_time).strftime("%d.%m.%Y %H:%M")
            messages.warning(
                request,
                _(
                    "Veröffentlicht ab sofort; der eingetragene Zeitpunkt %(when)s Uhr wurde "
                    "nicht verwendet. Zum Planen auf einen späteren Zeitpunkt „Planen“ wählen."
                )
                % {"when": when},
            )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(
            can_release=self.has_release_permission(request),
            is_locked=self.is_locked(request, obj),
            is_draft=obj is None or obj.status != Article.Status.PUBLISHED,
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if PREVIEW in request.POST:
            return HttpResponseRedirect(obj.get_preview_url())
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if PREVIEW in request.POST:
            return HttpResponseRedirect(obj.get_preview_url())
        return super().response_change(request, obj)

    @admin.display(description=_("Stand"))
    def publication_state(self, obj):
        return publication_state_text(obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "author":
            kwargs["queryset"] = (
                get_user_model()
                ._default_manager.filter(is_staff=True, is_active=True)
                .order_by("last_name", "first_name", "username")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        return {"author": request.user.pk, **super().get_changeform_initial_data(request)}

    # A short header: "Veröffentlichungszeitpunkt" would be the widest word in the list.
    @admin.display(description=_("Veröffentlicht"), ordering="published_at")
    def published(self, obj):
        if obj.published_at is None:
            return "–"
        return timezone.localtime(obj.published_at).strftime("%d.%m.%Y %H:%M")

    @admin.display(description=_("Sichtbarkeit"))
    def state(self, obj):
        if obj.is_scheduled:
            label = format_html(
                "{} {}",
                _("geplant ab"),
                timezone.localtime(obj.published_at).strftime("%d.%m.%Y %H:%M"),
            )
        elif obj.is_published:
            label = _("online")
        else:
            label = obj.get_status_display()
        if getattr(obj, "waiting", False):
            return format_html("{}; {}", label, _("Änderung wartet auf Freigabe"))
        return label

    @admin.display(description=_("Themen"))
    def tag_list(self, obj):
        return ", ".join(tag.name for tag in obj.tags.all())

    def is_released(self, obj):
        return obj.status == Article.Status.PUBLISHED

    def withhold(self, obj):
        if obj.status == Article.Status.PUBLISHED:
            obj.status = Article.Status.DRAFT

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not self.has_release_permission(request):
            # Editors save drafts or submit them; a crafted "published" is an invalid choice.
            kwargs["choices"] = [
                (Article.Status.DRAFT, Article.Status.DRAFT.label),
                (Article.Status.REVIEW, Article.Status.REVIEW.label),
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_published else obj.get_preview_url()

    @admin.action(
        description=_("Ausgewählte Entwürfe zur Freigabe einreichen"), permissions=["change"]
    )
    def submit_for_review(self, request, queryset):
        count = articles_submit_for_review(articles=queryset, user=request.user)
        self.message_user(
            request,
            ngettext(
                "%d Artikel zur Freigabe eingereicht.",
                "%d Artikel zur Freigabe eingereicht.",
                count,
            )
            % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Ausgewählte Artikel veröffentlichen"), permissions=["release"])
    def publish(self, request, queryset):
        count = articles_publish(articles=queryset, user=request.user)
        self.message_user(
            request,
            ngettext("%d Artikel veröffentlicht.", "%d Artikel veröffentlicht.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Ausgewählte Artikel zurückziehen (Entwurf)"), permissions=["release"]
    )
    def unpublish(self, request, queryset):
        count = articles_unpublish(articles=queryset, user=request.user)
        self.message_user(
            request,
            ngettext("%d Artikel zurückgezogen.", "%d Artikel zurückgezogen.", count) % count,
            messages.SUCCESS,
        )


# Articles and meetings share German-slugged topics; taggit's own Tag model stays unused.
admin.site.unregister(TaggitTag)


class TopicForm(forms.ModelForm):
    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        same = Topic.objects.filter(name__iexact=name).exclude(pk=self.instance.pk).first()
        if same is not None:
            raise forms.ValidationError(
                _("Das Thema „%(topic)s“ gibt es schon; Groß- und Kleinschreibung zählen nicht."),
                code="duplicate",
                params={"topic": same.name},
            )
        return name


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    form = TopicForm
    list_display = ["name", "slug", "use_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["merge"]

    Media = GermanSlugMedia

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(uses=Count("tagged_items"))

    @admin.display(description=_("Verwendungen"), ordering="uses")
    def use_count(self, obj):
        return obj.uses

    def get_urls(self):
        suggestions = path(
            "vorschlaege/",
            self.admin_site.admin_view(self.suggestions),
            name="news_topic_suggestions",
        )
        return [suggestions, *super().get_urls()]

    def suggestions(self, request):
        """Existing topics whose name contains the typed text, most used first (select2)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        term = request.GET.get("q", "").strip()
        topics = Topic.objects.filter(name__icontains=term) if term else Topic.objects.all()
        topics = topics.annotate(uses=Count("tagged_items")).order_by("-uses", "name")[:20]
        return JsonResponse(
            {"results": [{"id": topic.name, "text": topic.name} for topic in topics]}
        )

    @admin.action(description=_("Ausgewählte Themen zusammenführen"), permissions=["change"])
    def merge(self, request, queryset):
        topics = list(queryset.annotate(uses=Count("tagged_items")).order_by("-uses", "name"))
        if len(topics) < 2:
            self.message_user(
                request, _("Bitte mindestens zwei Themen auswählen."), messages.WARNING
            )
            return None
        target_pk = request.POST.get("ziel")
        target = next((topic for topic in topics if str(topic.pk) == target_pk), None)
        if target is None:
            return TemplateResponse(
                request,
                "admin/news/topic/merge.html",
                {
                    **self.admin_site.each_context(request),
                    "title": _("Themen zusammenführen"),
                    "opts": self.model._meta,
                    "topics": topics,
                    "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
                },
            )
        others = [topic for topic in topics if topic.pk != target.pk]
        moved = topics_merge(target=target, others=others)
        self.message_user(
            request,
            _("%(count)d Themen in „%(target)s“ zusammengeführt; %(moved)d Zuordnungen umgehängt.")
            % {"count": len(others), "target": target, "moved": moved},
            messages.SUCCESS,
        )
        return None
