from django.contrib import admin

from .models import ImportedItem


@admin.register(ImportedItem)
class ImportedItemAdmin(admin.ModelAdmin):
    """What import_wordpress made of each WordPress item: to look up, never to edit."""

    list_display = ["post_id", "kind", "old_path", "record", "created_at", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["old_path", "key"]
    readonly_fields = ["key", "post_id", "kind", "old_path", "record", "created_at", "updated_at"]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
