#!/usr/bin/env bash
# Builds the container image and runs it as docs/deploy.md does (the same commands, which
# server/test/deploy-doc.test.ts checks): the full server answers its health check and serves the console,
# console-only mode serves config.json and no API, SIGTERM stops the server cleanly (exit 0).
# Needs a running container engine (docker); .ci/run calls it when one answers.
set -euo pipefail
cd "$(dirname "$0")/.."
cleanup() {
  docker compose down -v >/dev/null 2>&1 || true
  rm -rf backups
  docker rm -f groups-console groups-console-only >/dev/null 2>&1 || true
  docker volume rm groups-data >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup

wait_healthy() {
  local status=starting
  for _ in $(seq 1 60); do
    status="$(docker inspect -f '{{.State.Health.Status}}' "$1")"
    [ "$status" = healthy ] && return 0
    sleep 2
  done
  docker logs "$1"
  echo "$1 did not become healthy (status: $status)" >&2
  return 1
}

# docs/deploy.md: "The container"
docker build -t groups-console .
docker run -d --name groups-console -p 127.0.0.1:8080:8080 -e ALLOW_EXPOSED_DEMO=1 -v groups-data:/data groups-console
wait_healthy groups-console
curl -fsS -H 'Accept: text/html' http://127.0.0.1:8080/groups | grep -q '<div id="root">'
[ "$(docker exec groups-console id -u)" != 0 ]
docker stop groups-console
[ "$(docker inspect -f '{{.State.ExitCode}}' groups-console)" = 0 ]

# docs/deploy.md: the OCI labels
docker build --build-arg REVISION="$(git rev-parse HEAD)" --build-arg SOURCE=https://example.com/groups-console.git -t groups-console .
[ "$(docker inspect -f '{{index .Config.Labels "org.opencontainers.image.revision"}}' groups-console)" = "$(git rev-parse HEAD)" ]
[ "$(docker inspect -f '{{index .Config.Labels "org.opencontainers.image.version"}}' groups-console)" = "$(node -p 'require("./package.json").version')" ]

# docs/deploy.md: "Console only"
docker run -d --name groups-console-only -p 8081:8080 -e SERVE=console -e CONSOLE_REGION=eu_west_1 -e CONSOLE_CLIENT_ID=your-client-id groups-console
wait_healthy groups-console-only
curl -fsS http://127.0.0.1:8081/config.json | grep -q '"region":"eu_west_1"'
[ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8081/api/v2/groups)" = 404 ]
docker stop groups-console-only
# docs/deploy.md: "Backups", with Docker Compose (the hardened services: read-only, no capabilities)
mkdir -p backups && chmod 777 backups
docker compose up -d groups-console
wait_healthy "$(docker compose ps -q groups-console)"
docker compose run --rm --no-deps -v "$PWD/backups:/backups" groups-console node scripts/backup.mjs /backups/groups-backup.db
[ -s backups/groups-backup.db ]
docker compose stop groups-console
docker compose run --rm --no-deps -v "$PWD/backups:/backups" groups-console sh -c 'rm -f /data/groups.db /data/groups.db-wal /data/groups.db-shm && cp /backups/groups-backup.db /data/groups.db'
docker compose start groups-console
wait_healthy "$(docker compose ps -q groups-console)"
curl -fsS http://127.0.0.1:8080/readyz | grep -q '"ready"'
docker compose down -v

echo "The image builds, answers its health check, serves both modes and stops cleanly."
