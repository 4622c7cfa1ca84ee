from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def bench_trivial(request):
    """Answer at once: the benchmark's yardstick for the cost of the middleware stack."""
    return HttpResponse("ok", content_type="text/plain")
