# ruff: noqa: E501  (the inventory is data: one fact per line where it fits, quotes whole)
"""Every fact of the five seed texts that the site should carry: the inventory of issue 17.

Each Fact names the text it comes from ("000".."004", fixtures/seed_texts/), the record that
carries it ("meeting:<slug>", "article:<slug>", "person:<slug>", "institution:<slug>",
"programme:<slug>", "municipality:<slug>"), what it is (`what`, see WHATS), the value as the
site should show it, and a short quote that occurs in that text (whitespace-normalised).
`link` names the record a relation points to ("municipality:koeln"). `note` says where a
value is derived rather than copied (a year from the page "2. Halbjahr 2017", a guess that
the site must mark "vermutlich"). `xfail` holds the reason where the site does not yet carry
the fact as the texts give it (the finding; remove it when the data is fixed).

test_fact_inventory.py checks every fact against the database and the record's public page,
and walks every public page for years, dates, codes and organisation links that no fact here
allows.
"""

from collections import Counter
from dataclasses import dataclass

# What a fact is, per kind of record. Link kinds relate the record to another (`link`).
WHATS = {
    "meeting": {
        "number", "title", "motto", "date", "place", "participants", "municipalities", "topic",
        "host", "organiser", "programme", "attending", "person",
    },
    "article": {
        "title", "date", "text", "caption", "meeting", "person", "municipality", "institution",
    },
    "person": {"name", "other_name", "role", "mentioned", "organisation"},
    "institution": {"name", "short_name", "text", "parent", "municipality"},
    "programme": {"name", "short_name", "text", "period", "member", "successor"},
    "municipality": {"name", "kind", "district", "member", "member_note"},
}  # fmt: skip
LINK_WHATS = {
    "host", "organiser", "programme", "attending", "person", "meeting", "municipality",
    "institution", "organisation", "parent", "member", "successor",
}  # fmt: skip


@dataclass(frozen=True)
class Fact:
    text: str
    record: str
    what: str
    value: str
    quote: str
    link: str = ""
    note: str = ""
    xfail: str = ""

    @property
    def id(self):
        return f"{self.text}-{self.record}-{self.what}-{self.link or self.value}"[:120]


FACTS: list[Fact] = []


def facts(text, record, *rows):
    """Add rows (what, value, quote[, link][, note=…][, xfail=…]) for one record."""
    for row in rows:
        options = row[-1] if isinstance(row[-1], dict) else {}
        what, value, quote, *rest = row[:-1] if options else row
        FACTS.append(
            Fact(text, record, what, value, quote, link=rest[0] if rest else "", **options)
        )


LKS = "institution:landeskoordinierungsstelle"
ISA_LKS = "Das ISA ist seit 2012 Träger der Landeskoordinierungsstelle"
KPK = "programme:kommunale-praeventionsketten-nrw"
KEKIZ = "programme:kein-kind-zuruecklassen"

# --- 000: Stadt Ahlen, the Kinderstark learning network meeting in Neuss, 15.11.2022 -------

A000 = "article:grosses-lernnetzwerktreffen-kinderstark-neuss"
M000 = "meeting:lernnetzwerktreffen-kinderstark-2022-11-15"
facts(
    "000",
    A000,
    ("title", "Großes Lernnetzwerktreffen am 15.11.2022 im Programm Kinderstark in Neuss",
     "Großes Lernnetzwerktreffen am 15.11.2022 im Programm Kinderstark in Neuss"),
    ("date", "15. November 2022", "am 15.11.2022"),
    ("text", "Ab 2023 werden die Landesjugendämter LVR und LWL diese Aufgabe übernehmen.",
     "Ab 2023 werden die Landesjugendämter LVR und LWL diese Aufgabe übernehmen."),
    ("caption", 'Roll-Up "ISA"', 'Foto: Roll-Up "ISA"'),
    ("caption", "Foto mit Lisa Kalendruschat und Ulrike Gerhards",
     "Foto: Foto mit Lisa Kalendruschat und Ulrike Gerhards"),
    ("meeting", "Netzwerken ist kein Luxus", "Großes Lernnetzwerktreffen am 15.11.2022", M000),
    ("person", "Ulrike Gerhards", "darunter auch Ulrike Gerhards", "person:ulrike-gerhards"),
    ("person", "Lisa Kalendruschat", "und Lisa Kalendruschat aus Ahlen",
     "person:lisa-kalendruschat"),
    ("person", "Josefine Paul", "Josefine Paul begrüßte die Teilnehmenden", "person:josefine-paul"),
    ("municipality", "Ahlen", "Die Stadt Ahlen dankt der ISA", "municipality:ahlen"),
    ("municipality", "Neuss", "im Programm Kinderstark in Neuss", "municipality:neuss"),
    ("institution", "Institut für Soziale Arbeit", "vom Institut für Soziale Arbeit (ISA)",
     "institution:isa"),
    ("institution", "Ministerium für Kinder, Jugend, Familie, Gleichstellung, Flucht und Integration",
     "Die Ministerin für Kinder, Jugend, Familie, Gleichstellung, Flucht und Integration",
     "institution:mkjfgfi"),
    ("institution", "LVR-Landesjugendamt Rheinland", "die Landesjugendämter LVR und LWL",
     "institution:lvr-landesjugendamt"),
    ("institution", "Landesjugendamt LWL", "die Landesjugendämter LVR und LWL",
     "institution:lwl-landesjugendamt"),
)  # fmt: skip
facts(
    "000",
    M000,
    ("title", "Netzwerken ist kein Luxus", "unter dem Titel „Netzwerken ist kein Luxus“"),
    ("date", "15. November 2022", "Großes Lernnetzwerktreffen am 15.11.2022"),
    ("place", "Neuss", "im Programm Kinderstark in Neuss"),
    ("participants", "rund 150", "Rund 150 Personen"),
    ("topic", "das letzte vom ISA durchgeführte Netzwerktreffen",
     "das letzte Netzwerktreffen, das vom Institut für Soziale Arbeit (ISA) durchgeführt wurde"),
    ("programme", "Kinderstark – NRW schafft Chancen",
     "im Programm „Kinderstark – NRW schafft Chancen“", "programme:kinderstark"),
    ("organiser", "Institut für Soziale Arbeit e.V. (ISA)",
     "das vom Institut für Soziale Arbeit (ISA) durchgeführt wurde", "institution:isa"),
    ("attending", "Ahlen", "Ulrike Gerhards und Lisa Kalendruschat aus Ahlen",
     "municipality:ahlen"),
    ("person", "Josefine Paul", "Josefine Paul begrüßte die Teilnehmenden", "person:josefine-paul"),
    ("person", "Ulrike Gerhards", "darunter auch Ulrike Gerhards", "person:ulrike-gerhards"),
    ("person", "Lisa Kalendruschat", "und Lisa Kalendruschat aus Ahlen",
     "person:lisa-kalendruschat"),
)  # fmt: skip
for slug, name in (("ulrike-gerhards", "Ulrike Gerhards"), ("lisa-kalendruschat", "Lisa Kalendruschat")):  # fmt: skip
    facts(
        "000",
        f"person:{slug}",
        ("name", name, f"{name}"),
        ("role", "Netzwerkkoordinatorin der Ahlener Präventionskette",
         "die Netzwerkkoordinatorinnen der Ahlener Präventionskette"),
        ("organisation", "Ahlen", "Ulrike Gerhards und Lisa Kalendruschat aus Ahlen",
         "municipality:ahlen"),
        ("mentioned", "15. November 2022", "Großes Lernnetzwerktreffen am 15.11.2022"),
    )  # fmt: skip
