"""Every admin path of every registered model, as each kind of user: the release contract.

For each model registered in the admin, a released record (and what visitors see of it);
for each path the admin offers into the database (change form, list-editable save, every
action, inline rows, add-another popup, history restore, delete, autocomplete, the photo
library's own upload and alt-text views) and for each kind of user:

- anonymous and staff without a group are refused (login / 403), visitors see nothing new;
- Redaktion: visitors see nothing new, and the request was refused with a German message or
  produced a waiting change or an unpublished record; nothing saved before is lost;
- Freigabe: never an error, and the same change form does change what visitors see (so the
  snapshot of the public pages can tell).

The records are built once per module (one transaction, rolled back per test). Redaktion
and Freigabe walk each path with the page cache off and on; anonymous visitors and staff
without a group are turned away before any content is read, and nobody below a superuser
reaches the accounts, login logs and import records, so those run with the cache off.
"""

import datetime
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib import admin, messages
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.forms.models import _get_foreign_key
from django.test import Client, override_settings
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from apps.editorial.models import ChangeRequest
from apps.editorial.roles import EDITORS, PUBLISHERS, publisher_permissions
from apps.network.models import Meeting, Role
from apps.news.models import Article, Topic
from apps.pages.models import Page
from apps.wordpress.models import ImportedItem
from tests.editorial.conftest import member_of
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    InstitutionFactory,
    MeetingFactory,
    MeetingParticipationFactory,
    MunicipalityFactory,
    PersonFactory,
    PhotoFactory,
    ProgrammeFactory,
    ProgrammeMembershipFactory,
    RoleFactory,
    StaffUserFactory,
    UserFactory,
)
from tests.factories.admin_forms import scraped_form
from tests.factories.media import image_upload

pytestmark = pytest.mark.django_db

USERS = ("anonymous", "staff-without-group", "Redaktion", "Freigabe")
PUBLISHED_AT = datetime.datetime(2024, 5, 6, 8, 0, tzinfo=datetime.UTC)


# --- The records: built once, in one transaction the module rolls back at its end. ---------


def revised(obj, name, old, new):
    """Save obj with `old`, then with `new`: its first revision is one a restore brings back."""
    setattr(obj, name, old)
    obj.save()
    setattr(obj, name, new)
    obj.save()
    return obj


