from django.urls import path

from apps.core.urls import read_only

from . import ical, views
from .models import Institution, Meeting, Municipality, Person

app_name = "network"
urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path("treffen/", views.MeetingListView.as_view(), name="meeting_list"),
    path("treffen.ics", ical.meetings_ical, name="meetings_ical"),
    path("treffen/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path("treffen/<slug:slug>.ics", ical.meeting_ical, name="meeting_ical"),
    path("kommunen/", views.MunicipalityListView.as_view(), name="municipality_list"),
    path(
        "kommunen/<slug:slug>/", views.MunicipalityDetailView.as_view(), name="municipality_detail"
    ),
    path("personen/", views.PersonListView.as_view(), name="person_list"),
    path("personen/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("institutionen/", views.InstitutionListView.as_view(), name="institution_list"),
    path(
        "institutionen/<slug:slug>/",
        views.InstitutionDetailView.as_view(),
        name="institution_detail",
    ),
    path("programme/<slug:slug>/", views.ProgrammeDetailView.as_view(), name="programme_detail"),
]

# Every article about a record, through the records visitors may see; the record's own page
# shows the latest few. (URL prefix, record name, visible records)
RECORDS_WITH_ARTICLES = [
    ("treffen", "meeting", Meeting.objects.published),
    ("kommunen", "municipality", Municipality.objects.all),
    ("personen", "person", Person.objects.published),
    ("institutionen", "institution", Institution.objects.all),
]
urlpatterns += [
    path(
        f"{prefix}/<slug:slug>/artikel/",
        views.RecordArticleListView.as_view(records=records),
        name=f"{name}_articles",
    )
    for prefix, name, records in RECORDS_WITH_ARTICLES
]

# Visitors' pages only read: no transaction around them (apps.core.urls.read_only).
urlpatterns = read_only(urlpatterns)
