"""Databases of the Redis at 127.0.0.1:6379 (CI's) that tests may empty.

The test modules that use them (REDIS_MODULES) run one after another on one worker
(tests/conftest.py's scheduler): Redis reports a change of the content version to every
tracking client whatever its database, and one module emptying a database would disturb
another's test on the other worker.
"""

import pytest
import redis

REDIS_MODULES = (
    "tests/performance/test_version_watch.py",
    "tests/performance/test_two_servers.py",
    "tests/security/test_cache_outage.py",
)


def emptied_redis(url):
    """Return a client of the Redis database at url, emptied; skip the test without Redis."""
    server = redis.Redis.from_url(url)
    try:
        server.flushdb()
    except redis.ConnectionError:
        pytest.skip("needs Redis on 127.0.0.1:6379")
    return server