facts(
    "000",
    "person:josefine-paul",
    ("name", "Josefine Paul", "Josefine Paul"),
    ("role", "Ministerin für Kinder, Jugend, Familie, Gleichstellung, Flucht und Integration",
     "Die Ministerin für Kinder, Jugend, Familie, Gleichstellung, Flucht und Integration, Josefine"),
    ("organisation", "Ministerium für Kinder, Jugend, Familie, Gleichstellung, Flucht und Integration",
     "welchen Stellenwert das Programm „Kinderstark – NRW schafft Chancen“ im Ministerium hat",
     "institution:mkjfgfi"),
    ("mentioned", "15. November 2022", "Großes Lernnetzwerktreffen am 15.11.2022"),
)  # fmt: skip
facts(
    "000",
    "institution:isa",
    ("short_name", "ISA", "Institut für Soziale Arbeit (ISA)"),
    ("text", "führte die Lernnetzwerktreffen bis Ende 2022 durch",
     "Gleichzeitig war dies auch das letzte Netzwerktreffen, das vom Institut für Soziale Arbeit",
     {"note": "„bis Ende 2022“: the last meeting it ran was on 15.11.2022, others take over from 2023"}),
)  # fmt: skip
facts(
    "000",
    "institution:lvr-landesjugendamt",
    ("short_name", "LVR", "die Landesjugendämter LVR und LWL"),
    ("text", "Übernimmt ab 2023 zusammen mit dem LWL die Begleitung der Präventionsketten.",
     "Ab 2023 werden die Landesjugendämter LVR und LWL diese Aufgabe übernehmen."),
)  # fmt: skip
facts(
    "000",
    "institution:lwl-landesjugendamt",
    ("name", "Landesjugendamt LWL", "die Landesjugendämter LVR und LWL"),
    ("short_name", "LWL", "die Landesjugendämter LVR und LWL"),
    ("text", "Übernimmt ab 2023 zusammen mit dem LVR die Begleitung der Präventionsketten.",
     "Ab 2023 werden die Landesjugendämter LVR und LWL diese Aufgabe übernehmen."),
)  # fmt: skip
facts(
    "000",
    "institution:mkjfgfi",
    ("name", "Ministerium für Kinder, Jugend, Familie, Gleichstellung, Flucht und Integration",
     "Ministerin für Kinder, Jugend, Familie, Gleichstellung, Flucht und Integration"),
)  # fmt: skip
facts(
    "000",
    "programme:kinderstark",
    ("name", "Kinderstark – NRW schafft Chancen", "Programm „Kinderstark – NRW schafft Chancen“"),
    ("short_name", "Kinderstark", "im Programm Kinderstark in Neuss"),
    ("text", "im November 2022 trafen sich Koordinatorinnen und Koordinatoren des Programms",
     "mit anderen Koordinatorinnen und Koordinatoren im Programm"),
    ("member", "Ahlen", "die Netzwerkkoordinatorinnen der Ahlener Präventionskette",
     "municipality:ahlen"),
)  # fmt: skip
facts(
    "000",
    "municipality:ahlen",
    ("name", "Ahlen", "Die Stadt Ahlen dankt der ISA"),
    ("member", "Kinderstark – NRW schafft Chancen", "Koordinatorinnen und Koordinatoren im Programm",
     "programme:kinderstark"),
    ("member_note", "Teilnahme 2022 belegt", "Großes Lernnetzwerktreffen am 15.11.2022"),
)  # fmt: skip
facts("000", "municipality:neuss", ("name", "Neuss", "im Programm Kinderstark in Neuss"))

# --- 001: Stadt Ahlen, "Ahlen nimmt am 17. Lernnetzwerktreffen teil" --------------------------

A001 = "article:ahlen-nimmt-am-17-lernnetzwerktreffen-teil"
M17 = "meeting:17-lernnetzwerktreffen"
facts(
    "001",
    A001,
    ("title", "Ahlen nimmt am 17. Lernnetzwerktreffen teil",
     "Ahlen nimmt am 17. Lernnetzwerktreffen teil"),
    ("date", "13. September 2017", "Am 13. September kamen 40 Programmkommunen",
     {"note": "the year from 002 („13.09.2017“) and 003 („2. Halbjahr 2017“)"}),
    ("text", "bis zunächst Ende 2018 bestätigte", "bis zunächst Ende 2018 bestätigte"),
    ("caption", "Marina Bänke", "Foto: Marina Bänke"),
    ("caption", "Holger Mrosek und Marina Bänke", "Foto: Holger Mrosek und Marina Bänke"),
    ("caption", "Gruppenfoto", "Gruppenfoto"),
    ("caption", "Videobotschaft vom Staatssekretär Andreas Bothe",
     "Foto: Videobotschaft vom Staatssekretär Andreas Bothe"),
    ("meeting", "17. Lernnetzwerktreffen", "Ahlen nimmt am 17. Lernnetzwerktreffen teil", M17),
    ("municipality", "Ahlen", "Ahlen und Dinslaken", "municipality:ahlen"),
    ("municipality", "Dinslaken", "Ahlen und Dinslaken", "municipality:dinslaken"),
    ("municipality", "Köln", "in Köln zusammen", "municipality:koeln"),
    ("person", "Andreas Bothe", "vom Staatssekretär Andreas Bothe", "person:andreas-bothe"),
    ("person", "Ilona Heuchel", "Ilona Heuchel, geschäftsführender Vorstand",
     "person:ilona-heuchel"),
    ("person", "Dr. Ralf Heinen", "Als Gastgeber begrüßte Dr. Ralf Heinen", "person:ralf-heinen"),
    ("person", "Marina Bänke", "Marina Bänke, die Koordinatorin der Ahlener Präventionskette",
     "person:marina-baenke"),
    ("person", "Holger Mrosek", "Holger Mrosek, ihr Kollege aus Dinslaken",
     "person:holger-mrosek"),
    ("institution", "Institut für Soziale Arbeit", "des Instituts für Soziale Arbeit (ISA)",
     "institution:isa"),
)  # fmt: skip
facts(
    "001",
    M17,
    ("number", "17. Lernnetzwerktreffen", "Ahlen nimmt am 17. Lernnetzwerktreffen teil"),
    ("place", "Köln", "kamen 40 Programmkommunen aus ganz NRW in Köln zusammen"),
    ("municipalities", "40", "kamen 40 Programmkommunen aus ganz NRW"),
    ("topic", "vier Arbeitsgruppen zum interkommunalen Austausch",
     "Am Nachmittag fanden vier Arbeitsgruppen zum interkommunalen Austausch statt"),
    ("host", "Köln", "Als Gastgeber begrüßte Dr. Ralf Heinen, Bürgermeister der Stadt Köln",
     "municipality:koeln"),
    ("programme", "Kommunale Präventionsketten NRW", "die Zukunft der Landesinitiative", KPK,
     {"note": "001 says „Landesinitiative“; 002 names it for the 18th meeting of that year"}),
    ("attending", "Ahlen", "Ahlen und Dinslaken – als zwei der 18 neu geförderten",
     "municipality:ahlen"),
    ("attending", "Dinslaken", "Ahlen und Dinslaken – als zwei der 18 neu geförderten",
     "municipality:dinslaken"),
    ("attending", "Köln", "die Arbeit an der Präventionskette in Köln", "municipality:koeln"),
    ("person", "Ilona Heuchel", "betonte in ihrer Begrüßung", "person:ilona-heuchel"),
    ("person", "Dr. Ralf Heinen", "Als Gastgeber begrüßte Dr. Ralf Heinen", "person:ralf-heinen"),
    ("person", "Andreas Bothe", "die Videobotschaft vom Staatssekretär Andreas Bothe",
     "person:andreas-bothe"),
    ("person", "Marina Bänke", "Marina Bänke stellte im Rahmen einer Arbeitsgruppe",
     "person:marina-baenke"),
    ("person", "Holger Mrosek", "Holger Mrosek, ihr Kollege aus Dinslaken",
     "person:holger-mrosek"),
)  # fmt: skip
facts(
    "001",
    "person:ilona-heuchel",
    ("name", "Ilona Heuchel", "Ilona Heuchel"),
    ("role", "geschäftsführender Vorstand des Instituts für Soziale Arbeit",
     "geschäftsführender Vorstand des Instituts für Soziale Arbeit (ISA)"),
    ("organisation", "Institut für Soziale Arbeit e.V. (ISA)",
     "geschäftsführender Vorstand des Instituts für Soziale Arbeit (ISA)", "institution:isa"),
    ("mentioned", "September 2017", "Der Septembertag in der Stadt"),
)  # fmt: skip
facts(
    "001",
    "person:ralf-heinen",
    ("name", "Dr. Ralf Heinen", "Dr. Ralf Heinen"),
    ("role", "Bürgermeister der Stadt Köln", "Dr. Ralf Heinen, Bürgermeister der Stadt Köln"),
    ("organisation", "Köln", "Bürgermeister der Stadt Köln", "municipality:koeln"),
    ("mentioned", "13. September 2017", "Am 13. September kamen"),
)  # fmt: skip
facts(
    "001",
    "person:andreas-bothe",
    ("name", "Andreas Bothe", "Staatssekretär Andreas Bothe"),
    ("role", "Staatssekretär", "Videobotschaft vom Staatssekretär Andreas Bothe"),
    ("mentioned", "September 2017", "Der Septembertag in der Stadt"),
)  # fmt: skip
facts(
    "001",
    "person:marina-baenke",
    ("name", "Marina Bänke", "Marina Bänke"),
    ("role", "Koordinatorin der Ahlener Präventionskette",
     "Marina Bänke, die Koordinatorin der Ahlener Präventionskette"),
    ("organisation", "Ahlen", "die Koordinatorin der Ahlener Präventionskette",
     "municipality:ahlen"),
    ("mentioned", "13. September 2017", "Am 13. September kamen"),
)  # fmt: skip
facts(
    "001",
    "person:holger-mrosek",
    ("name", "Holger Mrosek", "Holger Mrosek"),
    ("role", "Koordinator der Präventionskette in Dinslaken",
     "Holger Mrosek, ihr Kollege aus Dinslaken"),
    ("organisation", "Dinslaken", "ihr Kollege aus Dinslaken", "municipality:dinslaken"),
    ("mentioned", "13. September 2017", "Am 13. September kamen"),
)  # fmt: skip
facts(
    "001",
    "institution:isa",
    ("name", "Institut für Soziale Arbeit", "Instituts für Soziale Arbeit (ISA)"),
)
for slug, name in (("ahlen", "Ahlen"), ("dinslaken", "Dinslaken")):
    facts(
        "001",
        f"municipality:{slug}",
        ("name", name, "Ahlen und Dinslaken"),
        ("member", "Kommunale Präventionsketten NRW",
         "als zwei der 18 neu geförderten Programmkommunen", KPK),
        ("member_note", "eine der 18 neu geförderten Programmkommunen",
         "als zwei der 18 neu geförderten Programmkommunen"),
        ("member_note", "seit 2017", "um bereits zum zweiten Mal in diesem Jahr",
         {"note": "newly funded in 2017, the year of the 13 September meeting (002)"}),
    )  # fmt: skip
    facts(
        "001",
        KPK,
        ("member", name, "als zwei der 18 neu geförderten Programmkommunen",
         f"municipality:{slug}"),
    )  # fmt: skip
