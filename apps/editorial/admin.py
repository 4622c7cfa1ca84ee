"""Freigabe's list of waiting changes: what changed, field by field, released in one step."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from . import changes
from .admin_mixins import ReleaseControlledAdmin
from .models import ChangeRequest
from .roles import RELEASE_PERMISSION
from .services import ReleaseRefused, change_reject, change_release


def _admin_url(change):
    info = (change.content_type.app_label, change.content_type.model)
    try:
        return reverse("admin:{}_{}_change".format(*info), args=[change.object_id])
    except NoReverseMatch:
        return None


@admin.register(ChangeRequest)
class ChangeRequestAdmin(admin.ModelAdmin):
    list_display = ["object_repr", "kind", "changed_fields", "author", "updated_at"]
    list_select_related = ["content_type", "author"]
    list_filter = ["content_type"]
    search_fields = ["object_repr"]
    fields = ["record", "kind", "author", "created_at", "updated_at", "diff"]
    readonly_fields = fields
    actions = ["release_selected"]
    change_form_template = "admin/editorial/changerequest/change_form.html"

    def has_add_permission(self, request):
        return False

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(
            request, {"unreleased": self._unreleased(request), **(extra_context or {})}
        )

    def _unreleased(self, request):
        """New records no visitor sees yet, per kind, with the list that shows them."""
        found = []
        for model, model_admin in self.admin_site._registry.items():
            if not isinstance(model_admin, ReleaseControlledAdmin):
                continue
            if not model_admin.has_view_permission(request):
                continue
            count = model_admin.unreleased().count()
            if count:
                opts = model._meta
                url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
                query = urlencode(model_admin.unreleased_filter)
                found.append((opts.verbose_name_plural, count, f"{url}?{query}"))
        return sorted(found, key=lambda row: str(row[0]))

    def has_release_permission(self, request):
        return request.user.has_perm(RELEASE_PERMISSION)

    @admin.display(description=gettext_lazy("Eintrag"), ordering="object_repr")
    def record(self, obj):
        url = _admin_url(obj)
        return format_html('<a href="{}">{}</a>', url, obj.object_repr) if url else obj.object_repr

    @admin.display(description=gettext_lazy("Art"), ordering="content_type")
    def kind(self, obj):
        model = obj.content_type.model_class()
        return model._meta.verbose_name if model else obj.content_type.model

    @admin.display(description=gettext_lazy("Geänderte Felder"))
    def changed_fields(self, obj):
        model = obj.content_type.model_class()
        names = [
            changes.label(field)
            for name in obj.changes
            if model and (field := changes.model_field(model, name)) is not None
        ]
        return ", ".join(names)

    @admin.display(description=gettext_lazy("Änderungen"))
    def diff(self, obj):
        model = obj.content_type.model_class()
        rows = changes.diff_rows(model, obj.changes, obj.base) if model else []
        body = format_html_join("", '<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>', rows)
        return format_html(
            '<table class="editorial-diff"><thead><tr><th scope="col">{}</th>'
            '<th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>',
            _("Feld"),
            _("Veröffentlicht"),
            _("Vorgeschlagen"),
            body,
        )

    def render_change_form(self, request, context, *args, **kwargs):
        context["can_release"] = self.has_release_permission(request)
        context["title"] = _("Wartende Änderung prüfen")
        return super().render_change_form(request, context, *args, **kwargs)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST" and {"_release", "_reject"} & set(request.POST):
            return self._decide(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def _decide(self, request, object_id):
        change = self.get_object(request, object_id)
        if change is None:
            self.message_user(
                request, _("Diese Änderung wurde inzwischen erledigt."), messages.WARNING
            )
            return HttpResponseRedirect(reverse("admin:editorial_changerequest_changelist"))
        if not self.has_release_permission(request):
            raise PermissionDenied
        if "_reject" in request.POST:
            change_reject(change=change)
            if (record := change.content_object) is not None:
                self.log_change(
                    request,
                    record,
                    _("Vorgeschlagene Änderung von %(author)s verworfen: %(fields)s")
                    % {
                        "author": change.author or _("unbekannt"),
                        "fields": self.changed_fields(change),
                    },
                )
            self.message_user(
                request, _("Die Änderung an „%s“ wurde verworfen.") % change, messages.SUCCESS
            )
            return HttpResponseRedirect(reverse("admin:editorial_changerequest_changelist"))
        try:
            released = change_release(change=change, user=request.user)
        except ReleaseRefused as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
            return HttpResponseRedirect(request.path)
        self.message_user(
            request,
            _("Die Änderung an „%s“ ist freigegeben und für Besucher sichtbar.") % released,
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:editorial_changerequest_changelist"))

    @admin.action(
        description=gettext_lazy("Ausgewählte Änderungen freigeben"), permissions=["release"]
    )
    def release_selected(self, request, queryset):
        released = 0
        for change in queryset.select_related("content_type", "author"):
            try:
                change_release(change=change, user=request.user)
            except ReleaseRefused as refusal:
                self.message_user(request, f"{change}: {refusal}", messages.ERROR)
            else:
                released += 1
        if released:
            self.message_user(
                request,
                ngettext("%d Änderung freigegeben.", "%d Änderungen freigegeben.", released)
                % released,
                messages.SUCCESS,
            )
