#!/usr/bin/env bash
# Builds the image of each service and of the gateway from the aot-jars (./mvnw package first), tagged
# <prefix>/<name>:<version>. Uses podman if it is there, else docker.
#   deploy/container/build-images.sh [--base <image with a Java 17+ runtime>] [--prefix localhost/ngs]
# Without --base, the Containerfiles' default public base image is used (eclipse-temurin:25-jre).
set -euo pipefail
cd "$(dirname "$0")/../.."
base=""
prefix="localhost/ngs"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --base) base="$2"; shift 2 ;;
    --prefix) prefix="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
engine=$(command -v podman || command -v docker || { echo "neither podman nor docker is installed" >&2; exit 1; })
extra=()
if [[ $(basename "$engine") == podman ]]; then
  # what this kind of machine needs (RECIPES: runc, lowered limits); harmless elsewhere
  extra=(--runtime runc --ulimit nofile=4096:4096 --ulimit nproc=4096:4096)
fi
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
revision=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
for module in training-service participation-service feasibility-service comms-service gateway; do
  name=${module%-service}
  if [[ ! -f $module/target/quarkus-app/quarkus-run.jar ]]; then
    echo "$module/target/quarkus-app is missing: run ./mvnw package -DskipTests first" >&2
    exit 1
  fi
  args=(--build-arg "VERSION=$version" --build-arg "REVISION=$revision")
  [[ -n $base ]] && args+=(--build-arg "BASE_IMAGE=$base")
  "$engine" build "${extra[@]}" "${args[@]}" -f "$module/src/main/docker/Containerfile" -t "$prefix/$name:$version" .
done
"$engine" images --filter "reference=$prefix/*"
