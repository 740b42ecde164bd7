#!/usr/bin/env bash
# Builds the container image and checks it as docs/deploy.md uses it: the full server answers its health
# check and serves the console, console-only mode serves config.json and no API, SIGTERM stops it cleanly.
# Needs a running container engine (docker); .ci/run calls it when one answers.
set -euo pipefail
cd "$(dirname "$0")/.."
IMAGE="${IMAGE:-groups-console:ci}"
NAME="groups-console-ci-$$"
cleanup() {
  docker rm -f "$NAME" "$NAME-console" >/dev/null 2>&1 || true
  docker volume rm "$NAME-data" >/dev/null 2>&1 || true
}
trap cleanup EXIT

docker build -t "$IMAGE" .

wait_healthy() {
  for _ in $(seq 1 60); do
    status="$(docker inspect -f '{{.State.Health.Status}}' "$1")"
    [ "$status" = healthy ] && return 0
    sleep 2
  done
  docker logs "$1"
  echo "$1 did not become healthy (status: $status)" >&2
  return 1
}

docker run -d --name "$NAME" -p 127.0.0.1:18080:8080 -v "$NAME-data:/data" "$IMAGE"
wait_healthy "$NAME"
curl -fsS -H 'Accept: text/html' http://127.0.0.1:18080/groups | grep -q '<div id="root">'
[ "$(docker exec "$NAME" id -u)" != 0 ]
docker stop -t 20 "$NAME" >/dev/null
[ "$(docker inspect -f '{{.State.ExitCode}}' "$NAME")" = 0 ]

docker run -d --name "$NAME-console" -p 127.0.0.1:18081:8080 \
  -e SERVE=console -e CONSOLE_REGION=eu_west_1 -e CONSOLE_CLIENT_ID=ci-client "$IMAGE"
wait_healthy "$NAME-console"
curl -fsS http://127.0.0.1:18081/config.json | grep -q '"region":"eu_west_1"'
[ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:18081/api/v2/groups)" = 404 ]
echo "The image builds, answers its health check, serves both modes and stops cleanly."
