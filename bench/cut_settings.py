"""The production settings with MIDDLEWARE cut to its first BENCH_MIDDLEWARE_PREFIX entries.

For `make bench-compare BENCH_ARGS=--stack`: what a part of the stack costs when gunicorn
serves it, beside the whole stack and the bare Django view.
"""

import os

from config.settings.production import *  # noqa: F403

MIDDLEWARE = MIDDLEWARE[: int(os.environ["BENCH_MIDDLEWARE_PREFIX"])]  # noqa: F405
