"""The editorial workflow's writes: groups, waiting changes and their release."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from . import changes as fields
from .models import ChangeRequest
from .roles import EDITORS, PUBLISHERS, editor_permissions, publisher_permissions


@transaction.atomic
def editorial_groups_sync(*, using: str = DEFAULT_DB_ALIAS) -> None:
    """Give "Redaktion" and "Freigabe" exactly the permissions roles.py names, creating them."""
    for name, wanted in [(EDITORS, editor_permissions()), (PUBLISHERS, publisher_permissions())]:
        wanted = set(wanted)
        candidates = Permission.objects.using(using).filter(
            content_type__app_label__in={app_label for app_label, _ in wanted}
        )
        # A permission whose model does not exist (yet) is simply not among the candidates.
        permissions = [
            permission
            for permission in candidates.select_related("content_type")
            if (permission.content_type.app_label, permission.codename) in wanted
        ]
        group, _created = Group.objects.using(using).get_or_create(name=name)
        group.permissions.set(permissions)


# Django names its permissions in English when migrate creates them ("Can add Artikel").
PERMISSION_VERBS = {"add": "hinzufügen", "change": "ändern", "delete": "löschen", "view": "ansehen"}


@transaction.atomic
def permission_names_in_german(*, using: str = DEFAULT_DB_ALIAS) -> int:
    """Rename Django's built-in permissions "Can add Artikel" to "Kann Artikel hinzufügen",
    as the user and group forms show them; return how many were renamed."""
    renamed = 0
    english = Permission.objects.using(using).filter(name__startswith="Can ")
    with translation.override(settings.LANGUAGE_CODE):
        for permission in english.select_related("content_type"):
            renamed += _rename(permission)
    return renamed


def _rename(permission) -> int:
    action = permission.codename.split("_", 1)[0]
    model = permission.content_type.model_class()
    if action not in PERMISSION_VERBS or model is None:
        return 0
    permission.name = f"Kann {model._meta.verbose_name} {PERMISSION_VERBS[action]}"[:255]
    permission.save(update_fields=["name"])
    return 1


class ReleaseRefused(Exception):
    """A waiting change cannot be released as it is; the message says why, in German."""


def edit_token(model, pk, *, lock=False) -> str:
    """Return the version of a record an editor's form starts from: when the record and its
    waiting change were last saved. With lock, the record's row stays locked until the
    transaction ends, so that two saves of one record cannot both pass the check."""
    records = model._default_manager.filter(pk=pk)
    if lock:
        records = records.select_for_update(of=("self",))
    updated_at = records.values_list("updated_at", flat=True).first()
    if updated_at is None:
        return ""
    waiting = (
        ChangeRequest.objects.for_model(model)
        .filter(object_id=pk)
        .values_list("updated_at", flat=True)
        .first()
    )
    return updated_at.isoformat() + (f"|{waiting.isoformat()}" if waiting else "")


def change_request_for(obj) -> ChangeRequest | None:
    """Return the change waiting for release on obj, or None."""
    if obj is None or obj.pk is None:
        return None
    return ChangeRequest.objects.for_object(obj).select_related("author").first()


@transaction.atomic
def change_propose(*, obj, form, user, exclude=()) -> ChangeRequest | None:
    """Keep what a valid form changes on a released record as a waiting change; the record
    stays untouched. Merges with a change already waiting; return it, or None when the form
    leaves every field as it is live (a waiting change is then dropped)."""
    model = type(obj)
    live = model._default_manager.select_for_update(of=("self",)).get(pk=obj.pk)
    waiting = ChangeRequest.objects.for_object(live).select_for_update().first()
    proposed = dict(waiting.changes) if waiting else {}
    base = dict(waiting.base) if waiting else {}
    for field in fields.form_fields(form, exclude):
        new, old = fields.form_value(form, field), fields.live_value(live, field)
        if new == old:
            proposed.pop(field.name, None)
            base.pop(field.name, None)
        else:
            proposed[field.name] = new
            base.setdefault(field.name, old)
    if not proposed:
        if waiting:
            waiting.delete()
        return None
    if waiting is None:
        waiting = ChangeRequest(
            content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
            object_id=live.pk,
        )
    waiting.changes, waiting.base = proposed, base
    waiting.object_repr = str(live)[:300]
    waiting.author = user
    waiting.save()
    return waiting


def _conflicting_fields(obj, model, change):
    return [
        fields.label(field)
        for name in change.changes
        if (field := fields.model_field(model, name)) is not None
        and fields.live_value(obj, field) != change.base.get(name)
    ]


@transaction.atomic
def change_release(*, change: ChangeRequest, user):
    """Apply a waiting change to its record in one save (a revision by user) and drop it.

    Refused when someone changed one of its fields on the record since it was proposed, or
    when the result breaks a rule of the record (a slug taken on the same day, say).
    """
    change = ChangeRequest.objects.select_for_update().filter(pk=change.pk).first()
    if change is None:
        raise ReleaseRefused(_("Diese Änderung wurde inzwischen freigegeben oder verworfen."))
    model = change.content_type.model_class()
    obj = model._default_manager.select_for_update(of=("self",)).filter(pk=change.object_id)
    obj = obj.first()
    if obj is None:
        change.delete()
        raise ReleaseRefused(_("Der Eintrag wurde inzwischen gelöscht."))
    if conflicts := _conflicting_fields(obj, model, change):
        raise ReleaseRefused(
            _(
                "Seit dem Vorschlag hat jemand diese Felder am Eintrag selbst geändert: "
                "%(fields)s. Bitte den Eintrag öffnen, die Änderung dort übernehmen und "
                "diesen Vorschlag verwerfen."
            )
            % {"fields": ", ".join(conflicts)}
        )
    plain, related = [], []
    for name, value in change.changes.items():
        if (field := fields.model_field(model, name)) is not None:
            (related if fields.is_related(field) else plain).append((field, value))
    for field, value in related:
        if fields.is_related_list(field):
            existing = field.related_model._default_manager.filter(pk__in=value)
            if existing.count() != len(set(value)):
                raise ReleaseRefused(
                    _(
                        "Ein im Feld „%(field)s“ verknüpfter Eintrag wurde inzwischen gelöscht. "
                        "Bitte den Eintrag öffnen, die Verknüpfungen dort prüfen und diesen "
                        "Vorschlag verwerfen."
                    )
                    % {"field": fields.label(field)}
                )
    for field, value in plain:
        fields.apply_value(obj, field, value)
    try:
        obj.full_clean(exclude=[field.name for field, _value in related])
    except ValidationError as error:
        raise ReleaseRefused(" ".join(error.messages)) from error
    obj._history_user = user
    author = change.author.get_username() if change.author else _("unbekannt")
    obj._change_reason = _("Änderung von %(author)s freigegeben") % {"author": author}
    obj.save()
    for field, value in related:
        fields.apply_related(obj, field, value)
    change.delete()
    return obj


def change_preview(obj) -> ChangeRequest | None:
    """Put the plain field values of obj's waiting change on obj, in memory only (never
    saved), so that a preview shows the record as it will read after release. Links and
    topics stay as they are live. Return the waiting change, or None."""
    waiting = change_request_for(obj)
    if waiting is None:
        return None
    model = type(obj)
    for name, value in waiting.changes.items():
        field = fields.model_field(model, name)
        if field is not None and not fields.is_related(field):
            fields.apply_value(obj, field, value)
    return waiting


def change_reject(*, change: ChangeRequest) -> None:
    """Drop a waiting change; the record stays as it is."""
    ChangeRequest.objects.filter(pk=change.pk).delete()