def build_world():
    w = SimpleNamespace()
    w.editor = member_of(EDITORS, "redakteurin")
    w.publisher = member_of(PUBLISHERS, "freigeberin")
    w.staff = UserFactory(username="ohne-gruppe", is_staff=True)
    w.superuser = StaffUserFactory(username="verwaltung")  # only to read forms others may not
    w.user = UserFactory(username="jemand", first_name="Jemand")
    w.group = Group.objects.create(name="Gäste")

    w.ahlen = revised(MunicipalityFactory(slug="ahlen"), "name", "Ahlen (alt)", "Ahlen")
    w.beckum = MunicipalityFactory(name="Beckum", slug="beckum")
    w.programme = revised(
        ProgrammeFactory(slug="kinderstark", short_name="KS"), "name", "Alt", "Kinderstark"
    )
    w.programme2 = ProgrammeFactory(name="Kein Kind zurücklassen", short_name="KeKiz")
    w.membership = ProgrammeMembershipFactory(municipality=w.ahlen, programme=w.programme)
    w.institution = revised(
        InstitutionFactory(slug="jugendamt-ahlen"), "name", "Jugendamt (alt)", "Jugendamt Ahlen"
    )
    w.person = revised(
        PersonFactory(first_name="Erika", slug="erika-mustermann"),
        "last_name",
        "Alt",
        "Mustermann",
    )
    w.person2 = PersonFactory(first_name="Max", last_name="Beispiel", slug="max-beispiel")
    w.role = revised(
        RoleFactory(person=w.person, municipality=w.ahlen), "title", "Alt", "Koordinatorin"
    )
    w.institution_role = RoleFactory(
        person=w.person,
        municipality=None,
        institution=w.institution,
        kind=Role.Kind.DIRECTOR,
        title="Amtsleitung",
    )
    w.meeting = revised(
        MeetingFactory(slug="lernnetzwerk", motto="Motto"), "title", "Alt", "Lernnetzwerk Kita"
    )
    w.meeting2 = MeetingFactory(title="Fachtag Schule", slug="fachtag-schule")
    w.participation = MeetingParticipationFactory(meeting=w.meeting, person=w.person, note="Impuls")
    w.photo = PhotoFactory(caption="Ratssaal Ahlen", alt_text="Der Ratssaal")
    w.photo2 = PhotoFactory(caption="Noch unbenutzt")
    w.article = revised(
        ArticleFactory(slug="ahlen-plant", tags=["Schule"], published_at=PUBLISHED_AT),
        "title",
        "Ahlen plante",
        "Ahlen plant die Präventionskette",
    )
    w.article.meetings.add(w.meeting)
    w.article_photo = ArticlePhotoFactory(article=w.article, photo=w.photo, caption="", position=0)
    w.topic = Topic.objects.get(name="Schule")
    w.topic2 = Topic.objects.create(name="Kita", slug="kita")
    w.page = revised(Page.objects.get(slug="impressum"), "title", "Impressum alt", "Impressum")
    w.change_request = ChangeRequest.objects.create(
        content_type=ContentType.objects.get_for_model(Meeting),
        object_id=w.meeting.pk,
        object_repr=str(w.meeting),
        changes={"motto": "Gemeinsam wachsen"},
        base={"motto": "Motto"},
        author=w.editor,
    )
    w.imported = ImportedItem.objects.create(
        key="https://alt.example/?p=7",
        post_id=7,
        kind=ImportedItem.Kind.POST,
        old_path="/2017/03/ahlen-plant",
        content_type=ContentType.objects.get_for_model(Article),
        object_id=w.article.pk,
    )
    axes = {"user_agent": "Browser", "ip_address": "192.0.2.1", "username": "eindringling"}
    axes |= {"http_accept": "*/*", "path_info": "/admin/login/"}
    w.attempt = AccessAttempt.objects.create(
        **axes, get_data="", post_data="", failures_since_start=1
    )
    w.access_log = AccessLog.objects.create(**axes)
    w.failure_log = AccessFailureLog.objects.create(**axes)

    w.urls = {
        "home": reverse("home"),
        "article": w.article.get_absolute_url(),
        "news": reverse("news:article_list"),
        "topic": reverse("news:article_tag", args=["schule"]),
        "topic_feed": reverse("news:topic_feed_rss", args=["schule"]),
        "meeting": w.meeting.get_absolute_url(),
        "meetings": reverse("network:meeting_list"),
        "meetings_ical": reverse("network:meetings_ical"),
        "person": w.person.get_absolute_url(),
        "people": reverse("network:person_list"),
        "municipality": w.ahlen.get_absolute_url(),
        "municipalities": reverse("network:municipality_list"),
        "institution": w.institution.get_absolute_url(),
        "institutions": reverse("network:institution_list"),
        "programme": w.programme.get_absolute_url(),
        "page": w.page.get_absolute_url(),
        "old_path": w.imported.old_path + "/",
    }
    return w


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with override_settings(MEDIA_ROOT=media):
                w = build_world()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    w.media = media
    w.public_before = {}  # model label -> snapshot with the page cache off, taken once
    w.administrators_forms = {}  # admin URL -> its form as a superuser would post it
    yield w
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def media_root(settings, world):
    """The module's photos live in the module's media folder (overrides tests/conftest.py)."""
    settings.MEDIA_ROOT = world.media
    return world.media


@pytest.fixture(params=[0, 600], ids=["page-cache-off", "page-cache-on"])
def page_cache(request, settings):
    settings.PAGE_CACHE_SECONDS = request.param
    return request.param


# --- What each model's admin is walked with. ----------------------------------------------