facts("001", "municipality:koeln", ("name", "Köln", "in Köln zusammen"))

# --- 002: the ISA's page "Lernnetzwerktreffen" ----------------------------------------------

facts(
    "002",
    KPK,
    ("name", "Kommunale Präventionsketten NRW", 'des Projektes "Kommunale Präventionsketten NRW"'),
    ("text", "Im Lernnetzwerk findet der Austausch der Kommunen über wirksame Herangehensweisen",
     "Im Lernnetzwerk findet der Austausch der Kommunen über wirksame Herangehensweisen"),
    ("text", "gestartet als „Kein Kind zurücklassen! Für ganz Nordrhein-Westfalen“",
     'der Landesinitiative "Kein Kind zurücklassen! Für ganz Nordrhein-Westfalen"'),
    ("text", "mit insgesamt 40 Kommunen", "der nun insgesamt 40 neuen und alten Kommunen"),
    ("period", "seit 2017", "am 3. April 2017 im Wissenschaftspark Gelsenkirchen das erste",
     {"note": "the first meeting of the 40 municipalities of the statewide initiative"}),
)  # fmt: skip
facts(
    "002",
    KEKIZ,
    ("name", "Kein Kind zurücklassen!", 'Modellkommunen von "Kein Kind zurücklassen!"'),
    ("text", "Modellvorhaben mit 18 Modellkommunen",
     "nach vier Jahren Zusammenarbeit im Lernnetzwerk der 18 Modellkommunen"),
    ("period", "2012", ISA_LKS,
     {"note": "the ISA has carried the Landeskoordinierungsstelle „Kein Kind zurücklassen!“ since "
              "2012; „Seit über drei Jahren arbeiten die 18 Modellkommunen“ in March 2015"}),
    ("successor", "Kommunale Präventionsketten NRW",
     "während der landesweiten Umsetzung von „Kein Kind zurücklassen! Für ganz", KPK),
)  # fmt: skip
facts(
    "002",
    LKS,
    ("name", "Landeskoordinierungsstelle Kommunale Präventionsketten NRW",
     "Landeskoordinierungsstelle „Kommunale Präventionsketten NRW “"),
    ("parent", "Institut für Soziale Arbeit e.V. (ISA)",
     "in Trägerschaft des Instituts für soziale Arbeit e.V. (ISA)", "institution:isa"),
    ("text", "Landeskoordinierungsstelle „Kein Kind zurücklassen!“",
     'Träger der Landeskoordinierungsstelle "Kein Kind zurücklassen!"'),
)  # fmt: skip
facts(
    "002",
    "institution:isa",
    ("name", "Institut für Soziale Arbeit e.V.", "des Instituts für Soziale Arbeit e.V. (ISA)"),
    ("text", "Seit 2012 Träger der Landeskoordinierungsstelle", ISA_LKS),
)  # fmt: skip

# 21st meeting
A21 = "article:21-lernnetzwerktreffen-die-praeventionsketten-sind-laenger-geworden"
M21 = "meeting:21-lernnetzwerktreffen"
facts(
    "002",
    A21,
    ("title", "21. Lernnetzwerktreffen: „Die Präventionsketten sind länger geworden“",
     "21. Lernnetzwerktreffen: „Die Präventionsketten sind länger geworden“"),
    ("date", "29. November 2018", "am 29. Und 30. November 2018"),
    ("text", "am 29. Und 30. November 2018", "am 29. Und 30. November 2018"),
    ("text", "seit 2012 Träger der Landeskoordinierungsstelle", ISA_LKS),
    ("meeting", "21. Lernnetzwerktreffen", "Titel des 21. Lernnetzwerktreffens", M21),
    ("person", "Ilona Heuchel", "Ilona Heuchel, geschäftsführender Vorstand",
     "person:ilona-heuchel"),
    ("municipality", "Wuppertal", "Teilnehmer in Wuppertal", "municipality:wuppertal"),
    ("institution", "Institut für Soziale Arbeit e.V.", "des Instituts für Soziale Arbeit e.V.",
     "institution:isa"),
    ("institution", "Landeskoordinierungsstelle", "Auf Einladung der Landeskoordinierungsstelle",
     LKS),
)  # fmt: skip
facts(
    "002",
    M21,
    ("number", "21. Lernnetzwerktreffen", "des 21. Lernnetzwerktreffens"),
    ("title", "Bedingungen gelingenden Aufwachsens", "„Bedingungen gelingenden Aufwachsens“ war"),
    ("motto", "Die Präventionsketten sind länger geworden",
     "„Die Präventionsketten sind länger geworden“"),
    ("date", "29. und 30. November 2018", "am 29. Und 30. November 2018"),
    ("place", "Wuppertal", "Teilnehmer in Wuppertal"),
    ("participants", "ca. 70", "die ca. 70 Teilnehmerinnen und Teilnehmer"),
    ("municipalities", "40", "der 40 Projektkommunen"),
    ("topic", "Erfahrungen aus den bisherigen Förderphasen des Modellprojektes",
     "Erfahrungen aus den bisherigen Förderphasen des Modellprojektes"),
    ("organiser", "Landeskoordinierungsstelle Kommunale Präventionsketten NRW",
     "Auf Einladung der Landeskoordinierungsstelle", LKS),
    ("programme", "Kommunale Präventionsketten NRW",
     "des Landesprogramms „Kommunale Präventionsketten NRW“", KPK),
    ("person", "Ilona Heuchel", "begrüßte die ca. 70 Teilnehmerinnen und Teilnehmer",
     "person:ilona-heuchel"),
)  # fmt: skip
facts(
    "002",
    "person:ilona-heuchel",
    ("mentioned", "November 2018", "am 29. Und 30. November 2018"),
)
facts("002", "municipality:wuppertal", ("name", "Wuppertal", "in Wuppertal"))

# Frühjahrsakademie 2018
AFA = "article:fruehjahrsakademie-2018-wir-brauchen-daten-und-taten"
MFA = "meeting:fruehjahrsakademie-2018"
FA_NOTE = {"note": "„Frühjahrsakademie 2018“: spring, so the first half of 2018; no day"}
facts(
    "002",
    AFA,
    ("title", "Frühjahrsakademie 2018: „Wir brauchen Daten und Taten“",
     "Frühjahrsakademie 2018: „Wir brauchen Daten und Taten“"),
    ("date", "1. Halbjahr 2018", "Frühjahrsakademie 2018", FA_NOTE),
    ("text", "der Frühjahrsakademie 2018", "der Frühjahrsakademie 2018"),
    ("meeting", "Frühjahrsakademie", "Frühjahrsakademie 2018", MFA),
    ("person", "Ralf Güldenzopf", "So begrüßte Ralf Güldenzopf", "person:ralf-gueldenzopf"),
    ("municipality", "Oberhausen", "in der Stadt Oberhausen", "municipality:oberhausen"),
    ("institution", "Koordinationsstelle Kinderarmut", "„Koordinationstelle Kinderarmut“",
     "institution:lvr-koordinationsstelle-kinderarmut"),
    ("institution", "LVR-Landesjugendamt Rheinland", "LVR-Landesjugendamt Rheinland (LVR)",
     "institution:lvr-landesjugendamt"),
    ("institution", "Landeskoordinierungsstelle",
     "zusammen mit der Landeskoordinierungsstelle „Kommunale Präventionsketten NRW “", LKS),
    ("institution", "Institut für soziale Arbeit e.V.", "Instituts für soziale Arbeit e.V. (ISA)",
     "institution:isa"),
)  # fmt: skip
facts(
    "002",
    MFA,
    ("number", "5. Frühjahrsakademie", "Zum fünften Mal lud"),
    ("title", "Stadtentwicklung und Sozialpolitik im Blick der Präventionskette",
     "„Stadtentwicklung und Sozialpolitik im Blick der Präventionskette“"),
    ("motto", "Wir brauchen Daten und Taten", "„Wir brauchen Daten und Taten“"),
    ("date", "1. Halbjahr 2018", "Frühjahrsakademie 2018", FA_NOTE),
    ("place", "Oberhausen", "in der Stadt Oberhausen"),
    ("participants", "etwa 70", "die etwa 70 Teilnehmer"),
    ("topic", "die das Kind in den Mittelpunkt stellte", "die das Kind in den Mittelpunkt stellte"),
    ("host", "Oberhausen", "in der Stadt Oberhausen die etwa 70 Teilnehmer", "municipality:oberhausen"),
    ("organiser", "Koordinationsstelle Kinderarmut", "lud die „Koordinationstelle Kinderarmut“",
     "institution:lvr-koordinationsstelle-kinderarmut"),
    ("organiser", "Landeskoordinierungsstelle Kommunale Präventionsketten NRW",
     "zusammen mit der Landeskoordinierungsstelle", LKS),
    ("person", "Ralf Güldenzopf", "So begrüßte Ralf Güldenzopf", "person:ralf-gueldenzopf"),
)  # fmt: skip
facts(
    "002",
    "person:ralf-gueldenzopf",
    ("name", "Ralf Güldenzopf", "Ralf Güldenzopf"),
    ("role", "Dezernent für Strategische Planung",
     "Derzernent für Strategische Planung in der Stadt Oberhausen",
     {"note": "the text's typo „Derzernent“ is corrected in the role (the article keeps it)"}),
    ("organisation", "Oberhausen", "in der Stadt Oberhausen", "municipality:oberhausen"),
    ("mentioned", "1. Halbjahr 2018", "der Frühjahrsakademie 2018", FA_NOTE),
)  # fmt: skip
facts(
    "002",
    "institution:lvr-koordinationsstelle-kinderarmut",
    ("name", "Koordinationsstelle Kinderarmut", "„Koordinationstelle Kinderarmut“",
     {"note": "the text's typo „Koordinationstelle“ is corrected in the name"}),
    ("parent", "LVR-Landesjugendamt Rheinland (LVR)",
     "„Koordinationstelle Kinderarmut“ vom LVR-Landesjugendamt Rheinland (LVR)",
     "institution:lvr-landesjugendamt"),
)  # fmt: skip
facts(
    "002",
    "institution:lvr-landesjugendamt",
    ("name", "LVR-Landesjugendamt Rheinland", "LVR-Landesjugendamt Rheinland (LVR)"),
)
facts("002", "municipality:oberhausen", ("name", "Oberhausen", "in der Stadt Oberhausen"))

