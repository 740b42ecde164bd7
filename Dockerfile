# syntax=docker/dockerfile:1
# Groups Console: the console and the embedded Groups API server (or the console alone, SERVE=console).
#   docker build -t groups-console .                      (BASE_PATH=/groups-console/ as a --build-arg for a sub-path;
#                                                          GIT_COMMIT=$(git rev-parse HEAD) names the commit in /version
#                                                          and the console's About, as .git is not in the context)
#   docker run -p 8080:8080 -v groups-data:/data groups-console
# docs/deploy.md has the settings; the tests lint this file (server/test/deploy/dockerfile.test.ts).

# One pinned Node image for every stage: Node 24 LTS (the line of .nvmrc) on Debian trixie, by tag and
# digest (the multi-arch index of that tag). To move it, change both: the tag says what, the digest
# makes the build repeatable (an update bot that knows Dockerfiles moves them together).
ARG NODE_IMAGE=node:24.21.0-trixie-slim@sha256:8ec5d7557396cfe32d21c3f9c13072355ceab22b584578ca4bb28af31120cffe
# The path the console is served under (its asset URLs are built for it): / or e.g. /groups-console/.
ARG BASE_PATH=/
# The image's OCI labels: VERSION is package.json's (a test keeps them equal), REVISION the commit and
# SOURCE the repository's URL, given at build time:
#   docker build --build-arg REVISION="$(git rev-parse HEAD)" --build-arg SOURCE=https://… -t groups-console .
ARG VERSION=0.2.0
ARG REVISION=unknown
ARG SOURCE=

# Build: every dependency, then the compiled server (server/dist) and the built console (dist/).
# better-sqlite3 ships its Node-API binary prebuilt: nothing is compiled, so no compiler is installed.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
ARG BASE_PATH
ENV BASE_PATH=${BASE_PATH}
ARG GIT_COMMIT=
RUN npm run build

# Runtime dependencies only, from the bare image: no devDependencies, no install scripts (better-sqlite3's
# binary is inside its package), and nothing of the build stage.
FROM ${NODE_IMAGE} AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# Runtime: Node, the runtime dependencies, the compiled server and the built console; no sources, no compiler.
FROM ${NODE_IMAGE} AS runtime
ARG BASE_PATH
ARG VERSION
ARG REVISION
ARG SOURCE
LABEL org.opencontainers.image.title="Groups Console" \
  org.opencontainers.image.description="The Groups Console and its embedded Genesys-Cloud-like Groups API server" \
  org.opencontainers.image.version="${VERSION}" \
  org.opencontainers.image.revision="${REVISION}" \
  org.opencontainers.image.source="${SOURCE}" \
  org.opencontainers.image.licenses="MIT"
ENV NODE_ENV=production \
  BASE_PATH=${BASE_PATH} \
  HOST=0.0.0.0 \
  PORT=8080 \
  DATA_DIR=/data
WORKDIR /app
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/scripts/start.mjs /app/scripts/build-server.mjs /app/scripts/backup.mjs ./scripts/
COPY --from=build /app/openapi/groups.yaml ./openapi/
COPY --from=build /app/server/dist ./server/dist
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
# The image's unprivileged user (uid 1000); the database lives in the volume.
USER node
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node itself is PID 1 (exec form, no npm or shell in between): SIGTERM reaches the server, which stops
# taking requests and closes the database after a checkpoint before it exits.
STOPSIGNAL SIGTERM
CMD ["node", "scripts/start.mjs"]
