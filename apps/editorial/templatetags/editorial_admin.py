from django import template

from apps.editorial.provenance import provenance_for

register = template.Library()


@register.inclusion_tag("admin/editorial/provenance.html")
def record_provenance(obj):
    """The box on a change form that says where the record came from."""
    return {"provenance": provenance_for(obj)}
