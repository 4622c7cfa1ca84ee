from django.contrib import admin

from apps.editorial.admin_mixins import ReleaseControlledAdmin

from .models import Page


@admin.register(Page)
class PageAdmin(ReleaseControlledAdmin):
    publish_permission = "pages.publish_page"

    list_display = ["title", "slug", "is_published", "in_footer", "position", "updated_at"]
    list_editable = ["position"]
    list_filter = ["is_published", "in_footer"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