@dataclass(frozen=True)
class Inline:
    """An inline formset: a field to change on its first row, and a new row."""

    change: tuple  # (field, value)
    add: object  # world -> {field: value}


@dataclass(frozen=True)
class Spec:
    record: object  # world -> the released record
    field: str | None  # a field visitors see, changed on the form
    new: object = None
    pages: tuple = ("home",)  # the public pages that show the record (keys of world.urls)
    add: object = None  # world -> fields of a new record for the add popup
    inlines: dict = field(default_factory=dict)  # formset prefix -> Inline
    form_extra: dict = field(default_factory=dict)  # posted with the change form
    extra_paths: tuple = ()  # the model admin's own views


SPECS = {
    "news.article": Spec(
        record=lambda w: w.article,
        field="title",
        new="Ahlen hat geplant",
        pages=("article", "news", "topic"),
        add=lambda w: {"title": "Neuer Beitrag", "slug": "neuer-beitrag", "lead": "Vorspann"},
        inlines={
            "article_photos": Inline(
                ("caption", "Neue Unterschrift"),
                lambda w: {"photo": w.photo2.pk, "position": 5, "caption": "Zweites Bild"},
            )
        },
    ),
    "network.meeting": Spec(
        record=lambda w: w.meeting,
        field="title",
        new="Fachtag Übergänge",
        pages=("meeting", "meetings", "person", "meetings_ical"),
        add=lambda w: {
            "kind": "learning_network",
            "sequence_number": "77",
            "title": "Neues Treffen",
            "slug": "neues-treffen",
            "starts_on": "01.02.2025",
        },
        inlines={
            "participations": Inline(
                ("note", "Neue Notiz"),
                lambda w: {"person": w.person2.pk, "role": "moderator", "order": 3},
            )
        },
    ),
    "network.person": Spec(
        record=lambda w: w.person,
        field="last_name",
        new="Musterfrau",
        pages=("person", "people", "meeting"),
        add=lambda w: {"first_name": "Neu", "last_name": "Person", "slug": "neu-person"},
        inlines={
            "roles": Inline(
                ("title", "Neuer Titel"),
                lambda w: {
                    "kind": "mayor",
                    "title": "Bürgermeisterin",
                    "municipality": w.beckum.pk,
                },
            ),
            "meeting_participations": Inline(
                ("note", "Neue Notiz"),
                lambda w: {"meeting": w.meeting2.pk, "role": "speaker", "order": 1},
            ),
        },
    ),
    "network.role": Spec(
        record=lambda w: w.role,
        field="title",
        new="Leitung der Präventionskette",
        pages=("person", "municipality"),
        add=lambda w: {"person": w.person.pk, "kind": "mayor", "municipality": w.beckum.pk},
    ),
    "pages.page": Spec(
        record=lambda w: w.page,
        field="title",
        new="Anbieterkennzeichnung",
        pages=("page", "home"),
        add=lambda w: {"title": "Neue Seite", "slug": "neue-seite", "body": "<p>Text</p>"},
    ),
    "media.photo": Spec(
        record=lambda w: w.photo,
        field="caption",
        new="Sitzung im Ratssaal",
        pages=("article",),
        add=lambda w: {"alt_text": "Ein neues Foto", "image": image_upload()},
        extra_paths=("upload", "alt-text"),
    ),
    "news.topic": Spec(
        record=lambda w: w.topic,
        field="name",
        new="Schulsozialarbeit",
        pages=("topic", "article", "topic_feed"),
        add=lambda w: {"name": "Familie", "slug": "familie"},
    ),
    "network.municipality": Spec(
        record=lambda w: w.ahlen,
        field="name",
        new="Ahlen (Westf.)",
        pages=("municipality", "municipalities", "person"),
        add=lambda w: {"name": "Neustadt", "slug": "neustadt", "kind": "town"},
        inlines={
            "programme_memberships": Inline(
                ("joined_year", "2019"),
                lambda w: {"programme": w.programme2.pk, "joined_year": "2012"},
            ),
            "roles": Inline(
                ("title", "Neuer Titel"),
                lambda w: {"person": w.person2.pk, "kind": "mayor", "title": "Bürgermeister"},
            ),
        },
    ),
    "network.institution": Spec(
        record=lambda w: w.institution,
        field="name",
        new="Jugendamt der Stadt Ahlen",
        pages=("institution", "institutions", "person"),
        add=lambda w: {"name": "Neues Institut", "slug": "neues-institut", "kind": "institute"},
        inlines={
            "roles": Inline(
                ("title", "Neuer Titel"),
                lambda w: {"person": w.person2.pk, "kind": "staff", "title": "Mitarbeit"},
            )
        },
    ),
    "network.programme": Spec(
        record=lambda w: w.programme,
        field="name",
        new="Kinderstark NRW",
        pages=("programme", "municipality"),
        add=lambda w: {
            "name": "Neues Programm",
            "short_name": "NP",
            "slug": "np",
            "starts_year": "2020",
        },
        inlines={
            "memberships": Inline(
                ("joined_year", "2019"),
                lambda w: {"municipality": w.beckum.pk, "joined_year": "2018"},
            )
        },
    ),
    # Its change form releases (or rejects) the waiting change of the meeting.
    "editorial.changerequest": Spec(
        record=lambda w: w.change_request,
        field=None,
        pages=("meeting",),
        form_extra={"_release": "Freigeben"},
        extra_paths=("reject",),
    ),
    "wordpress.importeditem": Spec(
        record=lambda w: w.imported, field="old_path", new="/anders", pages=("old_path",)
    ),
    "auth.user": Spec(
        record=lambda w: w.user,
        field="first_name",
        new="Eva",
        add=lambda w: {"username": "neu", "password1": "Geheim-1234!", "password2": "Geheim-1234!"},
    ),
    "auth.group": Spec(
        record=lambda w: w.group, field="name", new="Besucher", add=lambda w: {"name": "Neu"}
    ),
    "axes.accessattempt": Spec(record=lambda w: w.attempt, field="username", new="x"),
    "axes.accesslog": Spec(record=lambda w: w.access_log, field="username", new="x"),
    "axes.accessfailurelog": Spec(record=lambda w: w.failure_log, field="username", new="x"),
}
# What the change form of a model visitors see shows them at once when Freigabe saves it.
PUBLIC_FORM = [label for label, spec in SPECS.items() if spec.pages != ("home",)]
PUBLIC_FORM.remove("wordpress.importeditem")  # nobody below the superuser changes it