# 20th meeting
A20 = "article:20-lernnetzwerktreffen-arbeits-und-sozialverwaltung"
M20 = "meeting:20-lernnetzwerktreffen"
T20 = "Arbeits- und Sozialverwaltung als Teil der kommunalen Präventionskette"
facts(
    "002",
    A20,
    ("title", f"20. Lernnetzwerktreffen: {T20}", f"20. Lernnetzwerktreffen: {T20}"),
    ("date", "4. September 2018", "am 04.09.2018"),
    ("text", "am 04.09.2018", "Bei diesem Lernnetzwerktreffen am 04.09.2018"),
    ("meeting", "20. Lernnetzwerktreffen", "20. Lernnetzwerktreffen:", M20),
)
facts(
    "002",
    M20,
    ("number", "20. Lernnetzwerktreffen", "20. Lernnetzwerktreffen:"),
    ("title", T20, T20),
    ("date", "4. September 2018", "am 04.09.2018"),
    ("topic", "Integration von Arbeits- und Sozialverwaltung",
     "das Thema der Integration von Arbeits- und Sozialverwaltung"),
    ("organiser", "Landeskoordinierungsstelle Kommunale Präventionsketten NRW", ISA_LKS, LKS),
    ("programme", "Kommunale Präventionsketten NRW",
     'des Projektes "Kommunale Präventionsketten NRW"', KPK),
)  # fmt: skip

# 19th meeting
A19 = "article:19-lernnetzwerktreffen-sind-sie-bereit-partizipativ-zu-arbeiten"
M19 = "meeting:19-lernnetzwerktreffen"
facts(
    "002",
    A19,
    ("title", "19. Lernnetzwerktreffen: „Sind Sie bereit partizipativ zu arbeiten?“",
     '19. Lernnetzwerktreffen: "Sind Sie bereit partizipativ zu arbeiten?"'),
    ("date", "7. März 2018", "am 07.03.2018"),
    ("text", "am 07.03.2018", "Das 19. Lernnetzwerktreffen am 07.03.2018"),
    ("meeting", "19. Lernnetzwerktreffen", "Das 19. Lernnetzwerktreffen", M19),
    ("person", "Ilona Heuchel", "Ilona Heuchel, geschäftsführender Vorstand des ISA e.V.",
     "person:ilona-heuchel"),
    ("person", "Andreas Bothe", "Staatssekretär Bothe:", "person:andreas-bothe"),
    ("institution", "ISA", "geschäftsführender Vorstand des ISA e.V.", "institution:isa"),
)  # fmt: skip
facts(
    "002",
    M19,
    ("number", "19. Lernnetzwerktreffen", "Das 19. Lernnetzwerktreffen"),
    ("title", "Sind Sie bereit partizipativ zu arbeiten?", '"Sind Sie bereit partizipativ zu arbeiten?"'),
    ("motto", "Partizipation", 'stand unter dem Motto "Partizipation"'),
    ("date", "7. März 2018", "am 07.03.2018"),
    ("topic", "Top-Down-Strategien", "implementierten Top-Down-Strategien"),
    ("organiser", "Landeskoordinierungsstelle Kommunale Präventionsketten NRW", ISA_LKS, LKS),
    ("programme", "Kommunale Präventionsketten NRW",
     'des Projektes "Kommunale Präventionsketten NRW"', KPK),
    ("person", "Ilona Heuchel", "moderierte das Lernnetzwerktreffen", "person:ilona-heuchel"),
    ("person", "Andreas Bothe", "Staatssekretär Bothe: Mehr finanzielle Mittel",
     "person:andreas-bothe"),
)  # fmt: skip
facts(
    "002",
    "person:andreas-bothe",
    ("mentioned", "März 2018", "Das 19. Lernnetzwerktreffen am 07.03.2018"),
)

# 18th meeting (the ISA's report; Ahlen's teaser in 003 below)
A18 = "article:18-lernnetzwerktreffen-das-bundespraeventionsgesetz-als-chance"
M18 = "meeting:18-lernnetzwerktreffen"
facts(
    "002",
    A18,
    ("title", "18. Lernnetzwerktreffen: Das Bundespräventionsgesetz als Chance",
     "18. Lernnetzwerktreffen: Das Bundespräventionsgesetz als Chance"),
    ("date", "29. November 2017", "am 29. November 2017"),
    ("text", "am 29. November 2017", "am 29. November 2017 auf Einladung"),
    ("meeting", "18. Lernnetzwerktreffen", "Zum 18. Lernnetzwerktreffen", M18),
    ("person", "Dr. Annette Frenzke-Kulbach", "Dr. Annette Frenzke-Kulbach, Fachbereichsleiterin",
     "person:annette-frenzke-kulbach"),
    ("municipality", "Herne", "Landeskoordinierungsstelle in Herne", "municipality:herne"),
    ("institution", "Landeskoordinierungsstelle", "auf Einladung der Landeskoordinierungsstelle",
     LKS),
    ("institution", "Fachbereich Kinder-Jugend-Familie der Stadt Herne",
     "Fachbereichsleiterin Kinder-Jugend-Familie", "institution:herne-fachbereich-kinder-jugend-familie"),
)  # fmt: skip
facts(
    "002",
    M18,
    ("number", "18. Lernnetzwerktreffen", "18. Lernnetzwerktreffen: Das"),
    ("title", "Das Bundespräventionsgesetz als Chance", "Das Bundespräventionsgesetz als Chance"),
    ("date", "29. November 2017", "am 29. November 2017"),
    ("place", "Herne", "auf Einladung der Landeskoordinierungsstelle in Herne"),
    ("municipalities", "40", "der 40 teilnehmenden Kommunen"),
    ("topic", "Das Bundespräventionsgesetz als Gestaltungswerkzeug",
     "dem Bundespräventionsgesetz als Gestaltungswerkzeug"),
    ("host", "Herne", "der in Herne auf die Präventionsarbeit gelegt werde", "municipality:herne"),
    ("organiser", "Landeskoordinierungsstelle Kommunale Präventionsketten NRW",
     "auf Einladung der Landeskoordinierungsstelle in Herne", LKS),
    ("programme", "Kommunale Präventionsketten NRW",
     'der Landesinitiative "Kommunale Präventionsketten NRW"', KPK),
    ("attending", "Herne", "der in Herne auf die Präventionsarbeit gelegt werde",
     "municipality:herne"),
    ("person", "Dr. Annette Frenzke-Kulbach", "Dr. Annette Frenzke-Kulbach",
     "person:annette-frenzke-kulbach"),
)  # fmt: skip
facts(
    "002",
    "person:annette-frenzke-kulbach",
    ("name", "Dr. Annette Frenzke-Kulbach", "Dr. Annette Frenzke-Kulbach"),
    ("role", "Fachbereichsleiterin Kinder-Jugend-Familie",
     "Fachbereichsleiterin Kinder-Jugend-Familie"),
    ("organisation", "Fachbereich Kinder-Jugend-Familie der Stadt Herne",
     "Fachbereichsleiterin Kinder-Jugend-Familie begrüßte",
     "institution:herne-fachbereich-kinder-jugend-familie"),
    ("mentioned", "29. November 2017", "am 29. November 2017"),
)  # fmt: skip
facts(
    "002",
    "institution:herne-fachbereich-kinder-jugend-familie",
    ("name", "Fachbereich Kinder-Jugend-Familie der Stadt Herne",
     "Fachbereichsleiterin Kinder-Jugend-Familie begrüßte"),
    ("municipality", "Herne", "der in Herne auf die Präventionsarbeit", "municipality:herne"),
)  # fmt: skip
facts("002", "municipality:herne", ("name", "Herne", "in Herne"))

