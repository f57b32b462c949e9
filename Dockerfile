# syntax=docker/dockerfile:1
# checkov:skip=CKV_DOCKER_2:Lambda ignores HEALTHCHECK; a function is healthy when its runtime polls the Runtime API.
# SalesTalk's one Lambda image. The function's image command picks the handler:
#   salestalk.lambda_http.handler  (API Gateway HTTP API, through Mangum)
#   chat.lambda_ws.handler         (API Gateway WebSocket API)
# Build: docker build -t salestalk .   Try locally: docker run -p 9000:8080 salestalk
# (the base image's runtime interface emulator), then POST an event to
# http://localhost:9000/2015-03-31/functions/function/invocations.

FROM public.ecr.aws/lambda/python:3.12 AS dependencies
WORKDIR /build
COPY pyproject.toml ./
# The runtime dependencies from pyproject (no dev extras), less the Streamlit client's, which
# runs outside Lambda; installed into a plain folder that the final stage copies.
RUN python -c 'import tomllib; \
deps = tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]; \
client_only = ("streamlit", "altair"); \
print("\n".join(d for d in deps if not d.lower().startswith(client_only)))' > requirements.txt \
    && pip install --no-cache-dir --disable-pip-version-check --target /opt/app -r requirements.txt

FROM public.ecr.aws/lambda/python:3.12
ENV DJANGO_SETTINGS_MODULE=salestalk.settings.aws \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
WORKDIR ${LAMBDA_TASK_ROOT}
COPY --from=dependencies /opt/app ./
COPY manage.py ./
COPY salestalk/ salestalk/
COPY tenants/ tenants/
COPY metrics/ metrics/
COPY insights/ insights/
COPY chat/ chat/
COPY templates/ templates/
COPY static/ static/
# Build-time steps use the local profile's file storage: collectstatic gathers files for the
# deploy workflow to copy to S3 (they are not served from here), and an empty migrated SQLite
# for Django's own tables is copied to /tmp at cold start (Lambda's /var/task is read-only).
# Then byte-compile, so cold starts do not compile (and cannot write __pycache__ anyway).
# The local profile needs signing secrets to start: throwaway ones, used by these two commands only.
RUN export SALESTALK_SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(48))')" \
           SALESTALK_JWT_SECRET="$(python -c 'import secrets; print(secrets.token_urlsafe(48))')" SALESTALK_DEBUG=false \
    && DJANGO_SETTINGS_MODULE=salestalk.settings.local python manage.py collectstatic --noinput -v 0 \
    && DJANGO_SETTINGS_MODULE=salestalk.settings.local SALESTALK_SQLITE_PATH="${LAMBDA_TASK_ROOT}/django-template.sqlite3" \
       python manage.py migrate --noinput -v 0 \
    && python -m compileall -q -j 0 . \
    && chmod -R a+rX .
# Lambda runs functions as its own unprivileged user; this keeps `docker run` non-root too.
USER 65534:65534
CMD ["salestalk.lambda_http.handler"]
