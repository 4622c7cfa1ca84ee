"""The W3C Nu HTML checker (vnu) finds no error on any page type of the seeded site."""

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from tests.site_pages import page_types, sitemap_paths

VNU_JAR = Path(__file__).resolve().parents[2] / ".tools/node_modules/vnu-jar/build/dist/vnu.jar"

pytestmark = pytest.mark.django_db


def vnu_command():
    if VNU_JAR.exists() and shutil.which("java"):
        return ["java", "-Xss4m", "-jar", str(VNU_JAR)]
    if os.environ.get("REQUIRE_VNU"):
        pytest.fail(f"The Nu HTML checker is required here: make vnu ({VNU_JAR})")
    pytest.skip("the Nu HTML checker is not installed (make vnu; needs npm and Java)")


@pytest.mark.slow(20)
def test_every_page_type_is_valid_html_for_the_nu_checker(tmp_path):
    command = vnu_command()
    call_command("load_seed_data", stdout=io.StringIO())
    client = Client()
    files = {}
    for name, paths in sorted(page_types(sitemap_paths(client), per_type=1).items()):
        response = client.get(paths[0])
        assert response.status_code in (200, 404), (paths[0], response.status_code)
        file = tmp_path / f"{name}.html"
        file.write_bytes(response.content)
        files[file.name] = paths[0]

    errors = nu_errors(command, tmp_path, files)

    assert len(files) >= 15
    assert errors == [], "\n".join(errors)


def test_the_nu_checker_reports_a_skipped_heading_level(tmp_path):
    command = vnu_command()
    page = "<!DOCTYPE html><html lang=de><title>x</title><h1>Titel</h1><h3>Zu tief</h3></html>"
    (tmp_path / "skip.html").write_text(page)

    errors = nu_errors(command, tmp_path, {"skip.html": "/skip/"})

    assert len(errors) == 1 and "skipping 1 heading level" in errors[0]


def nu_errors(command, folder, files):
    """The checker's errors in the files (names in folder → the path each came from)."""
    result = subprocess.run(
        [*command, "--format", "json", "--errors-only", *(str(folder / name) for name in files)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [
        f"{files.get(Path(message.get('url', '')).name, message.get('url'))}:"
        f"{message.get('lastLine')}: {message['message']}"
        for message in messages
        if message["type"] in ("error", "non-document-error")
    ]
