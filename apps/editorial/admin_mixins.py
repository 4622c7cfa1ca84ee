"""Admin building blocks for the release contract: nothing a Redaktion member does reaches
visitors before a Freigabe member releases it, on every path the admin offers.

- What editors add is stored unpublished (`withhold`).
- What they change on a released record is kept as a waiting change (`change_propose`), the
  record untouched, on the change form, the list's editable columns and a history restore.
- Rows shown inside a released record (its photos, roles, participants) are read-only for them.
- Reference data visitors see (municipalities, institutions, programmes, topics) is only
  viewable for them (`apps/editorial/roles.py`), photos in use by released content too.
- They delete only unreleased records they created themselves.

Every save is a revision, and a save on a record someone else saved meanwhile is refused.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.core.exceptions import PermissionDenied
from django.db.models.signals import post_delete
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from . import changes
from .roles import RELEASE_PERMISSION
from .services import change_propose, change_request_for, edit_token
from .signals import drop_waiting_change

EDIT_TOKEN_FIELD = "edit_token"
CONCURRENT_EDIT_MESSAGE = (
    "Jemand anderes hat diesen Eintrag gespeichert (%(when)s), während Sie ihn bearbeitet "
    "haben. Ihre Änderungen wurden nicht gespeichert, stehen aber unten noch im Formular. "
    "Öffnen Sie den Eintrag in einem neuen Tab, übernehmen Sie Ihre Änderungen dort und "
    "speichern Sie erneut; die andere Fassung finden Sie unter „Änderungsgeschichte“."
)


class GermanSlugMedia:
    """Admin scripts that make prepopulated slugs spell umlauts the German way ("ä" → "ae").

    urlify.js comes first so that german_urlify.js can wrap the URLify it defines.
    """

    js = ["admin/js/urlify.js", "admin/js/german_urlify.js"]


class ConcurrentEditForm(forms.ModelForm):
    """Refuse a save when someone else saved the record (or its waiting change) since this
    form was opened. The token is read from the database, never from the instance, so a form
    filled from an old revision (history restore) carries today's token."""

    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)
    # Set by the admin for an editor who continues a waiting change: {field name: JSON value}.
    waiting_changes = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pk = self.instance.pk
        if pk and not self.is_bound:
            self.fields[EDIT_TOKEN_FIELD].initial = edit_token(type(self.instance), pk)
            for name, value in (self.waiting_changes or {}).items():
                field = changes.model_field(type(self.instance), name)
                if field is not None and name in self.fields:
                    self.initial[name] = changes.form_initial(field, value)

    def is_checked(self):
        """Whether this save is compared with the record's token (every change form is)."""
        return True

    def clean(self):
        cleaned = super().clean()
        token = cleaned.get(EDIT_TOKEN_FIELD)
        # The admin's own form always sends the token; posts without one are not checked.
        if not self.instance.pk or not token or not self.is_checked():
            return cleaned
        # Locks the row until the request's transaction ends: a second save of the same
        # record waits here and then sees the first one's new token.
        current = edit_token(type(self.instance), self.instance.pk, lock=True)
        if current and token != current:
            updated_at = type(self.instance)._default_manager.get(pk=self.instance.pk).updated_at
            raise forms.ValidationError(
                _(CONCURRENT_EDIT_MESSAGE),
                code="concurrent_edit",
                params={"when": timezone.localtime(updated_at).strftime("%d.%m.%Y %H:%M:%S")},
            )
        return cleaned


class ListConcurrentEditForm(ConcurrentEditForm):
    """A row of a list's editable columns. The list sends every row, so the token is checked
    only on rows the user changed; a colleague's save of another row refuses nothing."""

    @cached_property
    def changed_data(self):
        return [name for name in super().changed_data if name != EDIT_TOKEN_FIELD]

    def is_checked(self):
        return bool(self.changed_data)


def _shown(fields, rich):
    """Return fieldset fields for a read-only view: no edit token, rich text rendered."""
    return [
        RENDERED_PREFIX + field if isinstance(field, str) and field in rich else field
        for field in fields
        if field != EDIT_TOKEN_FIELD
    ]


def _is_through(text, through):
    return any(str(text).lower().startswith(name.lower()) for name in through)


def _without_through(items, through):
    """Return the nested list of deleted objects without the many-to-many link rows."""
    kept = []
    for item in items:
        if isinstance(item, list):
            kept.append(_without_through(item, through))
        elif not _is_through(item, through):
            kept.append(item)
    return kept


def has_release_right(user) -> bool:
    return user.has_perm(RELEASE_PERMISSION)


# Read-only rich text is shown rendered, through an admin attribute of this prefix + name.
RENDERED_PREFIX = "rendered_"


def _is_rich_text(field):
    return callable(getattr(field, "sanitize", None))


class CheckedBulkDelete:
    """A bulk delete ("Ausgewählte … löschen") checks every record as has_delete_permission()
    does for one, and refuses the whole delete if one of them may not go."""

    def refuse_undeletable(self, request, queryset):
        if not all(self.has_delete_permission(request, obj) for obj in queryset):
            raise PermissionDenied

    def delete_queryset(self, request, queryset):
        self.refuse_undeletable(request, queryset)
        super().delete_queryset(request, queryset)


