# syntax=docker/dockerfile:1
# checkov:skip=CKV_DOCKER_2:Lambda ignores HEALTHCHECK; a function is healthy when its runtime polls the Runtime API.
# SalesTalk's one Lambda image. The function's image command picks the handler:
#   salestalk.lambda_http.handler     (API Gateway HTTP API, through Mangum)
#   chat.lambda_ws.handler            (API Gateway WebSocket API)
#   salestalk.lambda_migrate.handler  (one invocation per deploy: Django's migrations)
# Build: docker build -t salestalk .   Try locally: docker run -p 9000:8080 salestalk
# (the base image's runtime interface emulator), then POST an event to
# http://localhost:9000/2015-03-31/functions/function/invocations.

FROM public.ecr.aws/lambda/python:3.12 AS dependencies
WORKDIR /build
COPY requirements/ requirements/
# The runtime dependencies exactly as locked (requirements/lambda.lock: no UI, local or dev extras).
RUN pip install --no-cache-dir --disable-pip-version-check --target /opt/app \
        -r requirements/lambda.lock \
    # collectstatic runs under the local profile, whose daphne and WhiteNoise only this stage has.
    && pip install --no-cache-dir --disable-pip-version-check --target /opt/build-only \
        -c requirements/dev.lock daphne whitenoise
COPY manage.py ./
COPY core/ core/
COPY salestalk/ salestalk/
COPY tenants/ tenants/
COPY metrics/ metrics/
COPY insights/ insights/
COPY chat/ chat/
COPY collab/ collab/
COPY templates/ templates/
COPY static/ static/
# Static files for the deploy workflow to copy to S3 (the functions never serve them).
RUN PYTHONPATH=/opt/app:/opt/build-only DJANGO_SETTINGS_MODULE=salestalk.settings.test \
    python manage.py collectstatic --noinput -v 0

FROM public.ecr.aws/lambda/python:3.12 AS runtime
ENV DJANGO_SETTINGS_MODULE=salestalk.settings.aws \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
WORKDIR ${LAMBDA_TASK_ROOT}
COPY --from=dependencies /opt/app ./
COPY --from=dependencies /build/staticfiles staticfiles/
COPY manage.py ./
COPY core/ core/
COPY salestalk/ salestalk/
COPY tenants/ tenants/
COPY metrics/ metrics/
COPY insights/ insights/
COPY chat/ chat/
COPY collab/ collab/
COPY templates/ templates/
COPY static/ static/
# Byte-compile, so cold starts do not compile (and cannot write __pycache__ anyway).
RUN python -m compileall -q -j 0 . && chmod -R a+rX .
# Lambda runs functions as its own unprivileged user; this keeps `docker run` non-root too.
USER 65534:65534
CMD ["salestalk.lambda_http.handler"]

# docker-compose.yml's app (`target: local`): the same image plus daphne and WhiteNoise, which the
# local profile serves with.
FROM runtime AS local
COPY --from=dependencies /opt/build-only ./

# The deployed image is the last stage, so a plain `docker build` makes it.
FROM runtime
