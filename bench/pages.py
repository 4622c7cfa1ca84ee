"""The public pages every benchmark times, by the names its tables use.

bench/bench.py serves them under gunicorn; bench/render_cost.py times the same addresses in
one process, so that a page's row in one can be read against its row in the other
(bench/versus.py --split); bench/compare.py takes its rows' addresses from here too. Needs
Django set up, on a database filled by `manage.py bench_data`.
"""


def benchmark_urls():
    """Return each page's name and address, picked from the data the same way every run."""
    from apps.network.models import Meeting, Municipality
    from apps.news.models import Article, ArticlePhoto, Topic

    published = Article.objects.published()
    middle = published.order_by("-published_at")[published.count() // 2]
    day = middle.local_published_at
    with_photos = ArticlePhoto.objects.filter(position=2).select_related("article").first()
    article = with_photos.article if with_photos else middle
    meeting = Meeting.objects.published().order_by("-starts_on").first()
    deep = min(500, max(1, published.count() // 10))
    return {
        # The layout alone (header, navigation, footer; no sidebar) around a short text: the
        # floor of every page, to read the other rows against.
        "Einfache Seite (Impressum)": "/impressum/",
        "Startseite": "/",
        "Nachrichten, Seite 1": "/aktuelles/",
        # The same name at every size, so the 1,000 and 100,000 runs compare row by row.
        "Nachrichten, tiefe Seite": f"/aktuelles/?page={deep}",
        "Jahresarchiv": f"/aktuelles/{day.year}/",
        "Halbjahresarchiv": f"/aktuelles/{day.year}/halbjahr-{1 if day.month <= 6 else 2}/",
        "Monatsarchiv": f"/aktuelles/{day.year}/{day.month:02d}/",
        "Tagesarchiv": f"/aktuelles/{day.year}/{day.month:02d}/{day.day:02d}/",
        "Artikel mit Fotos": article.get_absolute_url(),
        "Themenseite": Topic.objects.order_by("pk").first().get_absolute_url(),
        "Treffen, Liste": "/netzwerk/treffen/",
        "Treffen, Detail": meeting.get_absolute_url(),
        "Kommune": Municipality.objects.order_by("pk").first().get_absolute_url(),
        "Suche": "/suche/?q=Kita",
        "RSS-Feed": "/aktuelles/feed/",
        "iCal-Feed": "/netzwerk/treffen.ics",
    }
