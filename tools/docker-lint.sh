#!/usr/bin/env bash
# Lints docker/ without a Docker engine. Exits non-zero on any problem, warnings included.
#
#   Dockerfiles  dockerfile-utils (npm, through npx): syntax and instruction arguments;
#                BuildKit's own Dockerfile frontend, offline: parses every stage and runs the rules
#                of `docker build --check` (needs Go; built once, see below);
#                and each Dockerfile must have its <Dockerfile>.dockerignore beside it.
#   Compose      `docker compose config` (Compose's own loader: schema, interpolation, references);
#                its built-in defaults must equal docker/.env.example, and every variable must be
#                in both.
#   LiveKit      the key pair in docker/livekit.yaml must be the one in docker/.env.example.
#
# Installs what is missing, once: dockerfile-utils through npx. Without `docker compose` (or a v2+
# `docker-compose`), the Compose CLI plugin is built from the Go module proxy into
# ~/.docker/cli-plugins: Debian's docker-compose package is Compose v1, which rejects the Compose
# Specification's `name:`. The BuildKit checker is built from the Go module proxy into
# ~/.cache/confer-docker-lint.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

DOCKERFILE_UTILS='dockerfile-utils@0.16.3'
COMPOSE_MODULE=github.com/docker/compose/v5
COMPOSE_VERSION=v5.6.0
BUILDKIT_VERSION=v0.33.1
COMPOSE_FILE=docker/compose.yaml
ENV_EXAMPLE=docker/.env.example
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/confer-docker-lint"

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
ok() { echo "ok:   $*"; }

# ---- BuildKit checker ---------------------------------------------------------------------------
buildkit_check="$CACHE_DIR/buildkit-check-$BUILDKIT_VERSION"
install_buildkit_check() {
  [ -x "$buildkit_check" ] && return 0
  command -v go >/dev/null 2>&1 || return 1
  echo "building BuildKit's Dockerfile checker $BUILDKIT_VERSION from the Go module proxy (once)..."
  local src="$CACHE_DIR/buildkit-check-src"
  rm -rf "$src" && mkdir -p "$src"
  # A go line turns on module graph pruning; without it tidy would fetch BuildKit's whole graph.
  printf 'module buildkitcheck\n\ngo %s\n\nrequire github.com/moby/buildkit %s\n' \
    "$(go env GOVERSION | sed 's/^go//')" "$BUILDKIT_VERSION" >"$src/go.mod"
  cat >"$src/main.go" <<'GO'
// Runs BuildKit's Dockerfile frontend on each file given, the way `docker build --check` does:
// every stage is parsed and dispatched and every check rule applied. Base images are never
// fetched: a stub resolver answers for any image, so this works offline.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/moby/buildkit/client/llb"
	"github.com/moby/buildkit/client/llb/sourceresolver"
	"github.com/moby/buildkit/frontend/dockerfile/dockerfile2llb"
	digest "github.com/opencontainers/go-digest"
)

type offline struct{}

func (offline) ResolveImageConfig(_ context.Context, ref string, _ sourceresolver.Opt) (string, digest.Digest, []byte, error) {
	cfg := []byte(`{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":[]}}`)
	return ref, digest.FromBytes(cfg), cfg, nil
}

func main() {
	ctx := context.Background()
	problems := 0
	for _, file := range os.Args[1:] {
		dt, err := os.ReadFile(file)
		if err != nil {
			fmt.Println(err)
			problems++
			continue
		}
		src := llb.Local("dockerfile")
		def, err := src.Marshal(ctx)
		if err != nil {
			panic(err)
		}
		sm := llb.NewSourceMap(&src, file, "Dockerfile", dt)
		sm.Definition = def
		res, err := dockerfile2llb.DockerfileLint(ctx, dt, dockerfile2llb.ConvertOpt{SourceMap: sm, MetaResolver: offline{}})
		if err != nil {
			panic(err)
		}
		for _, w := range res.Warnings {
			line := int32(0)
			if w.Location != nil && len(w.Location.Ranges) > 0 {
				line = w.Location.Ranges[0].Start.Line
			}
			fmt.Printf("%s:%d: %s: %s\n", file, line, w.RuleName, w.Detail)
			problems++
		}
		if res.Error != nil {
			fmt.Printf("%s: %s\n", file, res.Error.Message)
			problems++
		}
	}
	if problems > 0 {
		os.Exit(1)
	}
}
GO
  mkdir -p "$CACHE_DIR"
  (cd "$src" && GOFLAGS=-mod=mod go mod tidy >/dev/null 2>&1 && CGO_ENABLED=0 go build -o "$buildkit_check.tmp" .) &&
    mv "$buildkit_check.tmp" "$buildkit_check"
}

# ---- Dockerfiles --------------------------------------------------------------------------------
mapfile -t dockerfiles < <(find docker -maxdepth 1 -type f \
  \( -name '*.Dockerfile' -o -name 'Dockerfile' -o -name 'Dockerfile.*' \) ! -name '*.dockerignore' | sort)
if [ "${#dockerfiles[@]}" -eq 0 ]; then
  fail "no Dockerfile under docker/"
fi
have_buildkit_check=false
if install_buildkit_check; then
  have_buildkit_check=true
else
  fail "no Go to build BuildKit's Dockerfile checker: install Go (https://go.dev/dl) and rerun"
