"""The photo library's own admin pages: multiple upload, alt text after upload, chooser."""

from django.contrib import messages
from django.contrib.admin.views.main import SEARCH_VAR
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from apps.core.text import plain_number

from .forms import PhotoAltTextForm, PhotoUploadForm
from .services import photo_save
from .validators import ACCEPT_ATTRIBUTE
from .widgets import photo_thumbnail

CHOOSER_PER_PAGE = 24


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _photo_json(photo):
    return {
        "id": photo.pk,
        "label": str(photo),
        "alt_text": photo.alt_text,
        "thumbnail": str(photo_thumbnail(photo)),
        "change_url": reverse("admin:media_photo_change", args=[photo.pk]),
        "alt_text_url": reverse("admin:media_photo_alt_text", args=[photo.pk]),
    }


def _form_errors(form):
    return [str(error) for errors in form.errors.values() for error in errors]


def photo_upload_view(model_admin, request):
    """The drop zone (GET) and one upload per POST: stored through photo_save, answered in
    JSON; a browser without script posts several files at once and is sent to the list."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    if request.method != "POST":
        context = {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.opts,
            "title": _("Fotos hochladen"),
            "accept": ACCEPT_ATTRIBUTE,
            "has_view_permission": model_admin.has_view_permission(request),
        }
        return TemplateResponse(request, "admin/media/photo/upload.html", context)

    files = request.FILES.getlist("image") or [None]
    results = []
    for file in files:
        form = PhotoUploadForm(
            data={"alt_text": request.POST.get("alt_text", "")},
            files={"image": file} if file else {},
        )
        if form.is_valid():
            photo = photo_save(photo=form.save(commit=False))
            # In the admin's history like a photo added through the add form.
            message = model_admin.construct_change_message(request, form, None, add=True)
            model_admin.log_addition(request, photo, message)
            results.append({"ok": True, "name": file.name, "photo": _photo_json(photo)})
        else:
            name = file.name if file else ""
            results.append({"ok": False, "name": name, "errors": _form_errors(form)})

    if _wants_json(request):
        # The page's script sends one file per request, to show each file's progress.
        if len(results) == 1:
            return JsonResponse(results[0], status=201 if results[0]["ok"] else 400)
        # Several files in one request: each file's own answer.
        return JsonResponse({"ok": all(r["ok"] for r in results), "results": results})
    for result in results:
        if result["ok"]:
            messages.success(request, _("„%(name)s“ wurde hochgeladen.") % result)
        else:
            messages.error(request, f"„{result['name']}“: {' '.join(result['errors'])}")
    stored = sum(result["ok"] for result in results)
    if stored:
        messages.warning(request, _("Bitte ergänzen Sie bei jedem neuen Foto den Alternativtext."))
    return redirect(
        reverse("admin:media_photo_changelist") + ("?alternativtext=fehlt" if stored else "")
    )


def photo_alt_text_view(model_admin, request, object_id):
    """Store the alt text typed on the upload page for a photo just uploaded."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    photo = model_admin.get_object(request, object_id)
    if photo is None:
        raise Http404
    if not model_admin.has_change_permission(request, photo):
        raise PermissionDenied
    form = PhotoAltTextForm(request.POST, instance=photo)
    if not form.is_valid():
        return JsonResponse({"ok": False, "errors": _form_errors(form)}, status=400)
    photo = photo_save(photo=form.save(commit=False))
    model_admin.log_change(
        request, photo, model_admin.construct_change_message(request, form, None)
    )
    return JsonResponse({"ok": True, "photo": _photo_json(photo)})


def photo_chooser_view(model_admin, request):
    """A page of thumbnails to choose from, searched like the photo list (an HTML fragment
    for the chooser dialog); ``?id=`` returns the one photo a widget shows."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    queryset = model_admin.get_queryset(request)
    query = request.GET.get(SEARCH_VAR, "").strip()
    photo_id = request.GET.get("id", "")
    if photo_id:
        pk = plain_number(photo_id)
        queryset = queryset.filter(pk=pk) if pk is not None else queryset.none()
    elif query:
        queryset, _duplicates = model_admin.get_search_results(request, queryset, query)
    paginator = Paginator(queryset.order_by("-created_at", "-id"), CHOOSER_PER_PAGE)
    page = paginator.get_page(request.GET.get("p"))
    context = {
        "page": page,
        "photos": [(photo, photo_thumbnail(photo, width=160)) for photo in page],
        "query": query,
        "search_var": SEARCH_VAR,
        "can_add": model_admin.has_add_permission(request),
    }
    return TemplateResponse(request, "admin/media/photo/chooser.html", context)
