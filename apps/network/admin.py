from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from apps.editorial.admin_mixins import EditorialAdmin, ReleaseControlledAdmin

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


class RoleInline(admin.TabularInline):
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


class ParticipationInline(admin.TabularInline):
    """Speakers, moderators and greeters of a meeting."""

    model = MeetingParticipation
    extra = 2
    fields = ["person", "role", "note", "order"]
    autocomplete_fields = ["person"]


class PersonParticipationInline(admin.TabularInline):
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
    search_fields = ["last_name", "first_name", "roles__title"]
    prepopulated_fields = {"slug": ["first_name", "last_name"]}
    inlines = [RoleInline, PersonParticipationInline]
    fieldsets = [
        (None, {"fields": ["academic_title", "first_name", "last_name", "slug"]}),
        (_("Veröffentlichung"), {"fields": ["is_published"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(role_count=Count("roles"))

    @admin.display(description=_("Funktionen"), ordering="role_count")
    def role_count(self, obj):
        return obj.role_count

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_published else None


@admin.register(Meeting)
class MeetingAdmin(ReleaseControlledAdmin, NetworkAdmin):
    publish_permission = "network.publish_meeting"

    list_display = [
        "__str__",
        "title",
        "kind",
        "starts_on",
        "city",
        "host_municipality",
        "programme",
        "is_published",
    ]
    list_filter = ["kind", "programme", "is_published"]
    list_select_related = ["host_municipality", "programme"]
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
        (_("Wann"), {"fields": [("starts_on", "ends_on"), ("start_time", "end_time")]}),
        (_("Wo"), {"fields": ["venue", "city", "host_municipality"]}),
        (
            _("Wer"),
            {
                "fields": [
                    "organisers",
                    ("participant_count", "participants_approximate"),
                    ("municipality_count", "municipalities_approximate"),
                    "attending_municipalities",
                ]
            },
        ),
        (_("Inhalt"), {"fields": ["summary", "tags", "external_url"]}),
        (_("Veröffentlichung"), {"fields": ["is_published"]}),
        (_("Verlauf"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_published else None


@admin.register(Role)
class RoleAdmin(NetworkAdmin):
    """All roles at a glance: who coordinated, governed or led where, and when."""

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