fi
for dockerfile in "${dockerfiles[@]}"; do
  # dockerfile-utils exits 1 on errors only; any diagnostic it prints (on stdout) counts as a
  # problem here. npm's own notices go to stderr and are not diagnostics.
  if output=$(npm_config_update_notifier=false npx --yes "$DOCKERFILE_UTILS" lint "$dockerfile") &&
    [ -z "$output" ]; then
    ok "$dockerfile ($DOCKERFILE_UTILS)"
  else
    printf '%s\n' "$output" >&2
    fail "$dockerfile ($DOCKERFILE_UTILS)"
  fi
  if $have_buildkit_check; then
    if "$buildkit_check" "$dockerfile" >&2; then
      ok "$dockerfile (BuildKit $BUILDKIT_VERSION frontend and check rules)"
    else
      fail "$dockerfile (BuildKit $BUILDKIT_VERSION frontend and check rules)"
    fi
  fi
  if [ -f "$dockerfile.dockerignore" ]; then
    ok "$dockerfile.dockerignore exists"
  else
    fail "$dockerfile has no $dockerfile.dockerignore: the whole repository (node_modules too) would be sent to the build"
  fi
done

# ---- Compose ------------------------------------------------------------------------------------
compose=()
find_compose() {
  if docker compose version >/dev/null 2>&1; then
    compose=(docker compose)
  elif command -v docker-compose >/dev/null 2>&1 &&
    [[ "$(docker-compose version --short 2>/dev/null)" =~ ^v?([2-9]|[1-9][0-9]) ]]; then
    compose=(docker-compose)
  elif [ -x "$HOME/.docker/cli-plugins/docker-compose" ]; then
    compose=("$HOME/.docker/cli-plugins/docker-compose")
  fi
}
install_compose() {
  command -v go >/dev/null 2>&1 || {
    echo "no Docker Compose v2+ and no Go to build it: install the Docker Compose plugin" >&2
    return 1
  }
  echo "building the Docker Compose plugin $COMPOSE_VERSION from the Go module proxy (once)..."
  local dir
  dir=$(go mod download -json "$COMPOSE_MODULE@$COMPOSE_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -n "$dir" ] || return 1
  mkdir -p "$HOME/.docker/cli-plugins"
  (cd "$dir" && CGO_ENABLED=0 GOFLAGS=-mod=mod go build \
    -ldflags "-X $COMPOSE_MODULE/internal.Version=$COMPOSE_VERSION" \
    -o "$HOME/.docker/cli-plugins/docker-compose.tmp" ./cmd)
  mv "$HOME/.docker/cli-plugins/docker-compose.tmp" "$HOME/.docker/cli-plugins/docker-compose"
}
find_compose
if [ "${#compose[@]}" -eq 0 ]; then
  install_compose && find_compose
fi

if [ "${#compose[@]}" -eq 0 ]; then
  fail "cannot validate $COMPOSE_FILE: no Docker Compose"
else
  # A clean environment and an explicit env file, so that neither the caller's variables nor a
  # developer's docker/.env change what is checked.
  empty_env=$(mktemp)
  trap 'rm -f "$empty_env"' EXIT
  run_compose() { env -i PATH="$PATH" HOME="$HOME" "${compose[@]}" --env-file "$1" -f "$COMPOSE_FILE" config "${@:2}"; }

  if run_compose "$empty_env" -q; then
    ok "$COMPOSE_FILE (${compose[*]} config, $("${compose[@]}" version --short 2>/dev/null || echo '?'))"
  else
    fail "$COMPOSE_FILE (${compose[*]} config)"
  fi
  if run_compose "$ENV_EXAMPLE" -q; then
    ok "$COMPOSE_FILE with $ENV_EXAMPLE"
  else
    fail "$COMPOSE_FILE with $ENV_EXAMPLE"
  fi
  if diff -u --label "defaults in $COMPOSE_FILE" --label "with $ENV_EXAMPLE" \
    <(run_compose "$empty_env" 2>&1) <(run_compose "$ENV_EXAMPLE" 2>&1) >&2; then
    ok "the defaults in $COMPOSE_FILE equal $ENV_EXAMPLE"
  else
    fail "the defaults in $COMPOSE_FILE and $ENV_EXAMPLE differ (diff above)"
  fi
fi
# `${VAR` in the compose file ($$ escapes a shell variable of a container's command).
used=$({ grep -o '\$[{][A-Z_][A-Z0-9_]*' "$COMPOSE_FILE" || true; } | cut -c3- | sort -u)
listed=$(sed -n 's/^\([A-Z_][A-Z0-9_]*\)=.*/\1/p' "$ENV_EXAMPLE" | sort -u)
if [ "$used" = "$listed" ]; then
  ok "$ENV_EXAMPLE lists exactly the variables $COMPOSE_FILE reads"
else
  { diff <(echo "$used") <(echo "$listed") || true; } | sed -n "s|^< |only in $COMPOSE_FILE: |p; s|^> |only in $ENV_EXAMPLE: |p" >&2
  fail "$COMPOSE_FILE and $ENV_EXAMPLE name different variables"
fi

# ---- LiveKit keys -------------------------------------------------------------------------------
key=$(sed -n 's/^LIVEKIT_API_KEY=//p' "$ENV_EXAMPLE")
secret=$(sed -n 's/^LIVEKIT_API_SECRET=//p' "$ENV_EXAMPLE")
if [ -n "$key" ] && grep -qxF "  $key: $secret" docker/livekit.yaml && grep -qxF "  api_key: $key" docker/livekit.yaml; then
  ok "docker/livekit.yaml keys and webhook.api_key match $ENV_EXAMPLE"
else
  fail "docker/livekit.yaml keys or webhook.api_key do not match LIVEKIT_API_KEY/LIVEKIT_API_SECRET in $ENV_EXAMPLE"
fi

if [ "$failures" -gt 0 ]; then
  echo "docker lint: $failures problem(s)" >&2
  exit 1
fi
echo "docker lint: all checks passed"
