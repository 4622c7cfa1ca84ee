"""The two editorial groups and what each may do."""

EDITORS = "Redaktion"
PUBLISHERS = "Freigabe"

# (app_label, model) pairs editors work on; they may add, change and view them.
EDITED_MODELS = [
    ("news", "article"),
    ("news", "articlephoto"),
    ("news", "topic"),
    ("network", "meeting"),
    ("network", "meetingparticipation"),
    ("network", "person"),
    ("network", "role"),
    ("network", "municipality"),
    ("network", "programmemembership"),
    ("network", "institution"),
    ("network", "programme"),
    ("media", "photo"),
    ("pages", "page"),
]
# Inline rows editors may remove while editing a draft.
EDITOR_DELETABLE = [
    # Drafts only: the admin refuses to delete published articles, meetings, people, pages.
    ("news", "article"),
    ("network", "meeting"),
    ("network", "person"),
    ("pages", "page"),
    ("news", "articlephoto"),
    ("network", "meetingparticipation"),
    ("network", "role"),
    ("network", "programmemembership"),
]
# The right to release: publish, schedule, unpublish, delete published content.
PUBLISH_PERMISSIONS = [
    ("news", "publish_article"),
    ("network", "publish_meeting"),
    ("network", "publish_person"),
    ("pages", "publish_page"),
]


def editor_permissions():
    """Return (app_label, codename) pairs of the editors' group."""
    perms = [
        (app, f"{action}_{model}")
        for app, model in EDITED_MODELS
        for action in ("add", "change", "view")
    ]
    perms += [(app, f"delete_{model}") for app, model in EDITOR_DELETABLE]
    return perms


def publisher_permissions():
    """Return (app_label, codename) pairs of the publishers: all of the editors' and release."""
    perms = editor_permissions()
    perms += [(app, f"delete_{model}") for app, model in EDITED_MODELS]
    perms += PUBLISH_PERMISSIONS
    return sorted(set(perms))