def model_admin(label):
    return next(a for m, a in admin.site._registry.items() if m._meta.label_lower == label)


def inline_prefix(parent_admin, inline):
    fk = _get_foreign_key(parent_admin.model, inline.model, fk_name=inline.fk_name)
    return fk.remote_field.get_accessor_name(model=inline.model).replace("+", "")


def autocomplete_queries(label):
    """(app_label, model_name, field_name) of every autocomplete the model's pages use."""
    parent = model_admin(label)
    sources = [(parent.model, parent.autocomplete_fields)]
    sources += [(i.model, i.autocomplete_fields) for i in parent.inlines]
    return [
        (model._meta.app_label, model._meta.model_name, name)
        for model, names in sources
        for name in names
    ]


def admin_paths(label):
    """Every path into the database the model's admin offers (to someone)."""
    spec, model_admin_ = SPECS[label], model_admin(label)
    paths = ["form"]
    if model_admin_.list_editable:
        paths.append("list-editable")
    actions = [name for _func, name, _description in model_admin_._get_base_actions()]
    paths += [f"action:{name}" for name in actions]
    for inline in model_admin_.inlines:
        prefix = inline_prefix(model_admin_, inline)
        assert prefix in spec.inlines, f"{label}: no row spec for the inline {prefix}"
        paths += [f"inline-{op}:{prefix}" for op in ("change", "add", "delete")]
    paths.append("popup")
    if isinstance(model_admin_, SimpleHistoryAdmin):
        paths.append("restore")
    paths.append("delete")
    if autocomplete_queries(label):
        paths.append("autocomplete")
    paths += list(spec.extra_paths)
    return paths


