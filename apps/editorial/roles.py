"""The two editorial groups and what each may do."""

EDITORS = "Redaktion"
PUBLISHERS = "Freigabe"

# The right to release waiting changes, and the one that unlocks photos in public use.
RELEASE_PERMISSION = "editorial.release_changerequest"

# (app_label, model) pairs editors work on; they may add, change and view them. What they add
# is stored unpublished, what they change on released records waits for release, and rows of
# released records are read-only for them (apps/editorial/admin_mixins.py).
EDITED_MODELS = [
    ("news", "article"),
    ("news", "articlephoto"),
    ("network", "meeting"),
    ("network", "meetingparticipation"),
    ("network", "person"),
    ("network", "role"),
    ("media", "photo"),
    ("pages", "page"),
]
# Reference data visitors see as soon as it is saved: editors may only view (and so choose)
# it; publishers maintain it. Topics are still created by typing them on a draft: a topic
# shows on the site only with a published article.
REFERENCE_MODELS = [
    ("news", "topic"),
    ("network", "municipality"),
    ("network", "programmemembership"),
    ("network", "institution"),
    ("network", "programme"),
]
# What editors may delete: their own unreleased drafts (checked per record by the admin) and
# the rows inside them.
EDITOR_DELETABLE = [
    ("news", "article"),
    ("network", "meeting"),
    ("network", "person"),
    ("pages", "page"),
    ("news", "articlephoto"),
    ("network", "meetingparticipation"),
    ("network", "role"),
]
# The right to release: publish, schedule, unpublish, delete published content.
PUBLISH_PERMISSIONS = [
    ("news", "publish_article"),
    ("network", "publish_meeting"),
    ("network", "publish_person"),
    ("pages", "publish_page"),
    ("editorial", "release_changerequest"),
]


def _rights(models, actions):
    return [(app, f"{action}_{model}") for app, model in models for action in actions]


def editor_permissions():
    """Return (app_label, codename) pairs of the editors' group."""
    perms = _rights(EDITED_MODELS, ("add", "change", "view"))
    perms += _rights(REFERENCE_MODELS, ("view",))
    perms += [(app, f"delete_{model}") for app, model in EDITOR_DELETABLE]
    perms += [("editorial", "view_changerequest")]
    return perms


def publisher_permissions():
    """Return (app_label, codename) pairs of the publishers: all of the editors' and release."""
    perms = editor_permissions()
    perms += _rights(EDITED_MODELS + REFERENCE_MODELS, ("add", "change", "delete", "view"))
    perms += _rights([("editorial", "changerequest")], ("change", "delete", "view"))
    perms += PUBLISH_PERMISSIONS
    return sorted(set(perms))
