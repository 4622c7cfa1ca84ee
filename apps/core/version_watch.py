"""Know the content version without asking Redis on every request: Redis says when it changes.

Redis's support for client-side caching ("tracking", in broadcasting mode) reports every change
of a key to a connection that listens for it: a save on any server, the key's expiry, a
FLUSHDB. Each process (each thread, as Django's caches are per thread) keeps two connections of
its own: one subscribed to Redis's invalidation channel, and one that asks Redis to report
there every change of the version key. Before it uses the version it remembers, the process
reads what has arrived on the first connection, without waiting (a poll of its socket, no round
trip). Redis writes the report in the same step in which it carries out the change, before it
serves any further command, so once a change's writer has its reply (and an editor the page
that says "saved"), the report is in every listening socket on this machine; across a network
it arrives one hop after the change, well before an editor's browser can ask another server.

What a process remembers is also asked again after CONFIRM_SECONDS, and forgotten whenever a
connection fails or closes (then every request asks Redis, as without the watch, until the
connections are back): a connection that died without a word can delay a change by that long
at most.
"""

import logging
import os
import select
import ssl
import threading
import time

from redis.exceptions import RedisError

CHANNEL = "__redis__:invalidate"
# How long a remembered version is used before Redis is asked again, however quiet it is.
CONFIRM_SECONDS = 5.0
# After a failed connection attempt, how long every request asks Redis before the next one.
RETRY_SECONDS = 2.0

logger = logging.getLogger(__name__)


class VersionWatch:
    """The version state this process may use without asking Redis, and the reports that
    end it. `make_connection()` returns a new, unconnected redis-py Connection; `key` is the
    version's key as stored in Redis (with the cache's prefix and version)."""

    def __init__(self, make_connection, key):
        self._make_connection = make_connection
        self._key = key
        self._lock = threading.Lock()
        self._pid = None
        self._listener = self._tracker = None
        self._poll = None
        self._retry_at = 0.0
        self._state = None
        self._confirmed_at = 0.0
        # Counts the reports read: a state read from Redis before a report is never kept.
        self._generation = 0

    def lookup(self):
        """Return (state or None, ticket): the remembered state if no report ended it, and a
        ticket for remember() after reading the state from Redis."""
        with self._lock:
            if not self._connected():
                return None, None
            self._read_reports()
            if self._state is not None and (
                time.monotonic() - self._confirmed_at > CONFIRM_SECONDS
            ):
                self._state = None
            return self._state, (self._generation if self._listener else None)

    def remember(self, ticket, state):
        """Keep a state read from Redis after lookup() gave `ticket`, unless a report came in
        between (it may be about this very state)."""
        if ticket is None or state is None:
            return
        with self._lock:
            if self._listener is not None and self._pid == os.getpid():
                self._read_reports()
                if self._generation == ticket:
                    self._state = state
                    self._confirmed_at = time.monotonic()

    def forget(self):
        """Drop the remembered state (this process has just changed the version itself)."""
        with self._lock:
            self._state = None
            self._generation += 1

    def close(self):
        with self._lock:
            self._close()

    @property
    def listening(self):
        return self._listener is not None and self._pid == os.getpid()

    def _connected(self):
        """Connect if this process has no connections yet (or lost them), unless a failed
        attempt was less than RETRY_SECONDS ago; return whether it listens."""
        if self._pid != os.getpid():  # forked: the parent's sockets are not this process's
            self._listener = self._tracker = None
            self._state = None
            self._pid = os.getpid()
        if self._listener is None and time.monotonic() >= self._retry_at:
            self._connect()
        return self._listener is not None

    def _connect(self):
        listener = tracker = None
        try:
            listener = self._make_connection()
            listener.connect()
            listener.send_command("CLIENT", "ID")
            client_id = listener.read_response()
            listener.send_command("SUBSCRIBE", CHANNEL)
            listener.read_response()
            tracker = self._make_connection()
            tracker.connect()
            tracker.send_command(
                "CLIENT", "TRACKING", "ON", "REDIRECT", client_id, "BCAST", "PREFIX", self._key
            )
            tracker.read_response()
        except (RedisError, OSError) as error:
            for connection in (listener, tracker):
                if connection is not None:
                    connection.disconnect()
            if not self._retry_at:  # once per process: every request asks Redis meanwhile
                logger.warning("Redis does not report changes of %s: %s", self._key, error)
            self._retry_at = time.monotonic() + RETRY_SECONDS
            return
        self._listener, self._tracker = listener, tracker
        self._poll = self._poll_of(listener, tracker)
        self._state = None
        self._generation += 1

    @staticmethod
    def _poll_of(*connections):
        """Return a poll of the connections' sockets, or None over TLS (an SSL socket can hold
        decrypted bytes that its file descriptor no longer shows)."""
        sockets = [connection._sock for connection in connections]
        if not hasattr(select, "poll") or any(isinstance(s, ssl.SSLSocket) for s in sockets):
            return None
        poll = select.poll()
        for sock in sockets:
            poll.register(sock, select.POLLIN | select.POLLPRI | select.POLLERR | select.POLLHUP)
        return poll

    def _read_reports(self):
        try:
            # redis-py would reconnect a closed connection by itself, without the
            # subscription or the tracking; and the tracker never gets anything: something to
            # read there means the server closed it.
            if self._tracker._sock is None or self._listener._sock is None:
                raise ConnectionError("the version watch lost a connection")
            # Nothing has arrived on either socket since the last call, whose loop below left
            # nothing unread: one poll() instead of a read attempt on each connection.
            if self._poll is not None and not self._poll.poll(0):
                return
            if self._tracker.can_read(timeout=0):
                raise ConnectionError("the version watch's tracker was closed")
            while self._listener.can_read(timeout=0):
                self._listener.read_response()
                self._state = None
                self._generation += 1
        except (RedisError, OSError):
            self._close()  # the next request connects anew

    def _close(self):
        for connection in (self._listener, self._tracker):
            if connection is not None:
                connection.disconnect()
        self._listener = self._tracker = self._poll = None
        self._state = None
        self._generation += 1


class NoWatch:
    """For caches that cannot report changes (the database's, local memory): nothing is
    remembered, every request asks the cache."""

    listening = False

    def lookup(self):
        return None, None

    def remember(self, ticket, state):
        pass

    def forget(self):
        pass


NO_WATCH = NoWatch()