def cases():
    for label in sorted(SPECS):
        for path in admin_paths(label):
            for who in USERS:
                # Refused before any content is read: the page cache cannot matter.
                caches = ["page-cache-off"]
                if who in ("Redaktion", "Freigabe") and label in PUBLIC_FORM:
                    caches.append("page-cache-on")
                for cache in caches:
                    case_id = f"{label}-{path}-{who}-{cache}"
                    yield pytest.param(label, path, who, cache, id=case_id)


def test_the_walk_covers_every_registered_model_and_every_kind_of_path():
    registered = {model._meta.label_lower for model in admin.site._registry}
    assert registered == set(SPECS), "a model newly in the admin needs a line in SPECS"
    kinds = {path.split(":")[0] for label in SPECS for path in admin_paths(label)}
    assert {"form", "list-editable", "action", "popup", "restore", "delete"} <= kinds
    assert {"inline-change", "inline-add", "inline-delete", "autocomplete"} <= kinds


# --- What visitors see, what is stored, what the user was told. -------------------------


class _Text(HTMLParser):
    """The words of a page (and its images' alt texts), without markup and scripts; with
    `only` the text inside elements of those classes (error lists, messages)."""

    SKIP = {"script", "style", "template"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self, only=()):
        super().__init__(convert_charrefs=True)
        self.only, self.words, self._open = only, [], []  # (tag, skipped, wanted)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img" and attrs.get("alt") and self._counted():
            self.words.append(attrs["alt"])
        if tag not in self.VOID:
            classes = (attrs.get("class") or "").split()
            self._open.append((tag, tag in self.SKIP, any(name in classes for name in self.only)))

    def handle_startendtag(self, tag, attrs):
        if tag in self.VOID:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        # Closes the element and any left open inside it (<p>, <li> without an end tag).
        if any(open_tag == tag for open_tag, *_ in self._open):
            while self._open and self._open.pop()[0] != tag:
                pass

    def _counted(self):
        if any(skip for _tag, skip, _wanted in self._open):
            return False
        return not self.only or any(wanted for *_, wanted in self._open)

    def handle_data(self, data):
        if self._counted():
            self.words.append(data)


def visible_text(html, only=()):
    parser = _Text(only)
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.words)).strip()


def public_snapshot(world, label):
    """What an anonymous visitor gets from the pages that show the model's record."""
    visitor = Client()
    shot = {}
    for key in SPECS[label].pages:
        response = visitor.get(world.urls[key])
        body = response.content.decode()
        if "html" in response.get("Content-Type", ""):
            body = visible_text(body)
        shot[key] = (response.status_code, response.get("Location"), body)
    return shot


# Whose rows must survive what a user without the release right does: every model of the
# site's apps and the accounts, not the revisions and logs (they only grow).
STORED_APPS = ("news", "network", "media", "pages", "wordpress", "taggit", "axes", "auth")


CONTENT_MODELS = {"news.Article", "network.Meeting", "network.Person", "pages.Page", "media.Photo"}


def stored_models():
    for app_label in STORED_APPS:
        for model in apps.get_app_config(app_label).get_models(include_auto_created=True):
            if not model.__name__.startswith("Historical") and model is not Permission:
                yield model


def stored():
    """Every stored row of those models, by (model, pk): its values."""
    rows = {}
    for model in stored_models():
        pk = model._meta.pk.attname
        for values in model._default_manager.values():
            values.pop("last_login", None)  # the test's own logins
            rows[(model._meta.label, values[pk])] = values
    return rows


def waiting_changes():
    return {cr.pk: cr.changes for cr in ChangeRequest.objects.all()}


