from django.http import HttpResponse


def bench_trivial(request):
    """Answer at once: the benchmark's yardstick for the cost of the middleware stack.

    The bare site's view (bench/bare_site.py) answers the same two bytes with the same one
    header, which keeps the page cache from storing them; so what the two cost apart is the
    stack, not the view. (Django's never_cache would add about 10 µs of header merging that
    the bare view does not do.)
    """
    response = HttpResponse("ok", content_type="text/plain")
    response["Cache-Control"] = "no-store"
    return response
