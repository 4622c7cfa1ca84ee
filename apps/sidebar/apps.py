from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SidebarConfig(AppConfig):
    """The sidebar every public page shows: month calendar, month list, topics.

    It sits above news and network, as the calendar shows both articles and meetings.
    """

    name = "apps.sidebar"
    label = "sidebar"
    verbose_name = _("Seitenleiste")
