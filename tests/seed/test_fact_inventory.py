"""Issue 17: every fact of the five seed texts is on the site, and the site adds none.

The inventory is tests/seed/facts.py. (a) each quote occurs in its text; (b) each fact is in
the database; (c) each fact is on the public page of its record; (d) a walk over every public
page of the sitemap finds years, dates, codes and links to municipality, institution and
programme pages, and fails on any the inventory does not allow there.
"""

import datetime
import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import Resolver404, resolve

from apps.network.models import Institution, Meeting, Municipality, Person, Programme
from apps.news.models import Article
from tests.seed.facts import FACTS, LINK_WHATS, WHATS, Fact, facts_of
from tests.site_pages import sitemap_paths

TEXTS = Path(settings.BASE_DIR) / "fixtures" / "seed_texts"
MODELS = {
    "meeting": Meeting,
    "article": Article,
    "person": Person,
    "institution": Institution,
    "programme": Programme,
    "municipality": Municipality,
}
URL_KINDS = {
    "meeting_detail": "meeting",
    "person_detail": "person",
    "municipality_detail": "municipality",
    "institution_detail": "institution",
    "programme_detail": "programme",
    "article_detail": "article",
    "article_detail_month": "article",
    "article_detail_year": "article",
}
ORGANISATIONS = {"municipality", "institution", "programme"}


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


def source(text_id):
    (path,) = TEXTS.glob(f"{text_id}_*.txt")
    return squash(path.read_text())


def param(fact: Fact):
    marks = [pytest.mark.xfail(strict=True, reason=fact.xfail)] if fact.xfail else []
    return pytest.param(fact, id=fact.id, marks=marks)


# (a) -----------------------------------------------------------------------------------------


def test_the_inventory_is_well_formed():
    assert len(FACTS) >= 300
    assert {fact.text for fact in FACTS} == {"000", "001", "002", "003", "004"}
    for fact in FACTS:
        kind = fact.record.split(":")[0]
        assert fact.what in WHATS[kind], fact
        assert bool(fact.link) == (fact.what in LINK_WHATS), fact


@pytest.mark.parametrize("fact", FACTS, ids=lambda fact: fact.id)
def test_each_quote_occurs_in_its_text(fact):
    assert squash(fact.quote) in source(fact.text)


# (b) -----------------------------------------------------------------------------------------


def record_of(ref):
    kind, slug = ref.split(":", 1)
    return MODELS[kind].objects.get(slug=slug)


def plain(text):
    return squash(html.unescape(re.sub(r"<[^>]+>", " ", text)))


def linked(obj, kind, what):
    """The records a record relates to, as "kind:slug"."""

    def refs(prefix, queryset):
        return {f"{prefix}:{item.slug}" for item in queryset if item is not None}

    if kind == "meeting":
        return {
            "host": refs("municipality", [obj.host_municipality]),
            "organiser": refs("institution", obj.organisers.all()),
            "programme": refs("programme", [obj.programme]),
            "attending": refs("municipality", obj.attending_municipalities.all()),
            "person": refs("person", [p.person for p in obj.participations.all()]),
        }[what]
    if kind == "article":
        return refs(what, getattr(obj, {"meeting": "meetings", "person": "people",
                                        "municipality": "municipalities",
                                        "institution": "institutions"}[what]).all())  # fmt: skip
    if kind == "person":
        roles = obj.roles.all()
        return refs("municipality", [r.municipality for r in roles]) | refs(
            "institution", [r.institution for r in roles]
        )
    if kind == "institution":
        return refs("institution", [obj.parent]) | refs("municipality", [obj.municipality])
    if kind == "programme":
        if what == "successor":
            return refs("programme", Programme.objects.filter(predecessor=obj))
        return refs("municipality", [m.municipality for m in obj.memberships.all()])
    if kind == "municipality":
        return refs("programme", [m.programme for m in obj.programme_memberships.all()])
    raise AssertionError(kind)


