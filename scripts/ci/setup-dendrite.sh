#!/usr/bin/env bash
# Builds the Dendrite homeserver (and the tools the Matrix adapter's tests use
# to configure it) from the Go module proxy, reusing cached binaries, and
# tells the tests where they are. The tests start their own Dendrite on a
# loopback port, so nothing is started here.
set -euo pipefail

version=v0.13.8
cache="${ATTACHE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/attache}/dendrite/$version"
bin="$cache/bin"
tools=(dendrite generate-keys generate-config create-account)

missing=()
for tool in "${tools[@]}"; do
	[ -x "$bin/$tool" ] || missing+=("github.com/matrix-org/dendrite/cmd/$tool@$version")
done

if [ "${#missing[@]}" -gt 0 ]; then
	if ! command -v gcc >/dev/null 2>&1; then
		# Dendrite's SQLite driver needs cgo.
		if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
			apt-get update -qq
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc libc6-dev >/dev/null
		else
			echo "setup-dendrite: gcc is needed to build Dendrite (cgo)" >&2
			exit 1
		fi
	fi
	echo "setup-dendrite: building Dendrite $version into $bin (a few minutes when cold)"
	mkdir -p "$bin"
	# Build outside the attache module so its go.mod does not constrain
	# Dendrite's dependencies.
	(cd "$cache" && GOBIN="$bin" CGO_ENABLED=1 GOFLAGS=-mod=mod go install "${missing[@]}")
fi

for tool in "${tools[@]}"; do
	[ -x "$bin/$tool" ] || { echo "setup-dendrite: $bin/$tool missing after build" >&2; exit 1; }
done
echo "setup-dendrite: Dendrite $version ready in $bin"
echo "export ATTACHE_DENDRITE_BIN_DIR=$bin" >>"${ATTACHE_CI_ENV:?ATTACHE_CI_ENV must be set}"
