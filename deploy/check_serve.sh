#!/usr/bin/env bash
# Start `make serve` and fetch through the whole stack what visitors fetch: a page (compressed),
# a photo, a rendition and a feed enclosure. Used by .ci/run; stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18080}
BASE="http://127.0.0.1:$PORT"
LOG=$(mktemp /tmp/serve-check.XXXXXX.log)

PORT=$PORT setsid make serve >"$LOG" 2>&1 &
SERVE=$!
trap 'kill -- -$SERVE 2>/dev/null || true; wait $SERVE 2>/dev/null || true' EXIT
for _ in $(seq 180); do curl -sf -o /dev/null "$BASE/robots.txt" && break; sleep 1; done

fail() { echo "make serve: $*" >&2; tail -40 "$LOG" >&2; exit 1; }
status() { curl -s -o /dev/null -w "%{http_code}" "$@"; }

[ "$(status "$BASE/aktuelles/")" = 200 ] || fail "/aktuelles/ antwortet nicht mit 200"
curl -s -D - -o /dev/null -H "Accept-Encoding: gzip" "$BASE/aktuelles/" | grep -qi "^content-encoding: gzip" \
    || fail "HTML kommt nicht komprimiert"
enclosure=$(curl -s "$BASE/aktuelles/feed/" | grep -o '<enclosure [^>]*>' | head -1 | grep -o 'url="[^"]*"' | cut -d'"' -f2 || true)
[ -n "$enclosure" ] || fail "kein Foto im Feed"
[ "$(status "$enclosure")" = 200 ] || fail "Enclosure $enclosure nicht erreichbar"
rendition=$(curl -s "$BASE/aktuelles/" | grep -o 'src="/media/renditions/[^"]*"' | head -1 | cut -d'"' -f2 || true)
[ -n "$rendition" ] || fail "keine Rendition auf /aktuelles/"
[ "$(status "$BASE$rendition")" = 200 ] || fail "Rendition $rendition nicht erreichbar"
# An original, as the lightbox or a download links it.
media=$(sed -n 's/^MEDIA_ROOT=//p' .env.production)
original="/media/$(cd "$media" && find photos -type f -name '*.jpg' | head -1)"
[ "$(status "$BASE$original")" = 200 ] || fail "Foto $original nicht erreichbar"
if curl -s -D - -o /dev/null "$BASE/aktuelles/" | grep -qi "^x-page-cache"; then
    fail "X-Page-Cache sichtbar"
fi
# The page again, now from the page cache before Django's handler (config.wsgi): the same
# security headers and ETag, and a browser's revalidation gets its 304.
page_headers() {
    curl -s -D - -o /dev/null "$BASE/impressum/" | tr -d '\r' \
        | grep -iE '^(content-security-policy|permissions-policy|x-frame-options|x-content-type-options|referrer-policy|content-language|etag):' \
        | sort
}
first=$(page_headers)
second=$(page_headers)
[ "$(echo "$first" | wc -l)" = 7 ] || fail "Sicherheits-Header fehlen: $first"
[ "$first" = "$second" ] || fail "zweiter Abruf mit anderen Headern: $second"
etag=$(echo "$first" | sed -n 's/^etag: //Ip')
[ "$(status -H "If-None-Match: $etag" "$BASE/impressum/")" = 304 ] || fail "kein 304 für $etag"
# Login throttling sees the visitor's address behind Caddy (else one typo locks everybody out).
jar=$(mktemp /tmp/serve-check.XXXXXX.cookies)
login="$BASE/admin/login/"
csrf=$(curl -s -c "$jar" "$login" | grep -o 'name="csrfmiddlewaretoken" value="[^"]*"' | cut -d'"' -f4)
[ -n "$csrf" ] || fail "keine Anmeldeseite unter $login"
curl -s -o /dev/null -b "$jar" -e "$login" --data-urlencode "csrfmiddlewaretoken=$csrf" \
    --data-urlencode "username=pruefung-$$" --data-urlencode "password=falsch" "$login"
rm -f "$jar"
address=$(DJANGO_SETTINGS_MODULE=config.settings.production .venv/bin/python manage.py shell --no-imports -c \
    "from axes.models import AccessAttempt; print(AccessAttempt.objects.get(username='pruefung-$$').ip_address)")
[ "$address" = 127.0.0.1 ] || fail "Anmeldeschutz sieht die Adresse nicht (ip_address=$address)"
echo "make serve: Seite (gzip), Foto, Rendition und Feed-Enclosure über Caddy erreichbar; gespeicherte Seite mit denselben Headern, 304; Anmeldeschutz sieht die Adresse."
