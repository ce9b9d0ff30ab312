#!/usr/bin/env bash
# Makes a stand-in for the Dockerfile's base image (node:24-bookworm-slim) on a machine that
# reaches no container registry: a minimal Debian root from debootstrap, the Node 24 binary
# that `npm ci` already put in node_modules (stripped), npm from the npm registry, and a
# `node` user (uid 1000), imported with buildah. Prints the image name, to be passed as
#   buildah build --pull=never --build-arg NODE_IMAGE=<printed name> .
# Cached in two layers under ~/.cache/optiinfra-deploy: the Debian root (debootstrap, cold
# ~20 min on 2 shared cores) keyed by suite, variant and ROOTFS_REV; the image keyed by that,
# the Node binary's hash, the npm version and this script. Installs debootstrap and buildah
# and podman with apt-get when they are missing (root only).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
SUITE=bookworm
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
ROOTFS_REV=1 # bump when the rootfs shaping below changes
NPM_VERSION=11.19.1
NODE_BIN="$here/node_modules/node/bin/node"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/optiinfra-deploy"
# buildah and podman share one store; the driver is the machine default (overlay here).

say() { echo "image-base: $*" >&2; }

ensure_tools() {
  local missing=()
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v buildah >/dev/null || missing+=(buildah)
  # podman runs the built image in test/deploy/image.test.ts.
  command -v podman >/dev/null || missing+=(podman)
  [[ ${#missing[@]} -eq 0 ]] && return
  if [[ $(id -u) -ne 0 ]]; then
    say "missing ${missing[*]} and not root to install them"
    exit 2
  fi
  say "installing ${missing[*]} with apt-get"
  apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
    --no-install-recommends "${missing[@]}" >&2
}

[[ -x "$NODE_BIN" ]] || { say "no $NODE_BIN: run npm ci first"; exit 2; }
ensure_tools

rootfs_key=$(echo "$SUITE minbase $MIRROR $ROOTFS_REV" | sha256sum | cut -c1-12)
rootfs_tar="$cache/rootfs-$SUITE-$rootfs_key.tar"
if [[ ! -f "$rootfs_tar" ]]; then
  started=$SECONDS
  mkdir -p "$cache"
  work=$(mktemp -d "$cache/rootfs.XXXXXX")
  say "debootstrap $SUITE into $work (cold: ~20 min on 2 shared cores; cached afterwards)"
  nice -n 10 debootstrap --variant=minbase "$SUITE" "$work/root" "$MIRROR" >&2
  # What the official slim images drop: docs, man pages, locales, apt lists and caches.
  rm -rf "$work/root"/usr/share/{doc,man,info,locale}/* "$work/root"/var/lib/apt/lists/* \
    "$work/root"/var/cache/apt/* "$work/root"/var/cache/debconf/*-old "$work/root"/var/log/*
  chroot "$work/root" groupadd --gid 1000 node
  chroot "$work/root" useradd --uid 1000 --gid node --shell /bin/sh --create-home node
  tar -C "$work/root" --numeric-owner -cf "$rootfs_tar.tmp" .
  mv "$rootfs_tar.tmp" "$rootfs_tar"
  rm -rf "$work"
  say "Debian root built in $((SECONDS - started))s"
fi

node_sha=$(sha256sum "$NODE_BIN" | cut -c1-64)
key=$({ echo "$rootfs_key $node_sha $NPM_VERSION"; cat "$0"; } | sha256sum | cut -c1-12)
image="localhost/optiinfra-node-base:$key"
if buildah inspect --type image "$image" >/dev/null 2>&1; then
  echo "$image"
  exit 0
fi

say "making $image"
work=$(mktemp -d "$cache/base.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/layer/usr/local/bin" "$work/layer/usr/local/lib/node_modules"
cp "$NODE_BIN" "$work/layer/usr/local/bin/node"
strip "$work/layer/usr/local/bin/node"
npm_tgz="$cache/npm-$NPM_VERSION.tgz"
if [[ ! -f "$npm_tgz" ]]; then
  (cd "$work" && npm pack --silent "npm@$NPM_VERSION" >/dev/null && mv "npm-$NPM_VERSION.tgz" "$npm_tgz")
fi
mkdir "$work/layer/usr/local/lib/node_modules/npm"
tar -C "$work/layer/usr/local/lib/node_modules/npm" --strip-components=1 -xzf "$npm_tgz"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$work/layer/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$work/layer/usr/local/bin/npx"
tar -C "$work/layer" --owner=0 --group=0 -cf "$work/layer.tar" .

ctr=$(buildah from --pull=never scratch)
buildah add --quiet "$ctr" "$rootfs_tar" / >/dev/null
buildah add --quiet "$ctr" "$work/layer.tar" / >/dev/null
buildah config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --env NODE_VERSION="$("$NODE_BIN" --version)" --cmd node \
  --label org.optiinfra.base-key="$key" "$ctr"
buildah commit --quiet --rm "$ctr" "$image" >/dev/null
say "made $image ($(buildah images --format '{{.Size}}' "$image"))"
echo "$image"