GERMAN = re.compile(
    r"Berechtigung|nicht|[Kk]eine?|wartet|Freigabe|Bitte|ausgewählt|gespeichert|Fehler|"
    r"veröffentlicht|eingereicht|gelöscht|erledigt"
)
ENGLISH = re.compile(
    r"You don.t have permission|Forbidden|No action selected|Please correct|"
    r"This field is required|successfully|Items must be selected|Server Error|Are you sure|"
    r"Select a valid choice|already exists|Enter a valid"
)


@dataclass
class Outcome:
    responses: list = field(default_factory=list)
    told: list = field(default_factory=list)  # all the user read: messages, errors, 403 page
    refusals: list = field(default_factory=list)  # what of it says "not done"

    def add(self, response, decisive=True):
        """Keep a response; what a decisive one (a post) tells the user counts as told."""
        self.responses.append(response)
        if not decisive:
            return response
        storage = getattr(response.wsgi_request, "_messages", None)
        # Shown on the page (then moved to the loaded ones) or kept for the next page.
        shown = [*storage._loaded_messages, *storage._queued_messages] if storage else []
        for message in shown:
            self.told.append(str(message))
            # A warning or error, or a bulk action that applied to none of the records.
            if message.level >= messages.WARNING or str(message).startswith("0 "):
                self.refusals.append(str(message))
        body = response.content.decode(errors="replace")
        kind = response.get("Content-Type", "")
        refusal = ""
        if "json" in kind and response.status_code >= 400:
            refusal = json.dumps(json.loads(body), ensure_ascii=False)
        elif response.status_code == 403:
            refusal = visible_text(body)
        elif response.status_code == 200 and "html" in kind:
            refusal = visible_text(body, only=("errornote", "errorlist"))
        if refusal:
            self.told.append(refusal)
            self.refusals.append(refusal)
        return response


# --- The paths. ----------------------------------------------------------------------------


