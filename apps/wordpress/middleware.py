"""Old WordPress addresses answer 301 to the imported article while it is public."""

import re

from django.db import DatabaseError
from django.http import Http404, HttpResponsePermanentRedirect

from .models import ImportedItem
from .redirects import old_address_target

POST_ID = re.compile(r"[0-9]{1,18}")
# WordPress' addresses without pretty permalinks: /?p=12 for posts, /?page_id=7 for pages.
ID_PARAMETERS = (("p", ImportedItem.Kind.POST), ("page_id", ImportedItem.Kind.PAGE))


class OldAddressRedirectMiddleware:
    """Answer an old permalink of an imported post or page, and /?p=<id>, with a 301 to its
    new address, checked at request time: only while the record is public, so a scheduled
    post starts redirecting when it appears and a hidden one stays a 404.

    It sits inside the page cache, which stores only 200 answers: neither a redirect nor a
    404 is ever served from it, and /?p=<id> is never answered with a cached home page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        if request.path_info in ("/", "/index.php"):
            for parameter, kind in ID_PARAMETERS:
                value = request.GET.get(parameter, "")
                if POST_ID.fullmatch(value):
                    try:
                        known, url = old_address_target(post_id=int(value), kind=kind)
                    except DatabaseError:
                        break  # the view answers with the outage page
                    if url:
                        return HttpResponsePermanentRedirect(url)
                    if known:
                        raise Http404("not public")
        response = self.get_response(request)
        if response.status_code == 404:
            try:
                _known, url = old_address_target(path=request.path_info)
            except DatabaseError:
                return response
            if url:
                return HttpResponsePermanentRedirect(url)
        return response