# 17th meeting (the ISA's teaser; Ahlen's report is 001)
A17 = "article:17-lernnetzwerktreffen-wir-wollen-die-praevention-staerken"
facts(
    "002",
    A17,
    ("title", "17. Lernnetzwerktreffen: „Wir wollen die Prävention stärken!“",
     '17. Lernnetzwerktreffen: "Wir wollen die Prävention stärken!"'),
    ("date", "13. September 2017", "Am Mittwoch, den 13.09.2017"),
    ("text", "Am Mittwoch, den 13.09.2017", "Am Mittwoch, den 13.09.2017"),
    ("text", "Mitte Juli", "Dementsprechend positiv nahmen Mitte Juli alle Beteiligten"),
    ("text", "zunächst bis Ende 2018 fortgeführt", "zunächst bis Ende 2018 fortgeführt"),
    ("meeting", "17. Lernnetzwerktreffen", "zum nunmehr 17. „Lernnetzwerktreffen“", M17),
    ("person", "Ilona Heuchel", "Ilona Heuchel, geschäftsführender Vorstand",
     "person:ilona-heuchel"),
    ("institution", "Institut für Soziale Arbeit", "des Instituts für Soziale Arbeit (ISA)",
     "institution:isa"),
)  # fmt: skip
facts(
    "002",
    M17,
    ("title", "Wir wollen die Prävention stärken!", '"Wir wollen die Prävention stärken!"'),
    ("date", "13. September 2017", "Am Mittwoch, den 13.09.2017"),
    ("municipalities", "40", "der 40 Programmkommunen"),
    ("organiser", "Landeskoordinierungsstelle Kommunale Präventionsketten NRW", ISA_LKS, LKS),
)  # fmt: skip

# 16th meeting
A16 = "article:16-lernnetzwerktreffen-das-erste-mit-den-neuen-kommunen"
M16 = "meeting:16-lernnetzwerktreffen"
T16 = "Das erste Lernnetzwerktreffen mit den neuen Kommunen"
facts(
    "002",
    A16,
    ("title", f"16. Lernnetzwerktreffen: {T16}", f"16. Lernnetzwerktreffen: {T16}"),
    ("date", "3. April 2017", "am 3. April 2017"),
    ("text", "am 3. April 2017", "am 3. April 2017 im Wissenschaftspark"),
    ("text", "Routinen verändern und über Ressortgrenzen hinausdenken",
     '"Routinen verändern und über Ressortgrenzen hinausdenken"'),
    ("meeting", "16. Lernnetzwerktreffen", "16. Lernnetzwerktreffen:", M16),
    ("person", "Bernd Neuendorf", "Familienstaatssekretär Bernd Neuendorf",
     "person:bernd-neuendorf"),
    ("municipality", "Gelsenkirchen", "im Wissenschaftspark Gelsenkirchen",
     "municipality:gelsenkirchen"),
)  # fmt: skip
facts(
    "002",
    M16,
    ("number", "16. Lernnetzwerktreffen", "16. Lernnetzwerktreffen:"),
    ("title", T16, T16),
    ("motto", "Das Lernnetzwerk wächst (zusammen)", '"Das Lernnetzwerk wächst (zusammen)"'),
    ("date", "3. April 2017", "am 3. April 2017"),
    ("place", "Wissenschaftspark, Gelsenkirchen", "im Wissenschaftspark Gelsenkirchen"),
    ("municipalities", "40", "der nun insgesamt 40 neuen und alten Kommunen"),
    ("topic", "Das erste gemeinsame Lernnetzwerktreffen",
     "das erste gemeinsame Lernnetzwerktreffen der nun insgesamt 40"),
    ("organiser", "Landeskoordinierungsstelle Kommunale Präventionsketten NRW", ISA_LKS, LKS),
    ("programme", "Kommunale Präventionsketten NRW",
     'der Landesinitiative "Kein Kind zurücklassen! Für ganz Nordrhein-Westfalen"', KPK,
     {"note": "the statewide initiative under its first name (the programme's description)"}),
    ("person", "Bernd Neuendorf", "Familienstaatssekretär Bernd Neuendorf begrüßte",
     "person:bernd-neuendorf"),
)  # fmt: skip
facts(
    "002",
    "person:bernd-neuendorf",
    ("name", "Bernd Neuendorf", "Bernd Neuendorf"),
    ("role", "Familienstaatssekretär", "Familienstaatssekretär Bernd Neuendorf"),
    ("mentioned", "3. April 2017", "am 3. April 2017"),
)
facts("002", "municipality:gelsenkirchen", ("name", "Gelsenkirchen", "in Gelsenkirchen"))

# 15th meeting
A15 = "article:15-lernnetzwerktreffen-in-gelsenkirchen"
M15 = "meeting:15-lernnetzwerktreffen"
T15 = "Armutssensibilität, Gesundheit, Zugänge zu Leistungen und Einbezug der Schule"
facts(
    "002",
    A15,
    ("title", "15. Lernnetzwerktreffen in Gelsenkirchen", "15. Lernnetzwerktreffen in Gelsenkirchen"),
    ("date", "24. November 2016", "am 24. November 2016"),
    ("text", "am 24. November 2016", "das Lernnetzwerktreffen am 24. November 2016"),
    ("meeting", "15. Lernnetzwerktreffen", "15. Lernnetzwerktreffen in Gelsenkirchen", M15),
    ("municipality", "Gelsenkirchen", "am 24. November 2016 in Gelsenkirchen",
     "municipality:gelsenkirchen"),
)  # fmt: skip
facts(
    "002",
    M15,
    ("number", "15. Lernnetzwerktreffen", "15. Lernnetzwerktreffen in Gelsenkirchen"),
    ("date", "24. November 2016", "am 24. November 2016"),
    ("place", "Gelsenkirchen", "am 24. November 2016 in Gelsenkirchen"),
    ("topic", T15, T15),
    ("organiser", "Landeskoordinierungsstelle Kommunale Präventionsketten NRW", ISA_LKS, LKS),
    ("programme", "Kein Kind zurücklassen!",
     "während der landesweiten Umsetzung von „Kein Kind zurücklassen!", KEKIZ),
)  # fmt: skip

# 14th meeting
A14 = "article:14-lernnetzwerktreffen-gemeinsam-besser-werden"
M14 = "meeting:14-lernnetzwerktreffen"
GUESS14 = {"note": "no date: „nach vier Jahren Zusammenarbeit“ since 2012, marked as inferred"}
facts(
    "002",
    A14,
    ("title", "14. Lernnetzwerktreffen: „Gemeinsam besser werden“",
     '14. Lernnetzwerktreffen: "Gemeinsam besser werden"'),
    ("date", "vermutlich 2016", "nach vier Jahren Zusammenarbeit", GUESS14),
    ("meeting", "14. Lernnetzwerktreffen", "Im 14. Lernnetzwerktreffen", M14),
    ("person", "Ilona Heuchel", "resümierte Ilona Heuchel", "person:ilona-heuchel"),
    ("institution", "Institut für soziale Arbeit", "Geschäftsführerin des Instituts für soziale Arbeit",
     "institution:isa"),
    ("institution", "Landeskoordinierungsstelle",
     'Träger der Landeskoordinierungsstelle "Kein Kind zurücklassen!"', LKS),
)  # fmt: skip
facts(
    "002",
    M14,
    ("number", "14. Lernnetzwerktreffen", "Im 14. Lernnetzwerktreffen"),
    ("title", "Gemeinsam besser werden", '"Gemeinsam besser werden"'),
    ("date", "vermutlich 2016", "nach vier Jahren Zusammenarbeit", GUESS14),
    ("municipalities", "18", "diskutierten die 18 Modellkommunen"),
    ("topic", "Weiterentwicklung ihrer Präventionsketten",
     "über die Weiterentwicklung ihrer Präventionsketten"),
    ("organiser", "Landeskoordinierungsstelle Kommunale Präventionsketten NRW",
     'Träger der Landeskoordinierungsstelle "Kein Kind zurücklassen!"', LKS),
    ("programme", "Kein Kind zurücklassen!",
     'Träger der Landeskoordinierungsstelle "Kein Kind zurücklassen!"', KEKIZ),
    ("person", "Ilona Heuchel", "resümierte Ilona Heuchel", "person:ilona-heuchel"),
)  # fmt: skip