def db_texts(obj, kind, what):
    """What the database holds for a fact, as texts the fact's value should be part of."""
    if kind == "meeting":
        return {
            "number": [obj.name],
            "title": [obj.heading, obj.title],
            "motto": [obj.motto],
            "date": [obj.date_label],
            "place": [obj.place],
            "participants": [obj.participants_as_written],
            "municipalities": [obj.municipalities_as_written],
            "topic": [obj.summary],
        }[what]
    if kind == "article":
        return {
            "title": [obj.title],
            "date": [obj.date_label],
            "text": [plain(f"{obj.lead} {obj.body}")],
            "caption": [p.photo.caption for p in obj.article_photos.all()],
        }[what]
    if kind == "person":
        roles = list(obj.roles.all())
        return {
            "name": [obj.full_name],
            "other_name": [obj.other_names],
            "role": [role.title for role in roles],
            "mentioned": [role.period_label for role in roles],
        }[what]
    if kind == "municipality":
        memberships = list(obj.programme_memberships.all())
        return {
            "name": [obj.name],
            "kind": [obj.get_kind_display()],
            "district": [obj.district],
            "member_note": [m.note for m in memberships]
            + [f"seit {m.joined_year}" for m in memberships if m.joined_year],
        }[what]
    if kind in ("institution", "programme"):
        years = ""
        if kind == "programme":
            years = f"{obj.starts_year or ''} seit {obj.starts_year or ''}"
        return {
            "name": [obj.name],
            "short_name": [obj.short_name],
            "text": [obj.description],
            "period": [years],
        }[what]
    raise AssertionError(kind)


def exact(what):
    return what in ("date", "participants", "municipalities", "short_name")


@pytest.mark.parametrize("fact", [param(fact) for fact in FACTS])
def test_each_fact_is_in_the_database(seed, fact):
    kind = fact.record.split(":")[0]
    obj = record_of(fact.record)
    if fact.link:
        assert fact.link in linked(obj, kind, fact.what), fact
        return
    texts = [squash(text) for text in db_texts(obj, kind, fact.what) if text]
    if exact(fact.what):
        assert fact.value in texts, (fact, texts)
    else:
        assert any(fact.value in text for text in texts), (fact, texts)


# (c) -----------------------------------------------------------------------------------------

_PAGES = {}


def page_html(client, path):
    if path not in _PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        _PAGES[path] = response.content.decode()
    return _PAGES[path]


def main_of(page):
    return page[page.index("<main") : page.index("</main>")]


def visible(fragment):
    fragment = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", fragment)
    text = squash(html.unescape(re.sub(r"<[^>]+>", " ", fragment)))
    return re.sub(r" ([,.;)])", r"\1", text)


PAGE_FORM = {"participants": "Teilnehmende {}", "municipalities": "Kommunen insgesamt {}"}


@pytest.mark.parametrize("fact", [param(fact) for fact in FACTS])
def test_each_fact_is_on_the_public_page_of_its_record(seed, client, fact):
    url = record_of(fact.record).get_absolute_url()
    main = main_of(page_html(client, url))
    if fact.link:
        target = record_of(fact.link).get_absolute_url()
        assert f'href="{target}"' in main, (fact, url)
        return
    text = visible(main)
    if fact.what == "mentioned":  # in the role's own words: "(genannt am 15. November 2022)"
        assert any(fact.value in said for said in re.findall(r"genannt [^)]*", text)), fact
        return
    value = PAGE_FORM.get(fact.what, "{}").format(fact.value)
    assert value in text, (fact, url)


# (d) -----------------------------------------------------------------------------------------

MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
M = "|".join(MONTHS)
GUESS = r"(?:vermutlich (?:im )?)?"
TOKEN = re.compile(
    rf"(?P<range>{GUESS}\d{{1,2}}\. [uU]nd \d{{1,2}}\. (?:{M}) (?:19|20)\d\d)"
    rf"|(?P<day>{GUESS}\d{{1,2}}\. (?:{M}) (?:19|20)\d\d)"
    rf"|(?P<numeric>\b\d{{1,2}}\.\d{{1,2}}\.(?:19|20)\d\d\b)"
    rf"|(?P<half>{GUESS}[12]\. Halbjahr (?:19|20)\d\d)"
    rf"|(?P<month>{GUESS}(?:{M}) (?:19|20)\d\d)"
    rf"|(?P<code>\b\d{{5,}}\b)"
    rf"|(?P<year>{GUESS}\b(?:19|20)\d\d\b)"
)


