"""Browser tests: Debian's Chromium through Playwright against Django's live server."""

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


def pytest_collection_modifyitems(config, items):
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}")
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(skip)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """Let browser tests use the ORM while Playwright's event loop runs in their thread.

    Set around the whole test, from the database setup to the flush after it; other tests
    keep Django's guard against async misuse.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        return (yield)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-dev-shm-usage",
            # Keep one renderer from page to page and no back/forward cache: the tests visit
            # hundreds of pages, and this spends about a fifth less CPU on them.
            "--disable-features=ProactivelySwapBrowsingInstance,RenderDocument,BackForwardCache",
        ],
    }


@pytest.fixture(scope="session")
def screenshot_dir():
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR


@pytest.fixture(autouse=True)
def live_server_idle_afterwards():
    """After a browser test, wait until the live server has answered every request the
    browser had started (autouse: torn down after the browser's context is closed).

    With an in-memory SQLite database the live server's request threads share the test
    process's connection: a late request (an image of a page the test has left) would run its
    queries while the next test on this worker counts its own, as
    tests/news/test_teasers.py once saw (4 queries instead of 1, under load).
    """
    yield
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(
        thread.name.endswith("(process_request_thread)") for thread in threading.enumerate()
    ):
        time.sleep(0.01)
