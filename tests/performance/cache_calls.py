"""Counting the calls a request makes to the shared cache (the page cache tests)."""

from django.core.cache import cache


class CountingCache:
    """Record every call to the shared cache during a request."""

    def __init__(self, monkeypatch):
        self.calls = []
        self.depth = 0
        for name in ("get", "get_many", "set", "delete"):
            real = getattr(cache, name)

            def counting(*args, _name=name, _real=real, **kwargs):
                # Only the calls the site makes; a local-memory get_many calls get itself.
                if self.depth == 0:
                    self.calls.append((_name, args[0]))
                self.depth += 1
                try:
                    return _real(*args, **kwargs)
                finally:
                    self.depth -= 1

            monkeypatch.setattr(cache, name, counting)
