import datetime
import hashlib
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils.http import quote_etag
from icalendar import Calendar

from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def _calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def _events(calendar):
    return [component for component in calendar.walk("VEVENT")]


@pytest.fixture
def two_day_meeting():
    return MeetingFactory(
        sequence_number=21,
        title="Bedingungen gelingenden Aufwachsens",
        motto="Die Präventionsketten sind länger geworden",
        starts_on=datetime.date(2018, 11, 29),
        ends_on=datetime.date(2018, 11, 30),
        venue="Historische Stadthalle",
        city="Wuppertal",
        summary="Ca. 70 Teilnehmende aus 40 Kommunen.",
    )


def test_all_day_meeting_has_date_values_with_exclusive_end(client, two_day_meeting):
    calendar = _calendar(client, two_day_meeting.get_ical_url())
    (event,) = _events(calendar)
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert type(start) is datetime.date and start == datetime.date(2018, 11, 29)
    assert type(end) is datetime.date and end == datetime.date(2018, 12, 1)
    assert event["dtstart"].params.get("VALUE") == "DATE"
    assert b"DTSTART;VALUE=DATE:20181129" in calendar.to_ical()


def test_event_carries_summary_location_url_and_description(client, two_day_meeting):
    (event,) = _events(_calendar(client, two_day_meeting.get_ical_url()))
    assert str(event["summary"]) == "21. Lernnetzwerktreffen: Bedingungen gelingenden Aufwachsens"
    assert str(event["location"]) == "Historische Stadthalle, Wuppertal"
    assert str(event["url"]) == "http://testserver/netzwerk/treffen/21-lernnetzwerktreffen/"
    assert "Die Präventionsketten sind länger geworden" in str(event["description"])
    assert "Ca. 70 Teilnehmende" in str(event["description"])


def test_calendar_is_valid_rfc5545_frame(client, two_day_meeting):
    calendar = _calendar(client, reverse("network:meetings_ical"))
    assert str(calendar["version"]) == "2.0"
    assert "Präventionskette" in str(calendar["prodid"])
    (event,) = _events(calendar)
    assert event.decoded("dtstamp").tzinfo is not None


def test_uid_is_stable_across_requests_and_edits(client, two_day_meeting, settings):
    settings.NETWORK_ICAL_UID_DOMAIN = "praeventionskette.example"
    url = reverse("network:meetings_ical")
    (first,) = _events(_calendar(client, url))
    two_day_meeting.title = "Neuer Titel"
    two_day_meeting.starts_on = datetime.date(2018, 11, 28)
    two_day_meeting.save()
    (second,) = _events(_calendar(client, url))
    (single,) = _events(_calendar(client, two_day_meeting.get_ical_url()))
    expected = f"meeting-{two_day_meeting.pk}@praeventionskette.example"
    assert str(first["uid"]) == str(second["uid"]) == str(single["uid"]) == expected
    assert str(second["summary"]).endswith("Neuer Titel")


def test_timed_meeting_uses_berlin_time_zone_with_vtimezone(client):
    meeting = MeetingFactory(
        starts_on=datetime.date(2017, 9, 13),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(16, 30),
    )
    calendar = _calendar(client, meeting.get_ical_url())
    (event,) = _events(calendar)
    assert event["dtstart"].params["TZID"] == "Europe/Berlin"
    assert event["dtend"].params["TZID"] == "Europe/Berlin"
    start = event.decoded("dtstart")
    assert start == datetime.datetime(2017, 9, 13, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert start.utcoffset() == datetime.timedelta(hours=2)
    assert event.decoded("dtend") == datetime.datetime(
        2017, 9, 13, 16, 30, tzinfo=ZoneInfo("Europe/Berlin")
    )
    (timezone,) = calendar.walk("VTIMEZONE")
    assert str(timezone["tzid"]) == "Europe/Berlin"
    # The VTIMEZONE itself (not only the TZID name) gives summer time on the meeting's day.
    described = timezone.to_tz()
    summer_day = datetime.datetime(2017, 9, 13, 10, 0, tzinfo=described)
    assert summer_day.utcoffset() == datetime.timedelta(hours=2)


def test_all_day_calendar_needs_no_vtimezone(client, two_day_meeting):
    calendar = _calendar(client, two_day_meeting.get_ical_url())
    (event,) = _events(calendar)
    assert type(event.decoded("dtstart")) is datetime.date
    assert calendar.walk("VTIMEZONE") == []


def test_feed_lists_every_published_meeting_once(client):
    meetings = MeetingFactory.create_batch(3)
    calendar = _calendar(client, reverse("network:meetings_ical"))
    uids = sorted(str(event["uid"]) for event in _events(calendar))
    assert len(uids) == 3 == len(set(uids))
    assert all(any(uid.startswith(f"meeting-{m.pk}@") for uid in uids) for m in meetings)


def test_the_subscription_is_hashed_for_its_etag_once_per_content_version(client, monkeypatch):
    # The file is about 1.5 MB for 2,000 meetings: ConditionalGetMiddleware hashing it on
    # every request cost more than sending it. The ETag is the one the middleware would make.
    meeting = MeetingFactory(title="Erstes Treffen")
    hashed = []

    def counting_md5(data=b"", **kwargs):
        if b"BEGIN:VCALENDAR" in data:
            hashed.append(data)
        return hashlib.md5(data, **kwargs)

    monkeypatch.setattr("django.utils.cache.md5", counting_md5)
    url = reverse("network:meetings_ical")
    first, again = client.get(url), client.get(url)
    assert len(hashed) == 1
    assert first["ETag"] == again["ETag"] == quote_etag(hashlib.md5(first.content).hexdigest())
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304

    meeting.title = "Umbenanntes Treffen"
    meeting.save()
    changed = client.get(url)
    assert b"Umbenanntes Treffen" in changed.content
    assert changed["ETag"] == quote_etag(hashlib.md5(changed.content).hexdigest())
    assert changed["ETag"] != first["ETag"]
    assert len(hashed) == 2