# 13th meeting
A13 = "article:13-lernnetzwerktreffen-es-gibt-viel-zu-tun"
M13 = "meeting:13-lernnetzwerktreffen"
GUESS13 = {"note": "no date: between the 11th (3.3.2015) and the 15th, marked as inferred"}
MFKJKS = "Ministerium für Familie, Kinder, Jugend, Kultur und Sport"
facts(
    "002",
    A13,
    ("title", "13. Lernnetzwerktreffen: „Es gibt viel zu tun“",
     '13. Lernnetzwerktreffen: "Es gibt viel zu tun"'),
    ("date", "vermutlich 2015", "beim 13. Lernnetzwerktreffen", GUESS13),
    ("meeting", "13. Lernnetzwerktreffen", "beim 13. Lernnetzwerktreffen", M13),
    ("person", "Marco Becker", "sagte Marco Becker", "person:marco-becker"),
    ("institution", MFKJKS, f"vom {MFKJKS} (MFKJKS)", "institution:mfkjks"),
)  # fmt: skip
facts(
    "002",
    M13,
    ("number", "13. Lernnetzwerktreffen", "beim 13. Lernnetzwerktreffen"),
    ("title", "Es gibt viel zu tun", '"Es gibt viel zu tun"'),
    ("date", "vermutlich 2015", "beim 13. Lernnetzwerktreffen", GUESS13),
    ("municipalities", "18", "die Partner aus den 18 Modellkommunen"),
    ("topic", "breit gefächerten Themengebieten", "Zu breit gefächerten Themengebieten"),
    ("organiser", "Landeskoordinierungsstelle Kommunale Präventionsketten NRW", ISA_LKS, LKS),
    ("programme", "Kein Kind zurücklassen!", 'Modellkommunen von "Kein Kind zurücklassen!"', KEKIZ),
    ("person", "Marco Becker", "in seiner Begrüßungsrede", "person:marco-becker"),
)  # fmt: skip
facts(
    "002",
    "person:marco-becker",
    ("name", "Marco Becker", "Marco Becker"),
    ("role", MFKJKS, f"Marco Becker vom {MFKJKS}"),
    ("organisation", MFKJKS, f"Marco Becker vom {MFKJKS}", "institution:mfkjks"),
    ("mentioned", "vermutlich 2015", "beim 13. Lernnetzwerktreffen"),
)  # fmt: skip
facts(
    "002",
    "institution:mfkjks",
    ("name", MFKJKS, MFKJKS),
    ("short_name", "MFKJKS", f"{MFKJKS} (MFKJKS)"),
)

# 11th meeting
A11 = "article:11-lernnetzwerktreffen-wir-wollen-alle-an-einem-strang-ziehen"
M11 = "meeting:11-lernnetzwerktreffen"
facts(
    "002",
    A11,
    ("title", "11. Lernnetzwerktreffen: „Wir wollen alle an einem Strang ziehen“",
     '11. Lernnetzwerktreffen: "Wir wollen alle an einem Strang ziehen"'),
    ("date", "3. März 2015", "am 3. März 2015"),
    ("text", "am 3. März 2015", "beim 11. Lernnetzwerktreffen am 3. März 2015 in Unna"),
    ("meeting", "11. Lernnetzwerktreffen", "beim 11. Lernnetzwerktreffen", M11),
    ("person", "Elke Middendorf", "eröffnete Elke Middendorf", "person:elke-middendorf"),
    ("municipality", "Unna", "am 3. März 2015 in Unna", "municipality:unna"),
    ("municipality", "Kreis Unna", "Landrätin des Kreises Unna", "municipality:kreis-unna"),
)  # fmt: skip
facts(
    "002",
    M11,
    ("number", "11. Lernnetzwerktreffen", "beim 11. Lernnetzwerktreffen"),
    ("title", "Wir wollen alle an einem Strang ziehen", '"Wir wollen alle an einem Strang ziehen"'),
    ("date", "3. März 2015", "am 3. März 2015"),
    ("place", "Unna", "am 3. März 2015 in Unna"),
    ("municipalities", "18", "Die 18 Modellkommunen stellten Lücken"),
    ("topic", "Lücken in ihrer Präventionskette", "stellten Lücken in ihrer Präventionskette vor"),
    ("host", "Kreis Unna", "stellvertretende Landrätin des Kreises Unna das 11.",
     "municipality:kreis-unna"),
    ("organiser", "Landeskoordinierungsstelle Kommunale Präventionsketten NRW", ISA_LKS, LKS),
    ("programme", "Kein Kind zurücklassen!", "in der Projektzeit von „Kein Kind zurücklassen!“",
     KEKIZ),
    ("person", "Elke Middendorf", "eröffnete Elke Middendorf", "person:elke-middendorf"),
)  # fmt: skip
facts(
    "002",
    "person:elke-middendorf",
    ("name", "Elke Middendorf", "Elke Middendorf"),
    ("role", "stellvertretende Landrätin des Kreises Unna",
     "stellvertretende Landrätin des Kreises Unna"),
    ("organisation", "Kreis Unna", "Landrätin des Kreises Unna", "municipality:kreis-unna"),
    ("mentioned", "3. März 2015", "am 3. März 2015"),
)  # fmt: skip
facts("002", "municipality:unna", ("name", "Unna", "in Unna"))
facts(
    "002",
    "municipality:kreis-unna",
    ("name", "Kreis Unna", "des Kreises Unna"),
    ("kind", "Kreis", "Landrätin des Kreises Unna"),
)

# 10th meeting
A10 = "article:10-lernnetzwerktreffen-die-uebertragung-guter-praxis-erleichtern"
M10 = "meeting:10-lernnetzwerktreffen"
T10 = "Die Übertragung Guter Praxis erleichtern"
GUESS10 = {"note": "„am 4. Dezember“ without a year; before the 11th (3.3.2015): inferred"}
facts(
    "002",
    A10,
    ("title", f"10. Lernnetzwerktreffen: {T10}", f"10. Lernnetzwerktreffen: {T10}"),
    ("date", "vermutlich 4. Dezember 2014", "am 4. Dezember in Dortmund", GUESS10),
    ("meeting", "10. Lernnetzwerktreffen", "Beim 10. Lernnetzwerktreffen in Dortmund", M10),
    ("municipality", "Dortmund", "Beim 10. Lernnetzwerktreffen in Dortmund",
     "municipality:dortmund"),
)  # fmt: skip
facts(
    "002",
    M10,
    ("number", "10. Lernnetzwerktreffen", "Beim 10. Lernnetzwerktreffen"),
    ("title", T10, T10),
    ("date", "vermutlich 4. Dezember 2014", "am 4. Dezember in Dortmund", GUESS10),
    ("place", "Dortmund", "am 4. Dezember in Dortmund"),
    ("municipalities", "18", '18 Modellkommunen nehmen bei "Kein Kind zurücklassen!" teil'),
    ("topic", "Online-Tool und erste Ansätze eines Kontextmodells",
     "ein Online-Tool und erste Ansätze eines Kontextmodells"),
    ("organiser", "Landeskoordinierungsstelle Kommunale Präventionsketten NRW", ISA_LKS, LKS),
    ("programme", "Kein Kind zurücklassen!", 'nehmen bei "Kein Kind zurücklassen!" teil', KEKIZ),
)  # fmt: skip
facts("002", "municipality:dortmund", ("name", "Dortmund", "in Dortmund"))

# --- 003: Stadt Ahlen, overview page "2. Halbjahr 2017" (ten teasers) -------------------------

