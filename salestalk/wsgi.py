"""WSGI entry point (the ASGI one is the default server; this serves plain HTTP hosts)."""
import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

from core.loaded_app import freeze_loaded_app

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salestalk.settings.local")
application = get_wsgi_application()
# Every view too, so the frozen app includes them (Django would import them at the first request).
import_module(settings.ROOT_URLCONF)
freeze_loaded_app()