class Walk:
    """One user walking one path of one model's admin."""

    def __init__(self, world, label, who):
        self.world, self.label, self.who = world, label, who
        self.spec, self.model_admin = SPECS[label], model_admin(label)
        self.record = self.spec.record(world)
        self.client = Client()
        user = {
            "anonymous": None,
            "staff-without-group": world.staff,
            "Redaktion": world.editor,
            "Freigabe": world.publisher,
        }[who]
        if user is not None:
            self.client.force_login(user)
        self.outcome = Outcome()
        self.offered = True  # False when the user's own page has no input for the change

    def url(self, view, *args):
        opts = self.model_admin.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)

    def get(self, url):
        return self.outcome.add(self.client.get(url), decisive=False)

    def post(self, url, data, **extra):
        return self.outcome.add(self.client.post(url, data, **extra))

    def form_of(self, url):
        """The page's form as the user's browser would post it; for a page the user may not
        open, the form as an administrator sees it (a crafted post)."""
        page = self.get(url)
        if page.status_code == 200:
            return scraped_form(page.content.decode()), True
        return self.administrators_form(url), False

    def administrators_form(self, url):
        """The form of an admin page as a superuser sees it ({} for a page nobody has). Every
        test starts from the same records, so the module reads each page once."""
        known = self.world.administrators_forms
        if url not in known:
            superuser = Client()
            superuser.force_login(self.world.superuser)
            page = superuser.get(url)
            known[url] = scraped_form(page.content.decode()) if page.status_code == 200 else {}
        return {name: list(values) for name, values in known[url].items()}

    def run(self, path):
        kind, _, name = path.partition(":")
        if kind.startswith("inline-"):
            self.path_inline(kind.removeprefix("inline-"), name)
        else:
            getattr(self, "path_" + kind.replace("-", "_"))(*([name] if name else []))
        return self.outcome

    def path_form(self):
        url = self.url("change", self.record.pk)
        data, self.offered = self.form_of(url)
        if self.spec.field:
            self.offered = self.offered and self.spec.field in data
            data[self.spec.field] = [str(self.spec.new)]
        data.update({name: [value] for name, value in self.spec.form_extra.items()})
        self.post(url, data)

    def path_list_editable(self):
        url = self.url("changelist")
        data, self.offered = self.form_of(url)
        total = int(data["form-TOTAL_FORMS"][0])
        row = next(i for i in range(total) if data[f"form-{i}-id"] == [str(self.record.pk)])
        name = self.model_admin.list_editable[0]
        data[f"form-{row}-{name}"] = ["99"]
        data["_save"] = ["Sichern"]
        self.post(url, data)

    def path_action(self, action):
        model = self.model_admin.model
        selected = [str(pk) for pk in model._default_manager.values_list("pk", flat=True)]
        data = {"action": action, "_selected_action": selected, "index": "0"}
        changelist = self.get(self.url("changelist"))
        self.offered = f'value="{action}"' in changelist.content.decode()
        response = self.post(self.url("changelist"), data)
        if response.status_code == 200:  # a page to confirm (delete) or to choose (merge)
            self.post(self.url("changelist"), {**data, "post": "yes", "ziel": self.record.pk})

    def path_inline(self, op, prefix):
        url = self.url("change", self.record.pk)
        data, own = self.form_of(url)
        # The rows as someone who may edit them sees them: read-only rows have no inputs.
        rows = self.administrators_form(url)
        row_inputs = {k: v for k, v in rows.items() if k.startswith(prefix + "-")}
        inline = self.spec.inlines[prefix]
        if op == "change":
            name, value = inline.change
            key = f"{prefix}-0-{name}"
        elif op == "add":
            index = int(rows[f"{prefix}-INITIAL_FORMS"][0])
            key = f"{prefix}-{index}-{next(iter(inline.add(self.world)))}"
        else:
            key = f"{prefix}-0-DELETE"
        self.offered = own and key in data
        data.update(row_inputs)
        if op == "change":
            data[key] = [value]
        elif op == "add":
            if index >= int(rows[f"{prefix}-TOTAL_FORMS"][0]):
                data[f"{prefix}-TOTAL_FORMS"] = [str(index + 1)]
            for name, value in inline.add(self.world).items():
                data[f"{prefix}-{index}-{name}"] = [str(value)]
        else:
            data[key] = ["on"]
        self.post(url, data)

    def path_popup(self):
        url = self.url("add") + "?_popup=1"
        data, self.offered = self.form_of(url)
        fields = self.spec.add(self.world) if self.spec.add else {}
        data.update({k: v if hasattr(v, "read") else [str(v)] for k, v in fields.items()})
        data["_popup"] = ["1"]
        self.post(url, data)

    def path_restore(self):
        first = self.record.history.order_by("history_date", "history_id").first()
        url = self.url("simple_history", self.record.pk, first.history_id)
        data, self.offered = self.form_of(url)
        self.post(url, data)

    def path_delete(self):
        url = self.url("delete", self.record.pk)
        self.offered = self.get(url).status_code == 200
        self.post(url, {"post": "yes"})

    def path_autocomplete(self):
        for app_label, model_name, field_name in autocomplete_queries(self.label):
            query = {"app_label": app_label, "model_name": model_name, "field_name": field_name}
            self.get(reverse("admin:autocomplete") + "?" + urlencode({**query, "term": "a"}))

    def path_reject(self):
        """The waiting change's other button: reject it."""
        self.post(self.url("change", self.record.pk), {"_reject": "Verwerfen"})

    def path_upload(self):
        self.post(
            reverse("admin:media_photo_upload"),
            {"image": image_upload(), "alt_text": "Hochgeladen"},
            headers={"Accept": "application/json"},
        )

    def path_alt_text(self):
        self.post(
            reverse("admin:media_photo_alt_text", args=[self.record.pk]),
            {"alt_text": "Ein anderer Alternativtext"},
            headers={"Accept": "application/json"},
        )


# --- The contract. ---------------------------------------------------------------------------


def lost_or_changed(before, after):
    """Rows stored before that are gone or hold other values now."""
    return {
        key: (values, after.get(key)) for key, values in before.items() if after.get(key) != values
    }


