"""WSGI entry point (the ASGI one is the default server; this serves plain HTTP hosts)."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salestalk.settings.local")
application = get_wsgi_application()
