"""The meetings as an iCalendar (RFC 5545) subscription, built with the icalendar library."""

import datetime

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import set_response_etag
from django.utils.text import slugify
from icalendar import Calendar, Event

from apps.core.cache import cached_fragment
from apps.core.text import without_control_characters

from .selectors import published_meetings

CALENDAR_NAME = "Treffen der kommunalen Präventionsketten"


def meeting_uid(meeting) -> str:
    """Return the UID a meeting keeps for as long as it exists, whatever is edited."""
    return f"meeting-{meeting.pk}@{settings.NETWORK_ICAL_UID_DOMAIN}"


def meeting_event(meeting, *, base_url: str) -> Event:
    """Return one meeting as a VEVENT; all-day meetings get DATE values with an exclusive end."""
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", meeting.updated_at)
    event.add("last-modified", meeting.updated_at)
    event.add("summary", without_control_characters(meeting.heading))
    if meeting.is_all_day:
        event.add("dtstart", meeting.starts_on)
        event.add("dtend", meeting.ends_on + datetime.timedelta(days=1))
    else:
        # Meetings are held at the site's local times.
        tz = timezone.get_default_timezone()
        event.add("dtstart", datetime.datetime.combine(meeting.starts_on, meeting.start_time, tz))
        if meeting.end_time:
            event.add("dtend", datetime.datetime.combine(meeting.ends_on, meeting.end_time, tz))
    if meeting.place:
        event.add("location", without_control_characters(meeting.place))
    event.add("url", base_url + meeting.get_absolute_url())
    event.add("categories", [meeting.get_kind_display()])
    description = "\n\n".join(part for part in (meeting.motto, meeting.summary) if part)
    if description:
        event.add("description", without_control_characters(description))
    return event


def build_calendar(meetings, *, base_url: str, name: str = CALENDAR_NAME) -> Calendar:
    """Return a calendar of the given meetings with the time zones their times need."""
    calendar = Calendar()
    calendar.add("prodid", "-//Ahlener Präventionskette//Netzwerktreffen//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", without_control_characters(name))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    days = []
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, base_url=base_url))
        days += [meeting.starts_on, meeting.ends_on]
    if days:
        # The VTIMEZONE needs to cover the meetings' years only, which keeps the file small.
        calendar.add_missing_timezones(
            first_date=datetime.date(min(days).year, 1, 1),
            last_date=datetime.date(max(days).year + 1, 1, 1),
        )
    return calendar


def _ical_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def meetings_ical(request):
    """Serve all published meetings as a calendar to subscribe to."""
    base_url = _base_url(request)
    # Building thousands of events is slow, and so is hashing the file for its ETag (about
    # 1.5 MB for 2,000 meetings): both only change with the content, so both are kept.
    body, etag = cached_fragment(
        f"meetings-ical-with-etag:{base_url}",
        lambda: _with_etag(
            build_calendar(
                published_meetings().dated_to_the_day().order_by("starts_on", "pk"),
                base_url=base_url,
            ).to_ical()
        ),
    )
    response = _ical_response(body, "treffen.ics")
    # The ETag ConditionalGetMiddleware would make, which it now finds instead of making.
    response["ETag"] = etag
    return response


def _with_etag(body: bytes) -> tuple[bytes, str]:
    """Return the file with the ETag Django's ConditionalGetMiddleware gives it."""
    probe = HttpResponse(body)
    set_response_etag(probe)
    return body, probe["ETag"]


def meeting_ical(request, slug):
    """Serve one published meeting as a calendar file."""
    # A meeting known only to the month or year has no day to put into a calendar.
    meeting = get_object_or_404(published_meetings().dated_to_the_day(), slug=slug)
    calendar = build_calendar([meeting], base_url=_base_url(request), name=meeting.heading)
    return _ical_response(calendar.to_ical(), f"{slugify(meeting.slug)}.ics")
