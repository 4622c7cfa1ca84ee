#!/usr/bin/env bash
# Vendors the KERN design system (npm @kern-ux/native, EUPL-1.2) into static/vendor/kern/:
# the built CSS, the Fira Sans web fonts, the licence and the version. Only this update
# needs npm; running the site needs nothing but the committed files.
#   make vendor-kern                 # the version in static/vendor/kern/VERSION
#   make vendor-kern KERN_VERSION=2.8.0
set -euo pipefail
cd "$(dirname "$0")/.."
target=static/vendor/kern
version=${KERN_VERSION:-$(cat "$target/VERSION" 2>/dev/null || echo latest)}
command -v npm >/dev/null || { echo "npm wird nur zum Aktualisieren von KERN gebraucht: apt-get install npm" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@kern-ux/native@$version" >/dev/null && tar xzf kern-ux-native-*.tgz)
package="$work/package"

rm -rf "$target"
mkdir -p "$target/fonts"
cp "$package/dist/kern.min.css" "$target/"
# The font stylesheet names every weight it declares; the static files' manifest needs each.
cp "$package/dist/fonts/fira-sans.css" "$target/fonts/"
mkdir -p "$target/fonts/fira-sans"
for font in $(grep -o 'fira-sans/[A-Za-z-]*\.woff2' "$package/dist/fonts/fira-sans.css" | sort -u); do
    cp "$package/dist/fonts/$font" "$target/fonts/$font"
done
cp "$package/LICENSE.md" "$target/LICENSE.md"
node -p "require('$package/package.json').version" > "$target/VERSION"
echo "KERN $(cat "$target/VERSION") in $target"