H2 = {"note": "the year from the page's title „2. Halbjahr 2017“"}
AB18 = "article:bundespraeventionsgesetz-kommunale-gesamtstrategie"
facts(
    "003",
    AB18,
    ("title", "Das Bundespräventionsgesetz mit Hinblick auf eine kommunale Gesamtstrategie „Prävention“",
     "Bundespräventionsgesetz mit Hinblick auf eine kommunale Gesamtstrategie „Prävention“"),
    ("date", "29. November 2017", "am 29. November auf Einladung", H2),
    ("meeting", "18. Lernnetzwerktreffen", "Zum 18. Lernnetzwerktreffen", M18),
    ("municipality", "Herne", "der Landeskoordinierungsstelle in Herne", "municipality:herne"),
    ("municipality", "Ahlen", "Ein wichtiges Anliegen für Ahlen", "municipality:ahlen"),
    ("institution", "Landeskoordinierungsstelle", "auf Einladung der Landeskoordinierungsstelle",
     LKS),
    ("institution", "Fachbereich Jugend, Soziales und Integration",
     "der Fachbereich Jugend, Soziales und Integration hat",
     "institution:ahlen-fachbereich-jugend-soziales-integration"),
)  # fmt: skip
facts(
    "003",
    M18,
    ("attending", "Ahlen", "Ein wichtiges Anliegen für Ahlen", "municipality:ahlen"),
)
facts(
    "003",
    "article:ahlener-praeventionswoche",
    ("title", "Die Ahlener Präventionswoche zeigt die Vielfalt der Angebote",
     "Die Ahlener Präventionswoche zeigt die beeindruckende Vielfalt an Veranstaltungen"),
    ("date", "November 2017", "Im Rahmen der Präventionswoche fand am 14. November",
     {"note": "the week's events are on 14, 16 and 17 November; the teaser gives no day"}),
    ("municipality", "Ahlen", "in Ahlen und für Ahlen", "municipality:ahlen"),
)  # fmt: skip
AST = "article:stadtfuehrung-besonderer-art-fuer-lehrkraefte"
MST = "meeting:stadtfuehrung-lehrkraefte-2017-11-14"
facts(
    "003",
    AST,
    ("title", "Stadtführung besonderer Art für Lehrkräfte", "eine Stadtführung besonderer Art statt"),
    ("date", "14. November 2017", "am 14. November eine Stadtführung", H2),
    ("meeting", "Stadtführung besonderer Art für Lehrkräfte", "eine Stadtführung besonderer Art", MST),
    ("municipality", "Ahlen", "Lehrkräfte aus Ahlener Schulen", "municipality:ahlen"),
)  # fmt: skip
facts(
    "003",
    MST,
    ("title", "Stadtführung besonderer Art für Lehrkräfte", "eine Stadtführung besonderer Art statt"),
    ("date", "14. November 2017", "am 14. November eine Stadtführung", H2),
    ("place", "Ahlen", "Lehrkräfte aus Ahlener Schulen"),
    ("participants", "fast 25", "Fast 25 Fachkräfte aus vier Schulen"),
    ("topic", "sozialen Strukturen", "vor allem ihre sozialen Strukturen"),
    ("host", "Ahlen", "die ortsfremden, einpendelnden Lehrkräfte aus Ahlener Schulen",
     "municipality:ahlen"),
)  # fmt: skip
AAN = "article:beteiligungsaktion-ahlen-neu-denken"
MAN = "meeting:ahlen-neu-denken-2017-11-16"
facts(
    "003",
    AAN,
    ("title", "Beteiligungsaktion „Ahlen neu denken!“", "der Beteiligungsaktion „Ahlen neu denken!“"),
    ("date", "16. November 2017", "am 16. November im Rahmen", H2),
    ("meeting", "Ahlen neu denken!", "„Ahlen neu denken!“", MAN),
    ("municipality", "Ahlen", "Zukunftsvisionen für und in Ahlen", "municipality:ahlen"),
)  # fmt: skip
facts(
    "003",
    MAN,
    ("title", "Ahlen neu denken!", "„Ahlen neu denken!“"),
    ("date", "16. November 2017", "am 16. November im Rahmen", H2),
    ("place", "Ahlen", "Zukunftsvisionen für und in Ahlen"),
    ("topic", "Zweistündige Beteiligungsaktion mit Jugendlichen",
     "Die zweistündige Veranstaltung fand am 16. November"),
    ("host", "Ahlen", "im Rahmen der Ahlener Präventionswoche statt", "municipality:ahlen"),
)  # fmt: skip
AFK = "article:erste-fachkonferenz-der-sozialen-arbeit-in-ahlen"
MFK = "meeting:fachkonferenz-soziale-arbeit-ahlen-1"
FB = "institution:ahlen-fachbereich-jugend-soziales-integration"
facts(
    "003",
    AFK,
    ("title", "Erste Fachkonferenz der sozialen Arbeit in Ahlen",
     "die erste Fachkonferenz der sozialen Arbeit in Ahlen"),
    ("date", "17. November 2017", "Am 17. November im Rahmen", H2),
    ("meeting", "Fachkonferenz der sozialen Arbeit", "die erste Fachkonferenz", MFK),
    ("municipality", "Ahlen", "die in Ahlen aktiv sind", "municipality:ahlen"),
    ("institution", "Fachbereich Jugend, Soziales und Integration",
     "organisierte der Fachbereich Jugend, Soziales und Integration", FB),
)  # fmt: skip
facts(
    "003",
    MFK,
    ("title", "Fachkonferenz der sozialen Arbeit", "die erste Fachkonferenz der sozialen Arbeit"),
    ("date", "17. November 2017", "Am 17. November im Rahmen", H2),
    ("place", "Sitzungssaal des Rathauses, Ahlen", "im Sitzungssaal des Rathauses Platz"),
    ("participants", "fast 50", "Fast 50 Teilnehmende"),
    ("topic", "Die erste Fachkonferenz der sozialen Arbeit in Ahlen",
     "die erste Fachkonferenz der sozialen Arbeit in Ahlen"),
    ("host", "Ahlen", "der sozialen Arbeit in Ahlen", "municipality:ahlen"),
    ("organiser", "Fachbereich Jugend, Soziales und Integration der Stadt Ahlen",
     "organisierte der Fachbereich Jugend, Soziales und Integration", FB),
)  # fmt: skip
AAU = "article:austausch-mit-40-kommunen-in-duesseldorf"
MAU = "meeting:austausch-ministerium-2017-11-09"
MKFFI = "Ministerium für Kinder, Familie, Flüchtlinge und Integration"
facts(
    "003",
    AAU,
    ("title", "Austausch mit 40 Kommunen auf Einladung des Ministeriums",
     "Auf Einladung des Ministeriums für Kinder, Familie, Flüchtlinge und Integration fand"),
    ("date", "9. November 2017", "am 9. November ein Austausch", H2),
    ("meeting", "Austausch mit 40 nordrhein-westfälischen Kommunen", "ein Austausch mit", MAU),
    ("person", "Ursula Woltering", "Auch Ursula Woltering", "person:ursula-woltering"),
    ("person", "Marina Bänke", "und Marina Bänke, kommunale Koordinatorin", "person:marina-baenke"),
    ("municipality", "Ahlen", "Integration der Stadt Ahlen", "municipality:ahlen"),
    ("institution", MKFFI, f"Auf Einladung des {MKFFI.replace('Ministerium', 'Ministeriums')}",
     "institution:mkffi"),
    ("institution", "Fachbereich Jugend, Soziales und Integration",
     "die Fachbereichsleitung Jugend, Soziales und Integration der Stadt Ahlen", FB),
)  # fmt: skip
facts(
    "003",
    MAU,
    ("title", "Austausch mit 40 nordrhein-westfälischen Kommunen",
     "Austausch mit Vertreterinnen und Vertretern aus 40 nordrhein-westfälischen Kommunen"),
    ("date", "9. November 2017", "am 9. November ein Austausch", H2),
    ("place", "Düsseldorf", "machten sich auf den Weg nach Düsseldorf"),
    ("municipalities", "40", "aus 40 nordrhein-westfälischen Kommunen"),
    ("organiser", MKFFI, "Auf Einladung des Ministeriums für Kinder, Familie", "institution:mkffi"),
    ("attending", "Ahlen", "der Stadt Ahlen, und Marina Bänke", "municipality:ahlen"),
    ("person", "Ursula Woltering", "Auch Ursula Woltering", "person:ursula-woltering"),
    ("person", "Marina Bänke", "und Marina Bänke, kommunale Koordinatorin", "person:marina-baenke"),
)  # fmt: skip
facts(
    "003",
    "person:ursula-woltering",
    ("name", "Ursula Woltering", "Ursula Woltering"),
    ("role", "Fachbereichsleitung Jugend, Soziales und Integration",
     "die Fachbereichsleitung Jugend, Soziales und Integration der Stadt Ahlen"),
    ("organisation", "Fachbereich Jugend, Soziales und Integration der Stadt Ahlen",
     "Fachbereichsleitung Jugend, Soziales und Integration der Stadt Ahlen", FB),
    ("mentioned", "9. November 2017", "am 9. November ein Austausch", H2),
)  # fmt: skip
facts(
    "003",
    "person:marina-baenke",
    ("mentioned", "9. November 2017", "am 9. November ein Austausch", H2),
)
facts(
    "003",
    "institution:mkffi",
    ("name", MKFFI, "des Ministeriums für Kinder, Familie, Flüchtlinge und Integration"),
)
facts(
    "003",
    FB,
    ("name", "Fachbereich Jugend, Soziales und Integration der Stadt Ahlen",
     "Fachbereichsleitung Jugend, Soziales und Integration der Stadt Ahlen"),
    ("municipality", "Ahlen", "Jugend, Soziales und Integration der Stadt Ahlen",
     "municipality:ahlen"),
)  # fmt: skip
facts(
    "003",
    "article:projektmanagementteam-bereitet-arbeitsgruppen-vor",
    ("title", "Projektmanagementteam bereitet die Arbeitsgruppen vor",
     "Das verwaltungsinterne Projektmanagementteam nutzte aktiv die Sommerzeit"),
    ("date", "2. Halbjahr 2017", "2. Halbjahr 2017"),
    ("municipality", "Ahlen", "Institutionen in Ahlen", "municipality:ahlen"),
)  # fmt: skip
ASG = "article:steuerungsgruppe-nach-der-sommerpause"
facts(
    "003",
    ASG,
    ("title", "Steuerungsgruppe tagt nach der Sommerpause",
     "Nach der Sommerpause trafen sich erneut die Mitglieder der Steuerungsgruppe"),
    ("date", "2. Halbjahr 2017", "2. Halbjahr 2017"),
    ("meeting", "Zweite Sitzung der Steuerungsgruppe", "ihre zweite und dritte gemeinsame Sitzung",
     "meeting:steuerungsgruppe-ahlen-2"),
    ("meeting", "Dritte Sitzung der Steuerungsgruppe", "ihre zweite und dritte gemeinsame Sitzung",
     "meeting:steuerungsgruppe-ahlen-3"),
    ("person", "Dr. Alexander Berger", "den Bürgermeister Dr. Alexander Berger moderiert",
     "person:alexander-berger"),
    ("municipality", "Ahlen", "2. Halbjahr 2017", "municipality:ahlen",
     {"note": "Ahlen's own overview page"}),
)  # fmt: skip
for number, ordinal in ((2, "Zweite"), (3, "Dritte")):
    facts(
        "003",
        f"meeting:steuerungsgruppe-ahlen-{number}",
        ("title", f"{ordinal} Sitzung der Steuerungsgruppe",
         "hielten ihre zweite und dritte gemeinsame Sitzung ab"),
        ("date", "2. Halbjahr 2017", "2. Halbjahr 2017"),
        ("place", "Ahlen", "2. Halbjahr 2017", {"note": "Ahlen's own overview page"}),
        ("host", "Ahlen", "2. Halbjahr 2017", "municipality:ahlen"),
        ("person", "Dr. Alexander Berger", "Die Sitzungen werden durch den Bürgermeister Dr. Alexander Berger moderiert",
         "person:alexander-berger"),
    )  # fmt: skip