class LockableAdmin(CheckedBulkDelete):
    """Change and delete rights that follow is_locked(request, obj): a record visitors already
    see is read-only for users without the right to release it (photos in use, roles of
    published people). Subclasses say when in is_locked()."""

    def is_locked(self, request, obj):
        raise NotImplementedError

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and not (obj is not None and self.is_locked(request, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and not (obj is not None and self.is_locked(request, obj))


def with_attributes(form, **attributes):
    """Return a subclass of a form class carrying per-request attributes (what the user may
    do, a waiting change), as the admin's get_form() builds one per request anyway."""
    return type(form.__name__, (form,), attributes)


class EditorialAdmin(SimpleHistoryAdmin):
    """Revisions (view, compare, restore) and protection against overwriting each other."""

    form = ConcurrentEditForm
    Media = GermanSlugMedia

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and not self.has_change_permission(request, obj):
            # Shown, not edited: no edit token (it would read "Edit token: None"), and rich
            # text as the visitor reads it, not as <p>…</p> source.
            rich = {field.name for field in self.model._meta.fields if _is_rich_text(field)}
            return [
                (name, {**options, "fields": _shown(options["fields"], rich)})
                for name, options in fieldsets
            ]
        first_fields = list(fieldsets[0][1]["fields"])
        if EDIT_TOKEN_FIELD not in first_fields:
            first_fields.append(EDIT_TOKEN_FIELD)
        return [(fieldsets[0][0], {**fieldsets[0][1], "fields": first_fields}), *fieldsets[1:]]

    def get_changelist_form(self, request, **kwargs):
        # The token travels in each row (templates/admin/change_list_results.html).
        return super().get_changelist_form(request, form=ListConcurrentEditForm, **kwargs)

    def get_deleted_objects(self, objs, request):
        """Django also lists the rows linking many-to-many fields ("Article_meetings object
        (1)"): internal, English, and deleted with the record anyway; leave them out."""
        deleted, counts, needed, protected = super().get_deleted_objects(objs, request)
        through = {
            str(field.remote_field.through._meta.verbose_name)
            for field in self.model._meta.many_to_many
            if field.remote_field.through._meta.auto_created
        }
        counts = {name: n for name, n in counts.items() if not _is_through(name, through)}
        return _without_through(deleted, through), counts, needed, protected

    def __getattr__(self, name):
        if not name.startswith(RENDERED_PREFIX):
            raise AttributeError(name)
        field = self.model._meta.get_field(name.removeprefix(RENDERED_PREFIX))

        @admin.display(description=field.verbose_name)
        def rendered(obj):
            return mark_safe(field.sanitize(field.value_from_object(obj) or ""))

        return rendered

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # django-simple-history checks only the view right before saving a restore.
        if request.method == "POST":
            obj = self.get_object(request, object_id)
            if obj is None or not self.has_change_permission(request, obj):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        if getattr(request, "resolver_match", None) and request.resolver_match.url_name.endswith(
            "_simple_history"
        ):
            obj._change_reason = _("Frühere Fassung wiederhergestellt")
        super().save_model(request, obj, form, change)


class ReleaseControlledAdmin(CheckedBulkDelete, EditorialAdmin):
    """Main content (articles, meetings, people, pages): Redaktion writes, Freigabe releases.

    Editors' new records are stored unpublished; their changes to released records wait for
    release as a ChangeRequest; the release fields are read-only for them.
    """

    publish_permission = None  # "app_label.codename"
    release_fields = ("is_published",)

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        # However a record goes (admin, shell, import), its waiting change goes with it.
        post_delete.connect(
            drop_waiting_change, sender=model, dispatch_uid=f"editorial-waiting-{model._meta.label}"
        )

    def has_release_permission(self, request):
        """The release right; Django also asks it for actions with permissions=["release"]."""
        return request.user.has_perm(self.publish_permission)

    # New records waiting for a first release, and the list filter that shows them: Freigabe
    # finds them beside the waiting changes (ChangeRequestAdmin).
    unreleased_filter = {"is_published__exact": "0"}

    def unreleased(self):
        return self.model._default_manager.filter(is_published=False)

    def is_released(self, obj):
        return obj.is_published

    def withhold(self, obj):
        """Make an object an editor saves non-public."""
        obj.is_published = False

    def is_locked(self, request, obj):
        """Whether obj is released and the user lacks the release right: its rows (photos,
        roles, participants) are then read-only and it cannot be deleted."""
        return (
            obj is not None
            and obj.pk is not None
            and self.is_released(obj)
            and not self.has_release_permission(request)
        )

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_release_permission(request):
            fields += [name for name in self.release_fields if name not in fields]
        return fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        waiting = self._waiting_change(request, obj) if self.is_locked(request, obj) else None
        if waiting is None:
            return form
        # The editor continues the waiting change instead of starting from the live record.
        return with_attributes(form, waiting_changes=waiting.changes)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            obj = self.get_object(request, object_id)
            if obj is not None and self.has_view_or_change_permission(request, obj):
                self._announce_waiting_change(request, obj)
        return super().change_view(request, object_id, form_url, extra_context)

    @staticmethod
    def _waiting_change(request, obj):
        """The record's waiting change, read once per request (the notice and the form)."""
        known = request.__dict__.setdefault("_editorial_waiting_for", {})
        key = (obj._meta.label, obj.pk)
        if key not in known:
            known[key] = change_request_for(obj)
        return known[key]

    def _announce_waiting_change(self, request, obj):
        waiting = self._waiting_change(request, obj)
        if self.is_locked(request, obj):
            text = _(
                "Dieser Eintrag ist freigegeben. Was Sie hier speichern, sehen Besucher "
                "erst, wenn die Freigabe es freigibt."
            )
            if waiting:
                text += " " + _("Das Formular zeigt die Änderung, die schon auf Freigabe wartet.")
            messages.info(request, text)
        elif waiting:
            url = reverse("admin:editorial_changerequest_change", args=[waiting.pk])
            messages.warning(
                request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    _("Für diesen Eintrag wartet eine Änderung von %(author)s auf Freigabe.")
                    % {"author": waiting.author or _("unbekannt")},
                    url,
                    _("Änderung ansehen und freigeben"),
                ),
            )

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if not allowed or obj is None or self.has_release_permission(request):
            return allowed
        return not self.is_released(obj) and self.created_by(obj) == request.user.pk

    def created_by(self, obj):
        """Return the id of the user whose save created obj (its first revision), or None."""
        first = obj.history.order_by("history_date", "history_id").first()
        return first.history_user_id if first else None

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self.has_release_permission(request):
            actions.pop("delete_selected", None)
        return actions

    def save_model(self, request, obj, form, change):
        # One request may save several rows (the list's editable columns): each starts afresh.
        request._editorial_proposed, request._editorial_waiting = False, None
        request._editorial_saved = getattr(request, "_editorial_saved", 0) + 1
        if self.has_release_permission(request):
            super().save_model(request, obj, form, change)
            return
        live = type(obj)._default_manager.filter(pk=obj.pk).first() if change else None
        if live is not None and self.is_released(live):
            self._propose(request, live, form)
            return
        self.withhold(obj)
        super().save_model(request, obj, form, change)

    def _propose(self, request, live, form):
        """Keep the form's changes as a waiting change and stop the admin from saving the
        record or its relations afterwards."""
        # Nothing the editor may not change on the live record is proposed (a restored old
        # revision may carry another status).
        locked = {*self.release_fields, *self.get_readonly_fields(request, live)}
        request._editorial_waiting = change_propose(
            obj=live, form=form, user=request.user, exclude=tuple(locked)
        )
        request._editorial_proposed = True
        request._editorial_proposals = getattr(request, "_editorial_proposals", 0) + 1
        form.save_m2m = lambda: None
        if request._editorial_waiting is not None:
            messages.info(
                request,
                _(
                    "Ihre Änderung an „%(object)s“ wartet auf Freigabe. Besucher sehen "
                    "weiter die veröffentlichte Fassung."
                )
                % {"object": live},
            )

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        # After a list save whose every row became a waiting change, Django's "… wurde
        # erfolgreich geändert" would contradict the notices that they wait for release.
        proposals = getattr(request, "_editorial_proposals", 0)
        if level == messages.SUCCESS and proposals and proposals == request._editorial_saved:
            return
        super().message_user(request, message, level, *args, **kwargs)

    def save_related(self, request, form, formsets, change):
        if getattr(request, "_editorial_proposed", False):
            return  # rows of a released record are read-only for editors (see the inlines)
        super().save_related(request, form, formsets, change)

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(request, "_editorial_proposed", False):
            return []  # the formsets were not saved; log_change() says what was proposed
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        if getattr(request, "_editorial_proposed", False):
            waiting = request._editorial_waiting
            names = [
                changes.label(field)
                for name in (waiting.changes if waiting else {})
                if (field := changes.model_field(type(obj), name)) is not None
            ]
            message = _("Änderung zur Freigabe vorgeschlagen: %(fields)s") % {
                "fields": ", ".join(names) or _("keine")
            }
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        # A popup closes as after any save; the opener shows the record's live name.
        if not getattr(request, "_editorial_proposed", False) or IS_POPUP_VAR in request.POST:
            return super().response_change(request, obj)
        if "_continue" in request.POST:
            return HttpResponseRedirect(request.path)
        return HttpResponseRedirect(
            reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_changelist")
        )


class ReleasedParentInline:
    """Rows of a released record (its photos, roles, participants) are part of what visitors
    see: read-only for users without the parent's release right."""

    def _parent_locked(self, request, obj):
        parent_admin = self.admin_site._registry.get(self.parent_model)
        is_locked = getattr(parent_admin, "is_locked", None)
        return bool(is_locked and is_locked(request, obj))

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not self._parent_locked(request, obj)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and not self._parent_locked(request, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and not self._parent_locked(request, obj)


class ReleasedInline(ReleasedParentInline, admin.TabularInline):
    """A tabular inline whose rows follow the parent's release state."""
