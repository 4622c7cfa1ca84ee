"""Databases of the Redis at 127.0.0.1:6379 (CI's) that tests may empty."""

import pytest
import redis


def emptied_redis(url):
    """Return a client of the Redis database at url, emptied; skip the test without Redis."""
    server = redis.Redis.from_url(url)
    try:
        server.flushdb()
    except redis.ConnectionError:
        pytest.skip("needs Redis on 127.0.0.1:6379")
    return server
