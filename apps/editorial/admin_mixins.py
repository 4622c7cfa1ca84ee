"""Admin building blocks for the editorial workflow: release rights and concurrent edits."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

EDIT_TOKEN_FIELD = "edit_token"


class GermanSlugMedia:
    """Admin scripts that make prepopulated slugs spell umlauts the German way ("ä" → "ae").

    urlify.js comes first so that german_urlify.js can wrap the URLify it defines.
    """

    js = ["admin/js/urlify.js", "admin/js/german_urlify.js"]


class ConcurrentEditForm(forms.ModelForm):
    """Refuse a save when someone else saved the same record since this form was opened."""

    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.fields[EDIT_TOKEN_FIELD].initial = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned = super().clean()
        token = cleaned.get(EDIT_TOKEN_FIELD)
        # The admin's own form always sends the token; posts without one are not checked.
        if not self.instance.pk or not token:
            return cleaned
        stored = type(self.instance)._default_manager.filter(pk=self.instance.pk)
        current = stored.values_list("updated_at", flat=True).first()
        if current is not None and token != current.isoformat():
            raise forms.ValidationError(
                _(
                    "Jemand anderes hat diesen Eintrag gespeichert (%(when)s), während Sie ihn "
                    "bearbeitet haben. Ihre Änderungen wurden nicht gespeichert, stehen aber "
                    "unten noch im Formular. Öffnen Sie den Eintrag in einem neuen Tab, "
                    "übernehmen Sie Ihre Änderungen dort und speichern Sie erneut; die andere "
                    "Fassung finden Sie unter „Änderungsgeschichte“."
                ),
                code="concurrent_edit",
                params={"when": timezone.localtime(current).strftime("%d.%m.%Y %H:%M:%S")},
            )
        return cleaned


class EditorialAdmin(SimpleHistoryAdmin):
    """Revisions (view, compare, restore) and protection against overwriting each other."""

    form = ConcurrentEditForm
    Media = GermanSlugMedia

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        first_fields = list(fieldsets[0][1]["fields"])
        if EDIT_TOKEN_FIELD not in first_fields:
            first_fields.append(EDIT_TOKEN_FIELD)
        return [(fieldsets[0][0], {**fieldsets[0][1], "fields": first_fields}), *fieldsets[1:]]


class ReleaseControlledAdmin(EditorialAdmin):
    """Editors ("Redaktion") write drafts; only the "Freigabe" group makes things public.

    Enforced on the server: the release fields are read-only for editors, what they add is
    stored unpublished, released records are read-only for them, and deleting released
    records or running release actions needs the release permission.
    """

    publish_permission = None  # "app_label.codename"
    release_fields = ("is_published",)

    def has_release_permission(self, request):
        """The release right; Django also asks it for actions with permissions=["release"]."""
        return request.user.has_perm(self.publish_permission)

    def is_released(self, obj):
        return obj.is_published

    def withhold(self, obj):
        """Make an object an editor saves non-public."""
        obj.is_published = False

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_release_permission(request):
            fields += [name for name in self.release_fields if name not in fields]
        return fields

    def is_locked(self, request, obj):
        """Whether obj is released and the user lacks the release right, so may not touch it."""
        return (
            obj is not None and self.is_released(obj) and not self.has_release_permission(request)
        )

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and not self.is_locked(request, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and not self.is_locked(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self.has_release_permission(request):
            actions.pop("delete_selected", None)
        return actions

    def delete_queryset(self, request, queryset):
        if not self.has_release_permission(request) and any(
            self.is_released(obj) for obj in queryset
        ):
            raise PermissionDenied
        super().delete_queryset(request, queryset)

    def save_model(self, request, obj, form, change):
        if not self.has_release_permission(request):
            self.withhold(obj)
        super().save_model(request, obj, form, change)
