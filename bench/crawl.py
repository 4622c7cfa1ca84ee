"""Crawl the public site in-process and save every page, to compare the HTML before and after a
change that should not alter what visitors get.

Usage (from the project folder, on a seeded database):
    python bench/crawl.py OUTDIR            # saves OUTDIR/<path>.html and OUTDIR/index.txt
    python bench/crawl.py --compare A B     # compares two crawls, whitespace between tags ignored

It follows every same-site link from the home page, feeds and sitemaps included, and never
leaves the Django test client, so nothing goes over the network.
"""

import argparse
import hashlib
import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
SKIP_PREFIXES = ("/static/", "/media/", "/admin/")
LIMIT = 5000


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def _links(body: str, base: str):
    parser = LinkParser()
    parser.feed(body)
    # Sitemaps and feeds carry their links as text.
    found = parser.links + re.findall(r"<loc>([^<]+)</loc>|<link>([^<]+)</link>", body)
    for link in found:
        link = link if isinstance(link, str) else next(part for part in link if part)
        url = urljoin(base, link)
        parts = urlsplit(url)
        if parts.netloc not in ("", "127.0.0.1"):
            continue
        path = urldefrag(parts.path + (f"?{parts.query}" if parts.query else ""))[0]
        if path.startswith(SKIP_PREFIXES):
            continue
        yield path


def _filename(path: str) -> str:
    digest = hashlib.md5(path.encode(), usedforsecurity=False).hexdigest()[:8]
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", path.strip("/")) or "home"
    return f"{safe[:80]}-{digest}.txt"


def crawl(outdir: Path) -> int:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    import django

    django.setup()
    from django.test import Client

    client = Client(SERVER_NAME="127.0.0.1")
    outdir.mkdir(parents=True, exist_ok=True)
    seen, queue, index = set(), ["/", "/sitemap.xml", "/robots.txt"], []
    while queue and len(seen) < LIMIT:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        body = response.content.decode("utf-8", "replace") if not response.streaming else ""
        index.append(f"{response.status_code} {path} {_filename(path)}")
        (outdir / _filename(path)).write_text(body)
        if response.status_code == 200 and "text/calendar" not in response.get("Content-Type", ""):
            queue.extend(link for link in _links(body, path) if link not in seen)
    (outdir / "index.txt").write_text("\n".join(sorted(index)) + "\n")
    print(f"{len(index)} URLs saved in {outdir}")
    return 0


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", text)).strip()


def compare(first: Path, second: Path) -> int:
    index_a = (first / "index.txt").read_text().splitlines()
    index_b = (second / "index.txt").read_text().splitlines()
    differences = 0
    if index_a != index_b:
        print("The crawls reached different URLs or status codes:")
        for line in sorted(set(index_a) ^ set(index_b)):
            print("  ", "<" if line in index_a else ">", line)
        differences += 1
    for line in index_a:
        name = line.rsplit(" ", 1)[1]
        a, b = first / name, second / name
        if not b.exists():
            continue
        if _normalise(a.read_text()) != _normalise(b.read_text()):
            print("differs:", line)
            differences += 1
    print(f"{len(index_a)} URLs compared, {differences} differences")
    return 1 if differences else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--compare", action="store_true")
    args = parser.parse_args()
    if args.compare:
        return compare(*args.dirs)
    return crawl(args.dirs[0])


if __name__ == "__main__":
    sys.exit(main())
