import datetime

from django import template
from django.utils import timezone

from apps.media.renditions import structured_data_images

from ..models import Institution, Meeting, Municipality, Person
from ..selectors import municipalities_and_institutions

register = template.Library()


@register.inclusion_tag("network/includes/article_links.html")
def article_network_links(article):
    """Render what an article is about: its published meetings and people, places, institutions."""
    municipalities, institutions = municipalities_and_institutions(
        Municipality.objects.filter(articles=article), Institution.objects.filter(articles=article)
    )
    return {
        "meetings": Meeting.objects.published().filter(articles=article),
        "people": Person.objects.published().filter(articles=article),
        "municipalities": municipalities,
        "institutions": institutions,
    }


@register.simple_tag(takes_context=True)
def meeting_structured_data(context, meeting, organisers=(), photo_uses=()):
    """Return schema.org Event data for a meeting (organisers and the photos of its reports as
    the page already has them)."""
    request = context["request"]
    tz = timezone.get_default_timezone()

    def moment(day, time):
        if time is None:
            return day.isoformat()
        return datetime.datetime.combine(day, time, tzinfo=tz).isoformat()

    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meeting.heading,
        # Only what is known: "2017-11" for a meeting dated to the month, and no end.
        "startDate": moment(meeting.starts_on, meeting.start_time)
        if meeting.is_dated_to_the_day
        else meeting.date_iso,
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "url": request.build_absolute_uri(meeting.get_absolute_url()),
        "inLanguage": "de",
    }
    if meeting.is_dated_to_the_day:
        data["endDate"] = moment(meeting.ends_on, meeting.end_time)
    if meeting.summary:
        data["description"] = meeting.summary
    host = meeting.host_municipality
    if meeting.place:
        data["location"] = {
            "@type": "Place",
            "name": meeting.place,
            "address": {"@type": "PostalAddress", "addressLocality": meeting.city or meeting.place},
        }
    elif host is not None:
        # No venue in the sources: the host municipality is where it took place.
        data["location"] = {
            "@type": "Place",
            "name": host.name,
            "address": {"@type": "PostalAddress", "addressLocality": host.name},
        }
    if organisers:
        data["organizer"] = [{"@type": "Organization", "name": org.name} for org in organisers]
    elif host is not None:
        data["organizer"] = {"@type": "GovernmentOrganization", "name": host.name}
    if photo_uses:
        data["image"] = structured_data_images(request, photo_uses[0].photo)
    return data


@register.filter
def year_heading(meetings, year):
    """The heading of a year's meetings: "2014", or "vermutlich 2014" when the year of every
    one of them is only inferred (the texts give none)."""
    if meetings and all(meeting.date_inferred for meeting in meetings):
        return f"vermutlich {year}"
    return str(year)
