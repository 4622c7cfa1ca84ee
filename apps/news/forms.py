"""The article form's publish box: what the buttons beside "Sichern" do."""

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from apps.core.dates import DatePrecisionFormMixin
from apps.editorial.admin_mixins import ConcurrentEditForm

from .models import Article

# Buttons of the submit row (templates/admin/news/article/submit_line.html) → the status.
SUBMIT_FOR_REVIEW, PUBLISH, SCHEDULE, UNPUBLISH, PREVIEW = (
    "_submit_review",
    "_publish",
    "_schedule",
    "_unpublish",
    "_preview",
)
RELEASE_BUTTONS = (PUBLISH, SCHEDULE, UNPUBLISH)


class ArticleAdminForm(DatePrecisionFormMixin, ConcurrentEditForm):
    # Set by the admin: whether the user may release (publish, schedule, unpublish).
    may_release = False
    # A future time that "Veröffentlichen" did not use.
    ignored_future_time = None

    def clean(self):
        cleaned = super().clean()
        pressed = next(
            (name for name in (*RELEASE_BUTTONS, SUBMIT_FOR_REVIEW) if name in self.data), None
        )
        if pressed is None:
            return cleaned
        if pressed in RELEASE_BUTTONS and not self.may_release:
            raise forms.ValidationError(
                _("Veröffentlichen, planen und zurückziehen darf nur die Freigabe."), code="release"
            )
        now = timezone.now()
        when = cleaned.get("published_at")
        if pressed == PUBLISH:
            cleaned["status"] = Article.Status.PUBLISHED
            # "Veröffentlichen" means now, unless a past time was chosen on purpose; a future
            # time typed in is not used (the admin says so: "Planen" schedules).
            if when is not None and when > now:
                self.ignored_future_time = when
            if when is None or when > now:
                cleaned["published_at"] = now
        elif pressed == SCHEDULE:
            if when is None or when <= now:
                self.add_error(
                    "published_at",
                    _("Zum Planen bitte einen Zeitpunkt in der Zukunft eintragen."),
                )
            cleaned["status"] = Article.Status.PUBLISHED
        elif pressed == UNPUBLISH:
            cleaned["status"] = Article.Status.DRAFT
        elif pressed == SUBMIT_FOR_REVIEW:
            cleaned["status"] = Article.Status.REVIEW
        return cleaned


def publication_state_text(article: Article) -> str:
    """The article's publication in words, as the form shows it."""
    if article is None or article.pk is None:
        return _("Neuer Entwurf: erscheint erst, wenn die Freigabe ihn veröffentlicht.")
    if article.published_at is not None:
        when = formats.date_format(timezone.localtime(article.published_at), "j. F Y, H:i")
    if article.is_published:
        return _("Online seit %(when)s Uhr.") % {"when": when}
    if article.is_scheduled:
        return _("Wird veröffentlicht am %(when)s Uhr.") % {"when": when}
    state = (
        _("Zur Freigabe eingereicht") if article.status == Article.Status.REVIEW else _("Entwurf")
    )
    if article.published_at is None:
        return _("%(state)s: erscheint, sobald die Freigabe ihn veröffentlicht.") % {"state": state}
    return _("%(state)s mit gewähltem Zeitpunkt %(when)s Uhr.") % {"state": state, "when": when}
