"""The apps form floors: an app imports only apps on lower floors, so no import runs back up
and no two apps import each other (README, "Where things are")."""

import ast
from pathlib import Path

import pytest

from tests.redis_databases import REDIS_MODULES

APPS_DIR = Path(__file__).resolve().parent.parent / "apps"

# Lowest first. An app may import apps on lower floors only, never one on its own floor.
FLOORS = {
    "core": 0,  # infrastructure: page cache, content version, text helpers, sitemap base, head
    "editorial": 0,  # the editorial groups and the admin's release rules
    "media": 1,
    "news": 2,
    "network": 3,  # meetings carry topics; record pages list articles
    "sidebar": 4,  # the calendar shows articles and meetings
    "pages": 4,  # editable pages and the home page, which shows articles and meetings
    "search": 4,
    "seed": 5,  # tools that fill or save every content app
    "wordpress": 5,  # the WordPress import fills news, pages and media
    "backup": 5,
    "devtools": 5,
}


def _imported_apps(path: Path, apps_dir: Path = APPS_DIR):
    """Yield (line, app label) for every import of an app of this project in a file."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = path.relative_to(apps_dir.parent).with_suffix("").parts[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the file's package
                base = package[: len(package) - node.level + 1]
                names = [".".join([*base, node.module or ""])]
            else:
                names = [node.module or ""]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "apps" and len(parts) > 1 and parts[1]:
                yield node.lineno, parts[1]


def _app_files():
    for app_dir in sorted(path for path in APPS_DIR.iterdir() if (path / "apps.py").exists()):
        for path in sorted(app_dir.rglob("*.py")):
            yield app_dir.name, path


def test_every_app_has_a_floor():
    apps = {path.name for path in APPS_DIR.iterdir() if (path / "apps.py").exists()}
    assert apps == set(FLOORS), "give each app a floor in FLOORS and in the README"


def test_apps_import_only_apps_on_lower_floors():
    upward = []
    for app, path in _app_files():
        for line, imported in _imported_apps(path):
            if imported != app and FLOORS[imported] >= FLOORS[app]:
                upward.append(f"{path.relative_to(APPS_DIR.parent)}:{line} imports {imported}")
    assert upward == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from apps.news.models import Article", "news"),
        ("import apps.news.models", "news"),
        ("from ..models import Article", "core"),
        ("from ...news import models", "news"),
    ],
)
def test_the_check_sees_every_form_of_import(tmp_path, source, expected):
    package = tmp_path / "apps" / "core" / "templatetags"
    package.mkdir(parents=True)
    (package / "tags.py").write_text(source + "\n")
    found = [app for _, app in _imported_apps(package / "tags.py", tmp_path / "apps")]
    assert found == [expected]


def test_every_test_module_that_empties_a_redis_database_runs_in_the_redis_unit():
    # tests/conftest.py runs REDIS_MODULES one after another on one worker; a module left out
    # would run beside them and make both flaky.
    tests_dir = Path(__file__).resolve().parent
    users = {
        path.relative_to(tests_dir.parent).as_posix()
        for path in tests_dir.rglob("test_*.py")
        if path != Path(__file__).resolve() and "emptied_redis(" in path.read_text()
    }
    assert users and users <= set(REDIS_MODULES), users - set(REDIS_MODULES)