def _canonical(kind, text):
    text = text.replace("vermutlich im ", "vermutlich ")
    if kind == "numeric":
        day, month, year = (int(part) for part in text.split("."))
        return f"{day}. {MONTHS[month - 1]} {year}"
    if kind == "range":
        return re.sub(r" [uU]nd ", " und ", text)
    return text


def tokens(text):
    """The fact-like tokens of a text: dates as far as given, years, codes."""
    return [_canonical(match.lastgroup, match.group()) for match in TOKEN.finditer(text)]


def coarser(token):
    """A token and what it implies, coarser: "13. September 2017" also allows "September
    2017", "2. Halbjahr 2017" and "2017"; "vermutlich …" only coarser guesses."""
    guess, _, bare = token.rpartition("vermutlich ")
    prefix = "vermutlich " if guess or token.startswith("vermutlich ") else ""
    bare = token.removeprefix("vermutlich ")
    out = {token}
    match = re.fullmatch(
        rf"(?:(\d+)\. (?:und (\d+)\. )?)?(?:({M}) )?(?:([12])\. Halbjahr )?(\d{{4}})", bare
    )  # noqa: E501
    if not match:
        return out
    first, second, month, half, year = match.groups()
    if second:
        out |= {f"{prefix}{first}. {month} {year}", f"{prefix}{second}. {month} {year}"}
    if month:
        out.add(f"{prefix}{month} {year}")
        half = "1" if MONTHS.index(month) < 6 else "2"
    if half:
        out.add(f"{prefix}{half}. Halbjahr {year}")
    out.add(f"{prefix}{year}")
    return out


def allowed_of(ref, *, seen=None):
    """The tokens and organisation links the inventory allows for a record: its facts'
    values (and coarser forms), the records its facts link to and those linking to it; an
    article also carries what the inventory says of the meetings it reports."""
    seen = seen or set()
    seen.add(ref)
    found, links = set(), set()
    for fact in facts_of(ref):
        for token in tokens(fact.value):
            found |= coarser(token)
        if fact.link:
            links.add(fact.link)
    links |= {fact.record for fact in FACTS if fact.link == ref}
    if ref.startswith("article:"):
        for meeting in {f.link for f in facts_of(ref) if f.what == "meeting"} - seen:
            more_tokens, more_links = allowed_of(meeting, seen=seen)
            found |= more_tokens
            links |= more_links
    return found, links


ITEMS = {"li", "article", "dd", "tr", "figure"}
VOID = {"img", "source", "br", "hr", "input", "meta", "link", "wbr"}


