"""Month and weekday names reach visitors in German, from Django's localisation."""

import datetime

from apps.news.months import MonthLink
from apps.sidebar.calendar import CalendarDay, MonthCalendar


def test_month_link_names_the_month_in_german_and_keeps_the_wordpress_abbreviation():
    march = MonthLink(2019, 3)
    assert march.name == "März 2019"
    assert march.abbreviation == "Mrz"
    assert MonthLink(2020, 12).name == "Dezember 2020"


def test_calendar_names_its_month_and_weekdays_in_german():
    calendar = MonthCalendar(year=2019, month=3)
    assert calendar.name == "März 2019"
    assert calendar.weekdays == [
        ("Mo", "Montag"), ("Di", "Dienstag"), ("Mi", "Mittwoch"), ("Do", "Donnerstag"),
        ("Fr", "Freitag"), ("Sa", "Samstag"), ("So", "Sonntag"),
    ]  # fmt: skip


def test_calendar_day_label_gives_the_german_date_without_leading_zero():
    day = CalendarDay(datetime.date(2019, 3, 5), article_count=2, meeting_slugs=("treffen",))
    assert day.label == "5. März 2019: 2 Artikel, 1 Treffen"