def proposals_kept(before, after):
    """Every waiting change still proposes at least what it proposed before."""
    return all(
        pk in after and all(after[pk].get(name) == value for name, value in changes.items())
        for pk, changes in before.items()
    )


# What Freigabe maintains: each of its paths there works (proves the walk's data are valid),
# except these, refused in German for a reason.
MAINTAINED = {
    f"{app}.{codename.removeprefix('change_')}"
    for app, codename in publisher_permissions()
    if codename.startswith("change_")
}
REFUSED_TO_FREIGABE = {
    ("editorial.changerequest", "popup"),  # waiting changes come from editors' saves only
    ("media.photo", "delete"),  # the photo is shown by the published article
    ("media.photo", "action:delete_selected"),
}


# Actions that have nothing to do on the released record.
NO_OP_FOR_FREIGABE = {"action:submit_for_review", "action:publish"}


def worked(response):
    body = response.content.decode(errors="replace")
    if response.status_code in (200, 201) and "json" in response.get("Content-Type", ""):
        return json.loads(body).get("ok", True)
    return response.status_code == 302 or "data-popup-response" in body


@pytest.mark.parametrize(("label", "path", "who", "cache"), list(cases()))
def test_admin_path_keeps_the_release_contract(world, settings, label, path, who, cache):
    if label not in world.public_before:
        world.public_before[label] = public_snapshot(world, label)
    settings.PAGE_CACHE_SECONDS = 600 if cache == "page-cache-on" else 0
    if cache == "page-cache-on":
        assert public_snapshot(world, label) == world.public_before[label]  # now in the cache
    walk = Walk(world, label, who)
    rows_before, waiting_before = stored(), waiting_changes()

    outcome = walk.run(path)

    statuses = [(r.request["PATH_INFO"], r.status_code) for r in outcome.responses]
    assert all(r.status_code < 500 for r in outcome.responses), statuses
    english = [text for text in outcome.told if ENGLISH.search(text)]
    assert not english, f"told in English: {english}"
    for response in outcome.responses:
        if response.status_code == 403:
            assert GERMAN.search(visible_text(response.content.decode())), "a blank refusal"
    public_after = public_snapshot(world, label)

    if who in ("anonymous", "staff-without-group"):
        for response in outcome.responses:
            if who == "anonymous":
                assert response.status_code == 302, statuses
                assert response["Location"].startswith(reverse("admin:login")), statuses
            else:
                assert response.status_code == 403, statuses
    if who != "Freigabe":
        assert public_after == world.public_before[label], "visitors see a change"
        assert not lost_or_changed(rows_before, stored()), "something stored was lost"
        assert proposals_kept(waiting_before, waiting_changes()), "a waiting change was lost"
    if who == "Redaktion" and walk.offered and path != "autocomplete":
        refused = any(GERMAN.search(text) for text in outcome.refusals)
        proposed = waiting_changes() != waiting_before
        # A new record (not a login log): stored unpublished, as visitors saw nothing new.
        added = {key for key in set(stored()) - set(rows_before) if key[0] in CONTENT_MODELS}
        assert refused or proposed or added, (
            f"neither refused in German nor waiting nor stored unpublished: {statuses}"
        )
    if who == "Freigabe" and label in MAINTAINED and path != "autocomplete":
        if (label, path) in REFUSED_TO_FREIGABE:
            assert any(GERMAN.search(text) for text in outcome.refusals), statuses
        else:
            assert worked(outcome.responses[-1]), (statuses, outcome.told)
            if path not in NO_OP_FOR_FREIGABE:  # the walk's data do change something
                rows_after = stored()
                assert (
                    lost_or_changed(rows_before, rows_after)
                    or {
                        key
                        for key in set(rows_after) - set(rows_before)
                        if key[0] != "axes.AccessLog"
                    }
                    or waiting_changes() != waiting_before
                ), statuses
    if who == "Freigabe" and path == "form" and label in PUBLIC_FORM:
        assert public_after != world.public_before[label], "the snapshot cannot see a change"
