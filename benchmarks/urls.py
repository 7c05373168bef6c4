"""The product's URLs plus the benchmark's reference: the smallest Django view there is."""

from django.http import HttpResponse
from django.urls import path

from accelerator.urls import urlpatterns as product_urlpatterns


def minimal(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/minimal/", minimal, name="bench-minimal"), *product_urlpatterns]
