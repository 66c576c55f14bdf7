# syntax=docker/dockerfile:1
#
# Every Confer image, built from the repository root (the build context):
#
#   service  one NestJS service; pick it with --build-arg SERVICE=identity|meetings|chat|recording|analytics
#   edge     the one origin: the edge server plus the built web app (WEB_ROOT=/app/web)
#   web      the web app's static files alone, to export:
#              docker build -f docker/confer.Dockerfile --target web --output type=local,dest=out .
#
# e.g. docker build -f docker/confer.Dockerfile --target service --build-arg SERVICE=chat -t confer/chat .
# docker/compose.yaml builds them all. Needs BuildKit (the default builder of current Docker) for the
# cache mounts and for docker/confer.Dockerfile.dockerignore, which keeps node_modules, dist and caches
# out of the build context.

# ---------------------------------------------------------------------------------------------------
# workspace: the repository with every dependency (dev included) installed, as `npm ci` does natively.
FROM node:20-bookworm-slim AS workspace
WORKDIR /workspace
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund
COPY . .

# The builds write dist/apps/<name>/: main.js, a package.json that lists only the packages the app
# imports, and the matching package-lock.json.
FROM workspace AS service-build
ARG SERVICE
RUN case "${SERVICE}" in \
      identity|meetings|chat|recording|analytics) ;; \
      *) echo "set --build-arg SERVICE to identity, meetings, chat, recording or analytics (got '${SERVICE}')" >&2; exit 1 ;; \
    esac
RUN npx nx build "${SERVICE}" --configuration=production

FROM workspace AS edge-build
RUN npx nx build edge --configuration=production

FROM workspace AS web-build
RUN npx nx build web --configuration=production

# ---------------------------------------------------------------------------------------------------
# web: static files only (index.html at the root), for export or a static host.
FROM scratch AS web
COPY --from=web-build /workspace/dist/apps/web/browser/ /

# edge: serves the web app and proxies /api/<service>/... to the services.
FROM node:20-bookworm-slim AS edge
ENV NODE_ENV=production \
    SCARF_ANALYTICS=false \
    WEB_ROOT=/app/web
WORKDIR /app
COPY --from=edge-build /workspace/dist/apps/edge/ ./
# Production dependencies only, from the lockfile the build generated; installed as root, so the
# `node` user that runs the app cannot change them.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --no-audit --no-fund
COPY --from=web-build /workspace/dist/apps/web/browser/ ./web/
COPY docker/healthcheck.cjs /opt/confer/healthcheck.cjs
USER node
CMD ["node", "main.js"]

# service: one NestJS service. Migrations run at start (under a Postgres advisory lock); to run them
# alone: docker run --rm <image> node main.js migrate
FROM node:20-bookworm-slim AS service
ARG SERVICE
ENV NODE_ENV=production \
    SCARF_ANALYTICS=false
WORKDIR /app
COPY --from=service-build /workspace/dist/apps/${SERVICE}/ ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --no-audit --no-fund
COPY docker/healthcheck.cjs /opt/confer/healthcheck.cjs
USER node
CMD ["node", "main.js"]
