from django.urls import path

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
    path("personen/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("institutionen/", views.InstitutionListView.as_view(), name="institution_list"),
    path(
        "institutionen/<slug:slug>/",
        views.InstitutionDetailView.as_view(),
        name="institution_detail",
    ),
    path("programme/<slug:slug>/", views.ProgrammeDetailView.as_view(), name="programme_detail"),
    # Every article about a record (through the records visitors may see); its page shows
    # the latest few.
    path(
        "treffen/<slug:slug>/artikel/",
        views.RecordArticleListView.as_view(records=Meeting.objects.published),
        name="meeting_articles",
    ),
    path(
        "kommunen/<slug:slug>/artikel/",
        views.RecordArticleListView.as_view(records=Municipality.objects.all),
        name="municipality_articles",
    ),
    path(
        "personen/<slug:slug>/artikel/",
        views.RecordArticleListView.as_view(records=Person.objects.published),
        name="person_articles",
    ),
    path(
        "institutionen/<slug:slug>/artikel/",
        views.RecordArticleListView.as_view(records=Institution.objects.all),
        name="institution_articles",
    ),
]
