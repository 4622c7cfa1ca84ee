"""`make fault-check`: kill a gunicorn worker under load and check that nothing saved is lost.

Starts gunicorn (production settings, 2 sync workers) on 127.0.0.1 against a throwaway
PostgreSQL database, reads pages with wrk for --seconds while an editor saves articles through
the admin one after another, and SIGKILLs one worker a third of the way in. Then it checks:
every save the server acknowledged (a redirect after the POST) is in the database, and the
failed requests are no more than were in flight when the worker died. The result goes to
docs/fault-check.md. Traffic goes to 127.0.0.1 only and every loop is bounded in time.
"""

import argparse
import http.client
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from environment import production_env  # noqa: E402

from bench import PYTHON, ROOT, free_port, manage, prepare_database  # noqa: E402

DOC = ROOT / "docs" / "fault-check.md"
USERNAME, PASSWORD = "lasttest", "Lasttest-Passwort-2026"


def log(message):
    print(f"[fault-check] {message}", file=sys.stderr, flush=True)


class Editor:
    """An admin session kept by hand (production cookies are Secure; this is plain http)."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, fields=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        connection.close()
        return response.status, content

    def csrf(self, path):
        _, content = self.request("GET", path)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1)

    def login(self):
        token = self.csrf("/admin/login/")
        status, _ = self.request(
            "POST",
            "/admin/login/?next=/admin/",
            {"csrfmiddlewaretoken": token, "username": USERNAME, "password": PASSWORD},
        )
        if status != 302:
            raise RuntimeError(f"login failed: {status}")

    def save_article(self, title):
        token = self.csrf("/admin/news/article/add/")
        status, content = self.request(
            "POST",
            "/admin/news/article/add/",
            {
                "csrfmiddlewaretoken": token,
                "title": title,
                "slug": "",
                "lead": "Gespeichert während des Lasttests.",
                "body": "<p>Text</p>",
                "tags": "",
                "status": "draft",
                "published_at_0": "01.01.2024",
                "published_at_1": "10:00:00",
                "author": "",
                "article_photos-TOTAL_FORMS": "0",
                "article_photos-INITIAL_FORMS": "0",
            },
        )
        if status != 302 and os.environ.get("FAULT_DEBUG"):
            log(f"save answered {status}: {re.findall(r'errorlist[^>]*>(.*?)</ul>', content)}")
        return status


def worker_pids(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("FAULT_SECONDS", 60)))
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="fault-"))
    env = {
        **os.environ,
        **production_env(
            workdir,
            PAGE_CACHE_SECONDS="0",
            DATABASE_URL=prepare_database("postgres", workdir, "fault_check"),
        ),
    }
    log("migrate and load the seed content")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_seed_data", stdout=subprocess.DEVNULL)
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; "
        f"get_user_model().objects.create_superuser('{USERNAME}', 'l@example.org', '{PASSWORD}')",
    )

    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--graceful-timeout", "5", "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    acknowledged, failed_saves = [], []
    try:
        deadline = time.monotonic() + 30
        editor = Editor(port)
        while True:
            try:
                editor.login()
                break
            except (OSError, RuntimeError, AttributeError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)

        reader = subprocess.Popen(
            ["wrk", "-t1", "-c4", f"-d{args.seconds}s", f"http://127.0.0.1:{port}/aktuelles/"],
            stdout=subprocess.PIPE,
            text=True,
        )
        stop = time.monotonic() + args.seconds

        def write_loop():
            n = 0
            while time.monotonic() < stop:
                n += 1
                title = f"Lasttest-Artikel {n}"
                try:
                    status = editor.save_article(title)
                except (OSError, http.client.HTTPException, AttributeError) as error:
                    failed_saves.append((title, repr(error)))
                    continue
                (acknowledged if status == 302 else failed_saves).append(
                    title if status == 302 else (title, status)
                )

        writer = threading.Thread(target=write_loop)
        writer.start()
        time.sleep(args.seconds / 3)
        victim = worker_pids(server.pid)[0]
        os.kill(victim, signal.SIGKILL)
        killed_at = round(args.seconds / 3)
        log(f"killed worker {victim} after {killed_at} s")
        writer.join(timeout=args.seconds + 60)
        wrk_out = reader.communicate(timeout=args.seconds + 60)[0]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    check = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c",
         "from apps.news.models import Article; "
         "print('\\n'.join(Article.objects.filter(title__startswith='Lasttest-Artikel')"
         ".values_list('title', flat=True)))"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    stored = set(check.stdout.split("\n")) - {""}
    lost = [title for title in acknowledged if title not in stored]
    requests = re.search(r"(\d+) requests in", wrk_out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk_out)
    socket_errors = re.search(r"Socket errors: (.*)", wrk_out)
    summary = {
        "reads": int(requests.group(1)) if requests else 0,
        "reads_failed_status": int(non_2xx.group(1)) if non_2xx else 0,
        "read_socket_errors": socket_errors.group(1) if socket_errors else "keine",
        "saves_acknowledged": len(acknowledged),
        "saves_failed": len(failed_saves),
        "saves_lost": len(lost),
    }
    log(str(summary))
    ok = not lost and len(failed_saves) <= 1 and summary["reads_failed_status"] <= 4
    if not args.no_write:
        DOC.write_text(
            "\n".join(
                [
                    "# Fault check: a gunicorn worker killed under load",
                    "",
                    f"Command: `FAULT_SECONDS={args.seconds} make fault-check`, "
                    f"run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, PostgreSQL, "
                    "gunicorn with 2 sync workers, wrk with 4 connections reading `/aktuelles/`, "
                    "one editor saving articles through the admin one after another; one worker "
                    f"killed with SIGKILL after {args.seconds // 3} s (gunicorn starts a new one).",
                    "",
                    "| measure | value |",
                    "| --- | ---: |",
                    f"| page reads | {summary['reads']} |",
                    f"| reads answered with an error status | {summary['reads_failed_status']} |",
                    f"| wrk socket errors | {summary['read_socket_errors']} |",
                    f"| saves acknowledged | {summary['saves_acknowledged']} |",
                    f"| saves failed (in flight at the kill) | {summary['saves_failed']} |",
                    f"| acknowledged saves missing from the database | {summary['saves_lost']} |",
                    "",
                    "Verdict: "
                    + (
                        "nothing lost beyond the requests in flight."
                        if ok
                        else "FAILED – see the numbers above."
                    ),  # fmt: skip
                    "",
                    "Failed saves: " + (", ".join(map(str, failed_saves)) or "none") + ".",
                    "",
                ]
            ),
            encoding="utf-8",
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
