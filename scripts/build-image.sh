#!/usr/bin/env bash
# Build the attache container image with buildah, without a Docker engine and
# without pulling anything: the Dockerfile's build stage runs in a builder
# image assembled here from the machine's own Go toolchain, a static busybox
# and the CA bundle, and the module sources are vendored into a copy of the
# work tree, so the build needs no network at all. The final stage is
# `FROM scratch`, which needs no pull either.
#
# usage: scripts/build-image.sh [-t IMAGE] [--builder IMAGE] [--rebuild-builder]
#
#   -t IMAGE           tag of the built image (default: $ATTACHE_IMAGE or
#                      localhost/attache:dev)
#   --builder IMAGE    use IMAGE as the build stage instead of assembling one,
#                      e.g. golang:1.26.8-bookworm where pulling works
#   --rebuild-builder  assemble the local builder image even if it exists
#
# Environment:
#   STORAGE_OPTS   global options for buildah, e.g. "--storage-driver vfs
#                  --root DIR --runroot DIR" (default "--storage-driver vfs",
#                  which works as root without fuse or overlay support)
#   GO             the go command whose toolchain goes into the builder image
#   BUSYBOX        a statically linked busybox (default: /bin/busybox, from
#                  Debian's busybox-static)
#   VERSION        version stamped into the binary (default: git describe)
#   GOCACHE_MOUNT  1 (default) bind-mounts the host's Go build cache into the
#                  build stage so rebuilds are fast; 0 builds from nothing
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
image=${ATTACHE_IMAGE:-localhost/attache:dev}
builder=""
rebuild_builder=0
while [ $# -gt 0 ]; do
	case $1 in
	-t) image=$2; shift 2 ;;
	--builder) builder=$2; shift 2 ;;
	--rebuild-builder) rebuild_builder=1; shift ;;
	-h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) echo "build-image: unknown argument $1" >&2; exit 2 ;;
	esac
done

read -r -a storage <<<"${STORAGE_OPTS:---storage-driver vfs}"
GO=${GO:-go}
BUSYBOX=${BUSYBOX:-/bin/busybox}
bah() { buildah "${storage[@]}" "$@"; }
log() { echo "build-image: $*" >&2; }

command -v buildah >/dev/null || { log "buildah is not installed (apt-get install buildah)"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/attache-image.XXXXXX")
working_container=""
cleanup() {
	if [ -n "$working_container" ]; then
		bah rm "$working_container" >/dev/null 2>&1 || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

# assemble_builder makes an image with /bin/sh (busybox), the Go toolchain at
# /usr/local/go and the CA bundle: everything the Dockerfile's build stage
# uses, nothing pulled.
assemble_builder() {
	local tag=$1 goroot
	goroot=$("$GO" env GOROOT)
	[ -x "$BUSYBOX" ] || { log "no static busybox at $BUSYBOX (apt-get install busybox-static)"; exit 1; }
	if ! file_is_static "$BUSYBOX"; then
		log "$BUSYBOX is dynamically linked; install busybox-static"
		exit 1
	fi
	[ -f /etc/ssl/certs/ca-certificates.crt ] || { log "no CA bundle (apt-get install ca-certificates)"; exit 1; }
	log "assembling builder image $tag from $goroot"
	working_container=$(bah from scratch)
	local root
	root=$(bah mount "$working_container")
	mkdir -p "$root/bin" "$root/tmp" "$root/root" "$root/etc/ssl/certs" "$root/usr/local"
	chmod 1777 "$root/tmp"
	cp "$BUSYBOX" "$root/bin/busybox"
	chroot "$root" /bin/busybox --install -s /bin
	cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/"
	echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
	echo 'root:x:0:' >"$root/etc/group"
	# The toolchain without its tests and docs, which builds never read.
	tar -C "$goroot" --exclude=./test --exclude=./doc --exclude=./api -cf - . |
		(mkdir -p "$root/usr/local/go" && tar -C "$root/usr/local/go" -xf -)
	bah umount "$working_container" >/dev/null
	bah config \
		--env PATH=/usr/local/go/bin:/bin \
		--env GOROOT=/usr/local/go \
		--env GOPATH=/go \
		--env HOME=/root \
		--env GOPROXY=off \
		--env GOTOOLCHAIN=local \
		--env GOFLAGS=-mod=vendor \
		--workingdir / \
		"$working_container"
	bah commit --quiet --rm "$working_container" "$tag" >/dev/null
	working_container=""
}

file_is_static() {
	# A static ELF has no program interpreter (PT_INTERP); readelf may be
	# missing, so ask the file itself through ldd's exit status instead.
	! ldd "$1" >/dev/null 2>&1
}

if [ -z "$builder" ]; then
	goversion=$("$GO" env GOVERSION)
	builder="localhost/attache-builder:$goversion"
	want=$(sed -n 's/^go \([0-9.]*\).*/go\1/p' "$repo/go.mod")
	if [ "$goversion" != "$want" ]; then
		log "warning: local toolchain $goversion, go.mod asks for $want"
	fi
	if [ "$rebuild_builder" = 1 ] || ! bah inspect --type image "$builder" >/dev/null 2>&1; then
		assemble_builder "$builder"
	else
		log "reusing builder image $builder"
	fi
fi

# The build context is a copy of the work tree with the modules vendored, so
# the build stage compiles without reaching any proxy, and the work tree
# itself never gets a vendor/ directory that would change everybody's builds.
log "preparing the build context"
context="$work/context"
mkdir -p "$context"
tar -C "$repo" --exclude=./.git --exclude=./vendor -cf - . | tar -C "$context" -xf -
(cd "$context" && GOFLAGS=-mod=mod "$GO" mod vendor)

volumes=()
if [ "${GOCACHE_MOUNT:-1}" = 1 ]; then
	gocache=$("$GO" env GOCACHE)
	mkdir -p "$gocache"
	volumes=(--volume "$gocache:/root/.cache/go-build")
fi

version=${VERSION:-$(git -C "$repo" describe --tags --always --dirty 2>/dev/null || true)}

log "building $image (build stage: $builder, version ${version:-unknown})"
bah bud \
	--isolation chroot \
	--format docker \
	--pull=never \
	--layers=false \
	--build-arg "BUILDER_IMAGE=$builder" \
	--build-arg "VERSION=$version" \
	"${volumes[@]}" \
	--tag "$image" \
	--file "$repo/Dockerfile" \
	"$context"
log "built $image"