class _Main(HTMLParser):
    """Texts, links and <time datetime> of a page's <main>, each with its item container."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.items, self.found = [], [], []
        self.skip = 0
        self.counter = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in VOID:
            return
        hidden = tag == "nav" or tag in ("script", "style")
        self.stack.append((tag, hidden))
        self.skip += hidden
        if tag in ITEMS:
            self.counter += 1
            self.items.append(self.counter)
        if self.skip:
            return
        item = self.items[-1] if self.items else None
        if tag == "a" and attrs.get("href", "").startswith("/"):
            self.found.append(("link", attrs["href"].split("?")[0], item))
        if tag == "time" and attrs.get("datetime"):
            self.found.append(("datetime", attrs["datetime"], item))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, hidden = self.stack.pop()
            self.skip -= hidden
            if open_tag in ITEMS:
                self.items.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.found.append(("text", data, self.items[-1] if self.items else None))


def record_at(path):
    try:
        match = resolve(path)
    except Resolver404:
        return None
    kind = URL_KINDS.get(match.url_name)
    return f"{kind}:{match.kwargs['slug']}" if kind and "slug" in match.kwargs else None


def datetime_token(value):
    """A <time datetime> as the token it claims: "2017-11" is "November 2017"."""
    parts = value[:10].split("-")
    if len(parts) == 3:
        day = datetime.date(*map(int, parts))
        return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def archive_furniture(path):
    """Archive navigation: the period of an archive page (/aktuelles/2017/11/) and the
    periods inside it, as its heading and sub-navigation name them."""
    match = re.fullmatch(r"/aktuelles/(\d{4})/(?:(\d\d)/(?:(\d\d)/)?|halbjahr-([12])/)?", path)
    if not match:
        return set()
    year, month, day, half = match.groups()
    allowed = {year, "1. Halbjahr " + year, "2. Halbjahr " + year}
    allowed |= {f"{name} {year}" for name in MONTHS}
    if day:
        allowed.add(f"{int(day)}. {MONTHS[int(month) - 1]} {year}")
    return allowed


def problems_of_page(path, page):
    """Every token and organisation link on a page that the inventory does not allow."""
    own = record_at(path)
    own_tokens, own_links = allowed_of(own) if own else (set(), set())
    own_tokens |= archive_furniture(path)
    parser = _Main()
    parser.feed(main_of(page))
    # The records each item container links to.
    item_records = {}
    for kind, value, item in parser.found:
        if kind == "link" and item is not None and record_at(value):
            item_records.setdefault(item, set()).add(record_at(value))
    if own is None:
        # A list's headings (the years of /netzwerk/treffen/) are facts of the records listed.
        for records in item_records.values():
            for record in records:
                own_tokens |= allowed_of(record)[0]
    problems = set()
    for kind, value, item in parser.found:
        others = item_records.get(item, set())
        if kind == "link":
            target = record_at(value)
            if not target or target.split(":")[0] not in ORGANISATIONS or target == own:
                continue
            if own is None:  # a list page: any organisation the inventory knows
                allowed = {fact.record for fact in FACTS} | {fact.link for fact in FACTS}
            else:
                allowed = set(own_links)
                for other in others - {target}:
                    allowed |= allowed_of(other)[1] | {other}
            if target not in allowed:
                problems.add((path, f"link {target}"))
            continue
        found = tokens(value) if kind == "text" else [datetime_token(value)]
        allowed = set(own_tokens)
        for other in others:
            allowed |= allowed_of(other)[0]
        if kind == "datetime":
            # Machine-readable dates cannot say "vermutlich"; the visible text beside does.
            allowed |= {token.removeprefix("vermutlich ") for token in allowed}
        for token in found:
            if token not in allowed:
                problems.add((path, token))
    return problems


# Pages of no seeded record: the legal pages made by a migration.
NOT_SEEDED = {"/impressum/", "/datenschutz/", "/barrierefreiheit/"}


_WALK = {}


@pytest.fixture
def walk(seed, client):
    """{path: problems} for every page of the sitemap, computed once for the module."""
    if not _WALK:
        for path in sitemap_paths(client):
            if path in NOT_SEEDED:
                continue
            response = client.get(path)
            if response.status_code != 200:
                _WALK[path] = {(path, f"HTTP {response.status_code}")}
                continue
            _WALK[path] = problems_of_page(path, response.content.decode())
    return _WALK


def test_the_walk_covers_every_kind_of_public_page(walk):
    kinds = {resolve(path).url_name for path in walk}
    assert kinds >= {
        "overview", "meeting_list", "municipality_list", "institution_list", "person_list",
        "meeting_detail", "municipality_detail", "institution_detail", "person_detail",
        "programme_detail", "article_detail", "article_list", "archive_year", "article_tag",
    }  # fmt: skip
    assert len(walk) > 100


def test_no_public_page_states_a_fact_the_inventory_does_not_allow(walk):
    problems = set().union(*walk.values())
    assert not problems, sorted(problems)