facts(
    "003",
    "person:alexander-berger",
    ("name", "Dr. Alexander Berger", "Bürgermeister Dr. Alexander Berger"),
    ("role", "Bürgermeister der Stadt Ahlen", "den Bürgermeister Dr. Alexander Berger"),
    ("organisation", "Ahlen", "den Bürgermeister Dr. Alexander Berger", "municipality:ahlen"),
    ("mentioned", "2017", "2. Halbjahr 2017"),
)  # fmt: skip
ASL = "article:schulleitungen-beschaeftigen-sich-mit-der-praeventionskette"
MSL = "meeting:schulleitungen-ahlen-2017-09-20"
facts(
    "003",
    ASL,
    ("title", "Schulleitungen beschäftigen sich mit der Präventionskette",
     "um sich konkret mit der Präventionskette zu beschäftigen"),
    ("date", "20. September 2017", "Am 20. September - knapp drei Wochen", H2),
    ("meeting", "Schulleitungen und Präventionskette", "nahmen sich die Schulleitungen zwei Stunden", MSL),
    ("municipality", "Ahlen", "Umsetzung der Ahlener Präventionskette", "municipality:ahlen"),
)  # fmt: skip
facts(
    "003",
    MSL,
    ("title", "Schulleitungen und Präventionskette", "nahmen sich die Schulleitungen zwei Stunden"),
    ("date", "20. September 2017", "Am 20. September - knapp drei Wochen", H2),
    ("place", "Familienbildungsstätte, Ahlen", "in den Räumen der Familienbildungsstätte statt"),
    ("topic", "das verwaltungsinterne Managementteam", "sowie das verwaltungsinterne Managementteam"),
    ("host", "Ahlen", "Umsetzung der Ahlener Präventionskette", "municipality:ahlen"),
)  # fmt: skip

# --- 004: Stadt Ahlen's blog: the Planungsworkshop (no date) ----------------------------------

APW = "article:planungsworkshop-praeventionskette"
MPW = "meeting:planungsworkshop-ahlen-2017"
GUESS_PW = {"note": "004 gives no date; inferred from 001–003 (new programme municipality 2017)"}
facts(
    "004",
    APW,
    ("title", "Planungsworkshop Präventionskette „Gemeinsam Verantwortung übernehmen“",
     "Planungsworkshop Präventionskette „Gemeinsam Verantwortung übernehmen“"),
    ("date", "vermutlich 1. Halbjahr 2017", "Nach einer erfolgreichen Bewerbung für die Landesinitiative", GUESS_PW),
    ("caption", "In verschiedenen Arbeitsgruppen konnten erfolgreich richtungsweisende Strategien entwickelt werden.",
     "In verschiedenen Arbeitsgruppen konnten erfolgreich richtungsweisende Strategien entwickelt werden."),
    ("meeting", "Planungsworkshop Präventionskette", "ein halbtägiger Planungsworkshop", MPW),
    ("person", "Axel Jürgens", "durch Axel Jürgens", "person:axel-juergens"),
    ("person", "Dr. Alexander Berger", "Bürgermeister Dr. Alexander Berger", "person:alexander-berger"),
    ("person", "Ulla Woltering", "Integration Ulla Woltering", "person:ursula-woltering"),
    ("person", "Dr. Heinz-Jürgen Stolz", "Dr. Heinz-Jürgen Stolz", "person:heinz-juergen-stolz"),
    ("person", "Dr. Christina Günther", "Dr. Christina Günther", "person:christina-guenther"),
    ("person", "Marina Bänke", "die kommunale Koordinatorin Marina Bänke", "person:marina-baenke"),
    ("municipality", "Ahlen", "die Stadt Ahlen auf den Weg gemacht", "municipality:ahlen"),
    ("municipality", "Kreis Warendorf", "dem Kreis Warendorf", "municipality:kreis-warendorf"),
    ("institution", "Agentur Petres & Helbig", "von der Agentur Petres & Helbig aus Essen",
     "institution:petres-helbig"),
    ("institution", "KeKiz-Landeskoordinierungsstelle", "von der KeKiz-Landeskoordinierungsstelle",
     LKS),
    ("institution", "Fachbereichs Jugend, Soziales und Integration",
     "die Leiterin der Fachbereichs Jugend, Soziales und Integration", FB),
)  # fmt: skip
facts(
    "004",
    MPW,
    ("title", "Planungsworkshop Präventionskette", "Planungsworkshop Präventionskette „Gemeinsam"),
    ("motto", "Gemeinsam Verantwortung übernehmen", "Unter dem Motto „Gemeinsam Verantwortung übernehmen“"),
    ("date", "vermutlich 1. Halbjahr 2017", "Nach einer erfolgreichen Bewerbung für die Landesinitiative", GUESS_PW),
    ("place", "Ratssaal, Ahlen", "kamen dazu im Ratssaal zusammen"),
    ("participants", "über 30", "Über 30 Fachleute und Verantwortliche"),
    ("topic", "vier strategische Ziele", "an den vier strategischen Zielen gearbeitet"),
    ("host", "Ahlen", "zum Aufbau der Ahlener Präventionskette im Rathaus", "municipality:ahlen"),
    ("programme", "Kommunale Präventionsketten NRW",
     "Nach einer erfolgreichen Bewerbung für die Landesinitiative „Kein Kind zurücklassen!“ (kurz KeKiz)",
     KPK, {"note": "the 2017 statewide initiative, which the site keeps as its later name"}),
    ("person", "Dr. Alexander Berger", "skizzierte Bürgermeister Dr. Alexander Berger in seinen Eröffnungsworten",
     "person:alexander-berger"),
    ("person", "Axel Jürgens", "Moderiert wurde der Workshop durch Axel Jürgens", "person:axel-juergens"),
    ("person", "Ursula Woltering", "Ulla Woltering die bereits vorliegenden Ergebnisse", "person:ursula-woltering"),
    ("person", "Dr. Heinz-Jürgen Stolz", "Auch Dr. Heinz-Jürgen Stolz", "person:heinz-juergen-stolz"),
    ("person", "Dr. Christina Günther", "und Dr. Christina Günther von der", "person:christina-guenther"),
    ("person", "Marina Bänke", "freut sich die kommunale Koordinatorin Marina Bänke", "person:marina-baenke"),
)  # fmt: skip
facts(
    "004",
    "person:ursula-woltering",
    ("other_name", "Ulla Woltering", "Integration Ulla Woltering"),
    ("role", "Leiterin der Fachbereichs Jugend, Soziales und Integration",
     "die Leiterin der Fachbereichs Jugend, Soziales und Integration"),
    ("mentioned", "vermutlich im 1. Halbjahr 2017", "Ulla Woltering die bereits vorliegenden"),
)  # fmt: skip
facts(
    "004",
    "person:axel-juergens",
    ("name", "Axel Jürgens", "Axel Jürgens"),
    ("role", "Moderator", "Moderiert wurde der Workshop durch Axel Jürgens"),
    ("organisation", "Agentur Petres & Helbig", "Axel Jürgens von der Agentur Petres & Helbig",
     "institution:petres-helbig"),
    ("mentioned", "vermutlich im 1. Halbjahr 2017", "Moderiert wurde der Workshop"),
)  # fmt: skip
for slug, name in (("heinz-juergen-stolz", "Dr. Heinz-Jürgen Stolz"), ("christina-guenther", "Dr. Christina Günther")):  # fmt: skip
    facts(
        "004",
        f"person:{slug}",
        ("name", name, name),
        ("role", "Kommunale Begleitung, KeKiz-Landeskoordinierungsstelle",
         "von der KeKiz-Landeskoordinierungsstelle, die die kommunale Begleitung übernommen haben"),
        ("organisation", "Landeskoordinierungsstelle Kommunale Präventionsketten NRW",
         "von der KeKiz-Landeskoordinierungsstelle", LKS),
        ("mentioned", "vermutlich im 1. Halbjahr 2017", "die die kommunale Begleitung übernommen haben"),
    )  # fmt: skip
facts(
    "004",
    "person:alexander-berger",
    ("role", "Bürgermeister", "skizzierte Bürgermeister Dr. Alexander Berger"),
)
facts(
    "004",
    "person:marina-baenke",
    ("role", "Koordinatorin", "die kommunale Koordinatorin Marina Bänke"),
)
facts(
    "004",
    "institution:petres-helbig",
    ("name", "Agentur Petres & Helbig", "der Agentur Petres & Helbig"),
    ("text", "Agentur aus Essen.", "Agentur Petres & Helbig aus Essen"),
)
facts(
    "004",
    LKS,
    ("text", "KeKiz-Landeskoordinierungsstelle", "von der KeKiz-Landeskoordinierungsstelle"),
)
facts(
    "004",
    KEKIZ,
    ("short_name", "KeKiz", "„Kein Kind zurücklassen!“ (kurz KeKiz)"),
)
facts(
    "004",
    "municipality:kreis-warendorf",
    ("name", "Kreis Warendorf", "dem Kreis Warendorf"),
    ("kind", "Kreis", "dem Kreis Warendorf"),
)


def facts_of(record: str) -> list[Fact]:
    return [fact for fact in FACTS if fact.record == record]


COUNTS = Counter(fact.text for fact in FACTS)
