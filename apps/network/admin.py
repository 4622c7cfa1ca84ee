from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from apps.core.dates import DatePrecisionFormMixin
from apps.editorial.admin_mixins import (
    ConcurrentEditForm,
    EditorialAdmin,
    LockableAdmin,
    ReleaseControlledAdmin,
    ReleasedInline,
    with_attributes,
)
from apps.news.admin import TopicsFieldMixin

from .models import (
    Institution,
    Meeting,
    MeetingParticipation,
    Municipality,
    Person,
    Programme,
    ProgrammeMembership,
    Role,
)


class NetworkAdmin(EditorialAdmin):
    # Addresses typed without a scheme are web sites, and those speak https today.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class ProgrammeMembershipInline(admin.TabularInline):
    model = ProgrammeMembership
    extra = 1
    autocomplete_fields = ["municipality", "programme"]


class RoleInline(ReleasedInline):
    """Roles of a person: each at a municipality or an institution."""

    model = Role
    extra = 1
    fields = ["kind", "title", "municipality", "institution", "starts_on", "ends_on"]
    autocomplete_fields = ["municipality", "institution"]


class MunicipalityRoleInline(admin.TabularInline):
    model = Role
    extra = 1
    fields = ["person", "kind", "title", "starts_on", "ends_on"]
    autocomplete_fields = ["person"]
    verbose_name_plural = _("Personen in Funktion (Koordination, Bürgermeister/in …)")


class InstitutionRoleInline(MunicipalityRoleInline):
    verbose_name_plural = _("Personen in Funktion")


class ParticipationInline(ReleasedInline):
    """Speakers, moderators and greeters of a meeting."""

    model = MeetingParticipation
    extra = 2
    fields = ["person", "role", "note", "order"]
    autocomplete_fields = ["person"]


class PersonParticipationInline(ReleasedInline):
    model = MeetingParticipation
    extra = 0
    fields = ["meeting", "role", "note", "order"]
    autocomplete_fields = ["meeting"]


@admin.register(Programme)
class ProgrammeAdmin(NetworkAdmin):
    list_display = ["name", "short_name", "starts_year", "ends_year", "predecessor"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}
    autocomplete_fields = ["predecessor"]
    inlines = [ProgrammeMembershipInline]


@admin.register(Municipality)
class MunicipalityAdmin(NetworkAdmin):
    list_display = ["name", "kind", "district", "ags"]
    list_filter = ["kind", "programme_memberships__programme", "programme_memberships__joined_year"]
    search_fields = ["name", "district", "ags"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ProgrammeMembershipInline, MunicipalityRoleInline]


@admin.register(Institution)
class InstitutionAdmin(NetworkAdmin):
    list_display = ["name", "short_name", "kind", "parent", "municipality"]
    list_filter = ["kind"]
    list_select_related = ["parent", "municipality"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent", "municipality"]
    inlines = [InstitutionRoleInline]


@admin.register(Person)
class PersonAdmin(ReleaseControlledAdmin, NetworkAdmin):
    publish_permission = "network.publish_person"

    list_display = ["last_name", "first_name", "academic_title", "is_published", "role_count"]
    ordering = ["last_name", "first_name"]
    list_display_links = ["last_name", "first_name"]
    list_filter = ["is_published", "roles__kind", "roles__municipality"]
    search_fields = ["last_name", "first_name", "other_names", "roles__title"]
    prepopulated_fields = {"slug": ["first_name", "last_name"]}
    inlines = [RoleInline, PersonParticipationInline]
    fieldsets = [
        (None, {"fields": ["academic_title", "first_name", "last_name", "other_names", "slug"]}),
        (_("Veröffentlichung"), {"fields": ["is_published"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(role_count=Count("roles"))

    @admin.display(description=_("Funktionen"), ordering="role_count")
    def role_count(self, obj):
        return obj.role_count

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_published else None


class MeetingForm(DatePrecisionFormMixin, ConcurrentEditForm):
    pass


@admin.register(Meeting)
class MeetingAdmin(TopicsFieldMixin, ReleaseControlledAdmin, NetworkAdmin):
    publish_permission = "network.publish_meeting"
    form = MeetingForm

    # What fits a 1280 px laptop beside the filters; host and programme are filters.
    list_display = ["__str__", "title", "kind", "starts_on", "city", "is_published"]
    list_filter = ["kind", "programme", "host_municipality", "is_published"]
    date_hierarchy = "starts_on"
    search_fields = [
        "title",
        "motto",
        "sequence_number",
        "venue",
        "city",
        "host_municipality__name",
        "participations__person__last_name",
        "organisers__name",
        "organisers__short_name",
    ]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [
        "host_municipality",
        "programme",
        "organisers",
        "attending_municipalities",
    ]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [ParticipationInline]
    fieldsets = [
        (None, {"fields": ["kind", "sequence_number", "title", "motto", "slug", "programme"]}),
        (
            _("Wann"),
            {
                "fields": [
                    ("starts_on", "ends_on"),
                    ("start_time", "end_time"),
                    ("date_precision", "date_inferred"),
                ]
            },
        ),
        (_("Wo"), {"fields": ["venue", "city", "host_municipality"]}),
        (
            _("Wer"),
            {
                "fields": [
                    "organisers",
                    ("participant_count", "participants_qualifier"),
                    ("municipality_count", "municipalities_qualifier"),
                    "attending_municipalities",
                ]
            },
        ),
        (_("Inhalt"), {"fields": ["summary", "tags", "external_url"]}),
        (_("Veröffentlichung"), {"fields": ["is_published"]}),
        (_("Intern"), {"fields": ["editorial_note"], "classes": ["collapse"]}),
        (_("Verlauf"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_published else None


class RoleForm(DatePrecisionFormMixin, ConcurrentEditForm):
    # True for users who may not release people: roles of published people are public.
    published_person_refused = False

    def clean(self):
        cleaned = super().clean()
        person = cleaned.get("person")
        if self.published_person_refused and person is not None and person.is_published:
            raise forms.ValidationError(
                _(
                    "%(person)s ist veröffentlicht, eine neue Funktion wäre sofort öffentlich. "
                    "Funktionen veröffentlichter Personen trägt die Freigabe ein."
                ),
                code="released_person",
                params={"person": person},
            )
        return cleaned


@admin.register(Role)
class RoleAdmin(LockableAdmin, NetworkAdmin):
    """All roles at a glance: who coordinated, governed or led where, and when.

    A role is public when its person is: for users without the right to release people,
    roles of published people are read-only and cannot be given to them.
    """

    form = RoleForm
    publish_permission = "network.publish_person"

    list_display = [
        "person",
        "kind",
        "title",
        "municipality",
        "institution",
        "starts_on",
        "ends_on",
    ]
    list_filter = ["kind", "municipality", "institution__kind"]
    list_select_related = ["person", "municipality", "institution"]
    search_fields = [
        "person__last_name",
        "person__first_name",
        "title",
        "municipality__name",
        "institution__name",
        "institution__short_name",
    ]
    autocomplete_fields = ["person", "municipality", "institution"]
    date_hierarchy = "starts_on"

    def is_locked(self, request, obj):
        return obj.person.is_published and not request.user.has_perm(self.publish_permission)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        refused = not request.user.has_perm(self.publish_permission)
        return with_attributes(form, published_person_refused=refused)
