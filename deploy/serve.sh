#!/usr/bin/env bash
# `make serve`: the production stack on this machine, as a small municipality runs it.
#   Caddy (Debian's package)  - the front: /media/ from disk, compression (zstd, gzip), TLS on
#                               a server with a domain (docs/deployment.md)
#   gunicorn                  - the app with config.settings.production, several workers
#   the database's cache      - shared by every worker (or Redis with CACHE_URL)
# What it sets up for this installation (secret key, database, media folder, cache) it keeps
# in .env.production, so that every `manage.py` command run here with the production settings
# acts on the same site; `make run` (local settings, .env) keeps its own database.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${PORT:-8080}
PYTHON=${PYTHON:-.venv/bin/python}

if ! command -v caddy >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq caddy
    else
        echo "Caddy fehlt: sudo apt-get install caddy" >&2
        exit 1
    fi
fi
# Debian's package also starts its own Caddy (port 80, caddy.service): it stays as it is;
# this one listens on PORT with deploy/Caddyfile and no admin endpoint, so they do not meet.

if [ ! -f .env.production ]; then
    umask 077
    cat > .env.production <<ENV
# Written by make serve on $(date -u +%Y-%m-%d); read by config.settings.production only.
SECRET_KEY=$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(50))')
DATABASE_URL=sqlite:///$ROOT/production.sqlite3
MEDIA_ROOT=$ROOT/production-media
CACHE_URL=dbcache://django_cache
ALLOWED_HOSTS=127.0.0.1,localhost
# Caddy is the one proxy in front: login throttling reads the visitor's address from it.
AXES_PROXY_COUNT=1
# Plain HTTP on this machine only; delete this line on a server with TLS in front.
HTTPS=False
ENV
    umask 022
    echo "Neue Einstellungen in .env.production (geheimer Schlüssel, Datenbank, Cache)."
fi
# Caddy serves the photos from the same folder as Django stores them.
MEDIA_ROOT=$(sed -n 's/^MEDIA_ROOT=//p' .env.production)

export DJANGO_SETTINGS_MODULE=config.settings.production
"$PYTHON" manage.py migrate --noinput -v0
"$PYTHON" manage.py collectstatic --noinput -v0
"$PYTHON" manage.py load_seed_data --if-empty
"$PYTHON" manage.py check --deploy --fail-level ERROR

RUN=$(mktemp -d /tmp/praeventionskette-serve.XXXXXX)
export GUNICORN_SOCKET="$RUN/gunicorn.sock"
export GUNICORN_BIND="unix:$GUNICORN_SOCKET"
export MEDIA_ROOT=${MEDIA_ROOT:-$ROOT/production-media}
export SITE_ADDRESS=${SITE_ADDRESS:-http://127.0.0.1:$PORT}
export CADDY_BIND=${CADDY_BIND:-127.0.0.1}
export WEB_CONCURRENCY=${WEB_CONCURRENCY:-3}
# Also for a .env.production written before that line was part of it.
export AXES_PROXY_COUNT=${AXES_PROXY_COUNT:-1}

.venv/bin/gunicorn -c config/gunicorn.py config.wsgi &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null; wait $GUNICORN 2>/dev/null; rm -rf "$RUN"' EXIT
for _ in $(seq 100); do [ -S "$GUNICORN_SOCKET" ] && break; sleep 0.1; done

echo "Die Website läuft unter $SITE_ADDRESS/ (beenden mit Strg+C)."
caddy run --adapter caddyfile --config deploy/Caddyfile
