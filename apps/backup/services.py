"""Consistent backups of the database content and the media files, and their restore."""

import gzip
import hashlib
import io
import json
import re
import tarfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import management
from django.db import connection, transaction
from django.test.utils import override_settings

# XML keeps datetimes to the microsecond; Django's JSON serialiser cuts them to milliseconds.
DATA_FILE = "data.xml.gz"
MEDIA_FILE = "media.tar.gz"
MANIFEST_FILE = "manifest.json"
# Rebuilt by `migrate` (content types, permissions) or worthless and personal in another
# installation (logged-in sessions, login-throttling records). The admin's action log, the
# audit trail of who changed what, is kept.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "axes",
]


def media_checksums(root: Path) -> dict[str, str]:
    """Return {relative path: sha256} of every file under root."""
    root = Path(root)
    if not root.exists():
        return {}
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def site_backup(*, destination: Path) -> dict:
    """Write the database content and media files into destination; return the manifest.

    The dump runs in one transaction (REPEATABLE READ on PostgreSQL), so it is a consistent
    snapshot even while editors keep working.
    """
    destination = Path(destination)
    # Only its owner may read a backup: it holds the editors' password hashes.
    destination.mkdir(mode=0o700, parents=True, exist_ok=True)
    destination.chmod(0o700)
    buffer = io.StringIO()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        management.call_command(
            "dumpdata",
            format="xml",
            natural_foreign=True,
            exclude=EXCLUDED,
            stdout=buffer,
            verbosity=0,
        )
    with gzip.open(destination / DATA_FILE, "wt", encoding="utf-8") as data:
        data.write(buffer.getvalue())
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(destination / MEDIA_FILE, "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname="media")
    manifest = {
        "records": buffer.getvalue().count("<object "),
        "media": media_checksums(media_root),
    }
    (destination / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    for name in (DATA_FILE, MEDIA_FILE, MANIFEST_FILE):
        (destination / name).chmod(0o600)
    return manifest


@transaction.atomic
def site_restore(*, source: Path) -> dict:
    """Load a backup into an installation (migrated; its content is replaced) and check it."""
    source = Path(source)
    manifest = json.loads((source / MANIFEST_FILE).read_text(encoding="utf-8"))
    with gzip.open(source / DATA_FILE, "rt", encoding="utf-8") as data:
        models = re.findall(r'<object model="([\w.]+)"', data.read())
    labels = list(dict.fromkeys(models))
    # Rows that migrations created (default pages, the groups) give way to the backup's,
    # without a "deleted" revision each: the backup brings the history as it was.
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        for label in reversed(labels):
            apps.get_model(label)._base_manager.all().delete()
    management.call_command("loaddata", str(source / DATA_FILE), verbosity=0)
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / MEDIA_FILE, "r:gz") as archive:
        for member in archive.getmembers():
            if not member.isfile():
                continue
            relative = Path(member.name).relative_to("media")
            target = (media_root / relative).resolve()
            if media_root.resolve() not in target.parents:
                raise ValueError(f"Unsichere Pfadangabe im Archiv: {member.name}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.extractfile(member).read())
    restored = media_checksums(media_root)
    missing = {name for name, digest in manifest["media"].items() if restored.get(name) != digest}
    if missing:
        raise ValueError(f"Dateien fehlen oder weichen ab: {sorted(missing)[:5]}")
    return manifest
