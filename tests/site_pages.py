"""Every page type of the public site, found as a visitor's tools would find them: through the
sitemap, plus the pages no sitemap lists (search, the 404 page, the "…/artikel/" lists)."""

import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from django.test import Client
from django.urls import resolve

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
EXTRA = {
    "search": "/suche/?q=Ahlen",
    "not-found": "/gibt-es-nicht/",
    "municipality-articles": "/netzwerk/kommunen/ahlen/artikel/",
    "meetings-of-a-year": "/netzwerk/treffen/?jahr=2017",
}


def sitemap_paths(client=None):
    """Every path the sitemap index leads to."""
    client = client or Client()
    index = ET.fromstring(client.get("/sitemap.xml").content)
    paths = []
    for section in index.iter(f"{SITEMAP}loc"):
        parts = urlsplit(section.text)
        page = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
        paths += [
            urlsplit(loc.text).path for loc in ET.fromstring(page.content).iter(f"{SITEMAP}loc")
        ]
    return paths


def page_types(paths, per_type=2):
    """Group paths by their URL pattern and keep a few of each; each extra is a type of its own.

    Returns {name: [path, …]}, names fit for file names.
    """
    chosen = {name: [path] for name, path in EXTRA.items()}
    for path in paths:
        name = resolve(urlsplit(path).path).url_name or re.sub(r"\W+", "-", path).strip("-")
        chosen.setdefault(name, [])
        if len(chosen[name]) < per_type:
            chosen[name].append(path)
    return chosen


def structured_data(html, kind):
    """Return the page's schema.org data of one @type (NewsArticle, Event …)."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return next(data for data in map(json.loads, blocks) if data["@type"] == kind)
