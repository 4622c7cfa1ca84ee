"""Run Python in a fresh process in the project folder, for settings read at start-up."""

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]

# The production settings with what they require; not this folder's .env (make serve's).
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x7!k2Qp9@vL4#mN8$rT1&wZ6*yB3^cF5%hJ0-dG2+sA9=eU4~iO7",
    "ALLOWED_HOSTS": "praeventionskette.example",
    "ENV_FILE": os.devnull,
}


def run_python(*args, env, timeout=60):
    """Run `python ARGS` in the project folder with exactly env; return the finished process."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def bench_script_output(code, **env):
    """Run `code` in a fresh process with bench/ on its path (its scripts import each other by
    name, and some set up Django or the environment on import) and only PATH and env in its
    environment; return what it printed, read as JSON."""
    done = run_python(
        "-c",
        f"import sys; sys.path.insert(0, 'bench'); {code}",
        env={"PATH": os.environ.get("PATH", ""), **env},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
