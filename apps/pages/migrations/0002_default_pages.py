from django.db import migrations

DEFAULT_PAGES = [
    {
        "slug": "startseite",
        "title": "Startseite",
        "in_footer": False,
        "position": 0,
        "body": (
            "<p>Gemeinsam für ein gelingendes Aufwachsen: Die Ahlener Präventionskette verbindet "
            "Angebote für Kinder, Jugendliche und Familien – von der Schwangerschaftsberatung bis "
            "zum Berufseinstieg. Hier lesen Sie Neuigkeiten aus Ahlen und aus dem Lernnetzwerk der "
            "kommunalen Präventionsketten in Nordrhein-Westfalen.</p>"
        ),
    },
    {
        "slug": "impressum",
        "title": "Impressum",
        "in_footer": True,
        "position": 10,
        "body": (
            "<h2>Herausgeberin</h2><p>Stadt Ahlen<br>Fachbereich Jugend, Soziales und Integration"
            "<br>Westenmauer 10<br>59227 Ahlen</p><p>Die Stadt Ahlen ist eine Körperschaft des "
            "öffentlichen Rechts. Sie wird vertreten durch den Bürgermeister.</p>"
            "<p>Bitte ergänzen Sie hier Telefon, E-Mail und die inhaltlich verantwortliche Person.</p>"
        ),
    },
    {
        "slug": "datenschutz",
        "title": "Datenschutz",
        "in_footer": True,
        "position": 20,
        "body": (
            "<p>Diese Website bindet keine Inhalte, Schriften oder Skripte anderer Anbieter ein und "
            "setzt für Besucherinnen und Besucher keine Cookies. Beim Aufruf speichert der Server "
            "technisch notwendige Zugriffsdaten (Zeitpunkt, aufgerufene Adresse, IP-Adresse) für "
            "höchstens sieben Tage, um den Betrieb zu sichern.</p>"
            "<p>Bitte ergänzen Sie die Kontaktdaten der oder des Datenschutzbeauftragten.</p>"
        ),
    },
    {
        "slug": "barrierefreiheit",
        "title": "Barrierefreiheit",
        "in_footer": True,
        "position": 30,
        "body": (
            "<p>Die Stadt Ahlen ist bemüht, diese Website im Einklang mit der "
            "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu "
            "machen. Die Seiten werden automatisch mit axe-core auf die Anforderungen der WCAG 2.1 "
            "(Stufe AA) geprüft.</p><h2>Feedback</h2><p>Wenn Ihnen Mängel auffallen, schreiben "
            "Sie uns bitte. Bitte ergänzen Sie hier die Kontaktadresse und die "
            "Schlichtungsstelle.</p>"
        ),
    },
]


def create_default_pages(apps, schema_editor):
    Page = apps.get_model("pages", "Page")
    for data in DEFAULT_PAGES:
        Page.objects.get_or_create(slug=data["slug"], defaults=data)


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_initial")]

    operations = [migrations.RunPython(create_default_pages, migrations.RunPython.noop)]
