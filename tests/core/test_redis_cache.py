"""Redis through one client per connection pool, not a new client for every get and set."""

from apps.core.cache import RedisCache
from config.settings import base


def test_the_redis_cache_keeps_one_client_per_pool():
    cache = RedisCache("redis://127.0.0.1:6379/9", {})
    reader = cache._cache.get_client()
    assert cache._cache.get_client() is reader
    assert cache._cache.get_client(write=True) is cache._cache.get_client(write=True)


def test_a_redis_cache_url_gets_the_reusing_backend_and_others_stay_as_they_are(monkeypatch):
    monkeypatch.setitem(base.SettingsEnv.ENVIRON, "CACHE_URL", "redis://127.0.0.1:6379/1")
    config = base.cache_from_env("locmemcache://")
    assert config["BACKEND"] == "apps.core.cache.RedisCache"
    assert config["LOCATION"] == "redis://127.0.0.1:6379/1"
    monkeypatch.delitem(base.SettingsEnv.ENVIRON, "CACHE_URL")
    default = base.cache_from_env("dbcache://django_cache")
    assert default["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
