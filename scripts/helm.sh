#!/usr/bin/env bash
# Prints the path of a helm binary, building it first from the Go module pinned in
# deploy/tools/helm (cold: ~20 min on 2 shared cores). The build is cached under
# ~/.cache/optiinfra-deploy keyed by go.mod, go.sum and the Go version, so later runs cost a
# hash. A `helm` already on PATH is used when HELM is unset and it is the pinned version.
#   scripts/helm.sh            -> prints the binary's path
#   scripts/helm.sh lint …     -> runs helm with these arguments
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
src="$here/deploy/tools/helm"
pinned=$(sed -n 's#^\thelm.sh/helm/v4 \(v[0-9.]*\).*#\1#p' "$src/go.mod")

helm_bin() {
  if [[ -n "${HELM:-}" ]]; then echo "$HELM"; return; fi
  local go
  go=$(command -v go || true)
  [[ -z "$go" && -x /usr/local/go/bin/go ]] && go=/usr/local/go/bin/go
  if [[ -z "$go" ]]; then
    echo "scripts/helm.sh: no Go toolchain (go on PATH or /usr/local/go/bin/go) to build helm $pinned" >&2
    exit 1
  fi
  local key
  key=$({ "$go" env GOVERSION GOOS GOARCH; cat "$src/go.mod" "$src/go.sum"; } | sha256sum | cut -c1-16)
  local dir="${XDG_CACHE_HOME:-$HOME/.cache}/optiinfra-deploy/helm-$key"
  if [[ ! -x "$dir/helm" ]]; then
    echo "scripts/helm.sh: building helm $pinned into $dir (cold: ~20 min on 2 cores; cached afterwards)" >&2
    local started=$SECONDS tmp="$dir.tmp-$$"
    mkdir -p "$tmp"
    (cd "$src" && GOFLAGS="-p=2 -buildvcs=false" nice -n 10 "$go" build -trimpath \
      -ldflags="-s -w -X helm.sh/helm/v4/internal/version.version=$pinned" \
      -o "$tmp/helm" helm.sh/helm/v4/cmd/helm)
    rm -rf "$dir" && mv "$tmp" "$dir"
    echo "scripts/helm.sh: built helm in $((SECONDS - started))s" >&2
  fi
  echo "$dir/helm"
}

bin=$(helm_bin)
if [[ $# -eq 0 ]]; then echo "$bin"; else exec "$bin" "$@"; fi
