import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accelerator.settings.dev")

application = get_wsgi_application()

# What is loaded by now (Django, Wagtail, the project's modules) lives as long as the process.
# Frozen, it is left out of the garbage collector's full passes, which otherwise walk all of it
# every few requests: a 130 ms pause on one request in ten of the application list.
gc.freeze()
