"""Hostile input saved through the admin never runs in the public site or the admin."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from apps.network.models import Meeting, Person
from apps.news.models import Article
from tests.factories import ArticlePhotoFactory, PhotoFactory, StaffUserFactory
from tests.factories.admin_forms import article_admin_form

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Each payload tries to run alert(...) or to log a marker; {n} numbers them.
PAYLOADS = [
    "<script>alert({n})</script>",
    "<SCRIPT>alert({n})</SCRIPT>",
    "<ScRiPt>console.log('XSS-{n}')</sCrIpT>",
    "<script src=data:text/javascript,alert({n})></script>",
    '"><script>alert({n})</script>',
    "'><script>alert({n})</script>",
    "</title><script>alert({n})</script>",
    "</textarea><script>alert({n})</script>",
    "</script><script>alert({n})</script>",
    "<img src=x onerror=alert({n})>",
    "<IMG SRC=x OnErRoR=alert({n})>",
    '<img src="x" onerror="console.log(`XSS-{n}`)">',
    "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;({n})>",
    "<svg onload=alert({n})>",
    "<svg><script>alert({n})</script></svg>",
    "<svg><animate onbegin=alert({n}) attributeName=x dur=1s>",
    "<svg><a xlink:href=javascript:alert({n})><text x=20 y=20>X</text></a></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert({n})></style></mglyph></table></mtext></math>",
    "<math><a xlink:href=javascript:alert({n})>X</a></math>",
    "<body onload=alert({n})>",
    "<iframe src=javascript:alert({n})></iframe>",
    "<iframe srcdoc='<script>parent.alert({n})</script>'></iframe>",
    "<object data=javascript:alert({n})></object>",
    "<embed src=javascript:alert({n})>",
    '<a href="javascript:alert({n})">klick</a>',
    '<a href="JaVaScRiPt:alert({n})">klick</a>',
    '<a href="&#106;avascript:alert({n})">klick</a>',
    '<a href="jav&#x09;ascript:alert({n})">klick</a>',
    '<a href=" javascript:alert({n})">klick</a>',
    '<a href="data:text/html,<script>alert({n})</script>">klick</a>',
    '<a href="vbscript:msgbox({n})">klick</a>',
    "<details open ontoggle=alert({n})>",
    "<marquee onstart=alert({n})>x</marquee>",
    "<video><source onerror=alert({n})></video>",
    "<audio src=x onerror=alert({n})>",
    "<input autofocus onfocus=alert({n})>",
    "<select autofocus onfocus=alert({n})></select>",
    "<textarea autofocus onfocus=alert({n})></textarea>",
    "<button formaction=javascript:alert({n})>x</button>",
    "<form><button formaction=javascript:alert({n})>x</button></form>",
    '<div style="background:url(javascript:alert({n}))">x</div>',
    "<style>@import 'javascript:alert({n})';</style>",
    "<link rel=stylesheet href=javascript:alert({n})>",
    "<meta http-equiv=refresh content='0;url=javascript:alert({n})'>",
    "<base href=javascript:alert({n})//>",
    "<p onclick=alert({n}) onmouseover=alert({n})>Text</p>",
    "<<script>alert({n});//<</script>",
    "<scr<script>ipt>alert({n})</scr</script>ipt>",
    "<img src=`x`onerror=alert({n})>",
    "<!--<img src=x onerror=alert({n})>-->",
    '<noscript><p title="</noscript><img src=x onerror=alert({n})>">',
    "{{{{ alert({n}) }}}}<% alert({n}) %>${{alert({n})}}",
    "javascript:alert({n})",
    "<template><script>alert({n})</script></template>",
    "<isindex type=image src=1 onerror=alert({n})>",
]


@pytest.fixture
def hostile_site(live_server):
    staff = StaffUserFactory(username="angreiferin")
    client = Client()
    client.force_login(staff)
    payloads = [p.replace("{n}", str(n)) for n, p in enumerate(PAYLOADS, start=1)]
    for n, payload in enumerate(payloads, start=1):
        response = client.post(
            reverse("admin:news_article_add"),
            article_admin_form(
                title=f"Titel {n} {payload}"[:250],
                slug=f"artikel-{n}",
                lead=f"Vorspann {payload}",
                body=f"<p>Text {n}</p>{payload}",
                tags=f'"Thema {n} {payload[:40]}"',
                status="published",
                published_at_0=timezone.localdate().strftime("%d.%m.%Y"),
                published_at_1="00:00:01",
            ),
        )
        assert response.status_code == 302, response.content.decode()[:3000]
    for n, payload in enumerate(payloads[:12], start=1):
        response = client.post(
            reverse("admin:network_meeting_add"),
            {
                "kind": Meeting.Kind.LEARNING_NETWORK,
                "sequence_number": str(100 + n),
                "title": f"Treffen {payload}",
                "motto": payload,
                "summary": payload,
                "slug": f"treffen-{n}",
                "starts_on": "12.03.2019",
                "is_published": "on",
                "participations-TOTAL_FORMS": "0",
                "participations-INITIAL_FORMS": "0",
            },
        )
        assert response.status_code == 302, response.content.decode()[:3000]
        response = client.post(
            reverse("admin:network_person_add"),
            {
                "academic_title": payload[:50],
                "first_name": f"Vorname{n}",
                "last_name": f"Nachname {payload}"[:100],
                "slug": f"person-{n}",
                "is_published": "on",
                "roles-TOTAL_FORMS": "0",
                "roles-INITIAL_FORMS": "0",
                "meeting_participations-TOTAL_FORMS": "0",
                "meeting_participations-INITIAL_FORMS": "0",
            },
        )
        assert response.status_code == 302, response.content.decode()[:3000]
    photo = PhotoFactory(renditions=True)
    response = client.post(
        reverse("admin:media_photo_change", args=[photo.pk]),
        {
            "alt_text": f"Alt {payloads[9]}",
            "caption": f"Bildunterschrift {payloads[0]}",
            "credit": payloads[13],
            "licence": payloads[24],
            "taken_on": "",
            "focal_x": "50",
            "focal_y": "50",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    ArticlePhotoFactory(article=Article.objects.get(slug="artikel-1"), photo=photo, position=1)
    return live_server, staff, payloads


def watch(page):
    """Record every dialog and console marker a page produces."""
    events = []
    page.on("dialog", lambda dialog: (events.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("console", lambda msg: events.append(msg.text) if "XSS" in msg.text else None)
    return events


def visit_public_site(page, server):
    """Every article, list, search, meeting and person page, as a visitor: titles as text."""
    for n, article in enumerate(Article.objects.order_by("pk"), start=1):
        page.goto(server.url + article.get_absolute_url())
        heading = page.locator("h1").inner_text()
        assert heading == article.title, f"title {n} not shown as text"
        assert "<script" not in article.body.lower() and "onerror" not in article.body.lower()
    for path in ["/", "/aktuelles/", "/aktuelles/?page=2", "/netzwerk/", "/netzwerk/treffen/",
                 "/suche/?q=Titel", "/suche/?q=<script>alert(1)</script>", "/aktuelles/feed/"]:  # fmt: skip
        page.goto(server.url + path)
    for meeting in Meeting.objects.all():
        page.goto(server.url + meeting.get_absolute_url())
        assert meeting.title in page.locator("h1").inner_text()
    for person in Person.objects.all():
        page.goto(server.url + person.get_absolute_url())
        assert person.last_name in page.locator("h1").inner_text()


def visit_admin(page, context, server, staff):
    """The editors' side: lists, forms and history of the same records."""
    session = Client()
    session.force_login(staff)
    cookie = session.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": server.url}]
    )
    for model in ["news_article", "network_meeting", "network_person", "news_topic"]:
        page.goto(server.url + reverse(f"admin:{model}_changelist"))
        expect(page.locator("#result_list")).to_be_visible()
    page.goto(server.url + reverse("admin:media_photo_changelist"))  # a grid of thumbnails
    expect(page.locator(".photo-grid")).to_be_visible()
    for n, article in enumerate(Article.objects.order_by("pk")[:15], start=1):
        page.goto(server.url + reverse("admin:news_article_change", args=[article.pk]))
        # The title comes back intact as a value, the body as text in the running editor.
        expect(page.locator("#id_title")).to_have_value(article.title)
        expect(page.locator(".ProseMirror[contenteditable=true]")).to_contain_text(f"Text {n}")
        page.goto(server.url + reverse("admin:news_article_history", args=[article.pk]))
        expect(page.locator("#change-history")).to_be_visible()


# One test for both sides: the hostile records take seconds to save through the admin.
@pytest.mark.slow(22)
def test_hostile_input_never_runs_in_the_public_site_or_the_admin(hostile_site, page, context):
    server, staff, payloads = hostile_site
    assert len(payloads) >= 50
    events = watch(page)

    visit_public_site(page, server)
    visit_admin(page, context, server, staff)

    assert events == []
