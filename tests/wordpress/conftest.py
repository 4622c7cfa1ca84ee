import io

import pytest
from django.core.management import call_command

from tests.factories import StaffUserFactory
from tests.factories.media import image_bytes

from .wxr import wxr


@pytest.fixture
def importer(db):
    """The account the import is made by (the first superuser)."""
    return StaffUserFactory(username="admin")


@pytest.fixture
def wxr_file(tmp_path):
    """Write an export file of the given items; return its path."""

    def write(*items, text=None, name="export.xml"):
        path = tmp_path / name
        path.write_text(text if text is not None else wxr(*items), encoding="utf-8")
        return path

    return write


@pytest.fixture
def run_import(importer, wxr_file):
    """Import the given items (or an existing file); return what the command printed."""

    def run(*items, path=None, **options):
        out, err = io.StringIO(), io.StringIO()
        path = path or wxr_file(*items)
        call_command("import_wordpress", str(path), stdout=out, stderr=err, **options)
        return out.getvalue() + err.getvalue()

    return run


@pytest.fixture
def uploads(tmp_path):
    """A WordPress uploads folder; uploads.add("2017/03/a.jpg") puts a photo there."""
    root = tmp_path / "uploads"
    root.mkdir()

    class Uploads:
        path = root

        def add(self, relative, content=None, **kwargs):
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content if content is not None else image_bytes(**kwargs))
            return target

    return Uploads()
