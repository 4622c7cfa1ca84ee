"""Admin list filters shared by several apps."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class YearFilter(admin.SimpleListFilter):
    """Narrow a change list to one year of date_field (?jahr=2017), newest year first.

    Subclasses set date_field, or override get_years() and filter_year() for a rule of their own.
    """

    title = _("Jahr")
    parameter_name = "jahr"
    date_field = None

    def get_years(self, queryset):
        """Return the years that have records, newest first."""
        return [day.year for day in queryset.dates(self.date_field, "year", order="DESC")]

    def filter_year(self, queryset, year):
        """Return the records of the given year."""
        return queryset.filter(**{f"{self.date_field}__year": year})

    def lookups(self, request, model_admin):
        years = self.get_years(model_admin.model._default_manager.all())
        return [(str(year), str(year)) for year in years]

    def queryset(self, request, queryset):
        # A hand-edited ?jahr=abc shows the whole list rather than an error page.
        if not self.value() or not self.value().isdigit():
            return queryset
        return self.filter_year(queryset, int(self.value()))
