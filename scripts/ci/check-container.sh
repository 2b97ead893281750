#!/usr/bin/env bash
# Post-test check: build the container image offline (scripts/build-image.sh)
# and run it with podman, checking that
#   (a) `attache digest` prints a digest of the bundled examples, with no
#       network at all, and the deployment example configuration and env
#       file pass `attache config check` inside the image;
#   (b) `attache run` with no configuration serves /healthz and /readyz (200,
#       so the SQLite database on the /data volume works) and /metrics on a
#       loopback-published port, passes the image's own HEALTHCHECK, and runs
#       as a non-root user;
#   (c) SIGTERM stops it cleanly, with exit status 0.
# Every wait is bounded; containers, images and the private container storage
# are removed at the end, whatever happened.
set -euo pipefail
cd "$(dirname "$0")/../.."

log() { echo "check-container: $*" >&2; }
fail() {
	log "FAIL: $*"
	exit 1
}

# Packages: buildah builds, podman and runc run, busybox-static is the build
# stage's shell, curl probes from the host.
need=()
for tool in buildah:buildah podman:podman runc:runc busybox:busybox-static curl:curl; do
	command -v "${tool%%:*}" >/dev/null || need+=("${tool#*:}")
done
[ -f /etc/ssl/certs/ca-certificates.crt ] || need+=(ca-certificates) # copied into the image
if [ -x /bin/busybox ] && ldd /bin/busybox >/dev/null 2>&1; then
	need+=(busybox-static) # a dynamic busybox cannot run in the builder image
fi
if [ ${#need[@]} -gt 0 ]; then
	log "installing ${need[*]}"
	export DEBIAN_FRONTEND=noninteractive
	timeout 600 apt-get update -qq
	timeout 900 apt-get install -y -qq "${need[@]}" >/dev/null
fi

# A private storage root keeps this check from touching (or depending on)
# any other container state on the machine; vfs needs no overlay or fuse.
state=$(mktemp -d /var/tmp/attache-container-check.XXXXXX)
export STORAGE_OPTS="--storage-driver vfs --root $state/root --runroot $state/run"
read -r -a storage <<<"$STORAGE_OPTS"
pod=(podman "${storage[@]}" --runtime runc)
image=localhost/attache:check-$$
name=attache-check-$$
cleanup() {
	status=$?
	if [ $status -ne 0 ] && timeout 20 "${pod[@]}" container exists "$name" 2>/dev/null; then
		log "logs of $name:"
		timeout 20 "${pod[@]}" logs "$name" >&2 2>&1 || true
	fi
	timeout 60 "${pod[@]}" rm -f -t 2 "$name" >/dev/null 2>&1 || true
	timeout 60 "${pod[@]}" rmi -f "$image" >/dev/null 2>&1 || true
	timeout 60 buildah "${storage[@]}" rm --all >/dev/null 2>&1 || true
	rm -rf "$state"
	exit $status
}
trap cleanup EXIT

# The containers are small and short-lived: low limits keep a runaway one
# from hurting the machine, and the health timer (systemd-driven in podman)
# is disabled because the check runs the health check itself.
run_opts=(--ulimit nofile=1024:1024 --ulimit nproc=1024:1024 --memory 512m --health-interval disable)

log "building the image"
started=$SECONDS
timeout 1500 scripts/build-image.sh -t "$image"
log "built in $((SECONDS - started)) s"

user=$(timeout 30 "${pod[@]}" image inspect --format '{{.Config.User}}' "$image")
[ "${user%%:*}" = 65532 ] || fail "image user is '$user', want 65532"

# (a) digest of the bundled examples, without any network.
log "(a) attache digest"
digest_out=$state/digest.txt
rc=0
timeout 120 "${pod[@]}" run --rm --network none "${run_opts[@]}" "$image" digest \
	>"$digest_out" 2>"$state/digest.err" || rc=$?
if [ $rc -ne 0 ]; then
	cat "$state/digest.err" >&2
	fail "attache digest exited with status $rc"
fi
grep -q Ayrault "$digest_out" || {
	head -c 2000 "$digest_out" >&2
	fail "the digest does not mention Ayrault"
}
log "(a) ok: digest of $(wc -l <"$digest_out") lines mentions Ayrault"

# The deployment examples load in the image: deploy/attache.example.yaml
# mounted where the compose files mount it, with the documented environment.
rc=0
timeout 120 "${pod[@]}" run --rm --network none "${run_opts[@]}" \
	--env-file deploy/attache.env.example \
	-v "$PWD/deploy/attache.example.yaml:/etc/attache/attache.yaml:ro" \
	"$image" config check >"$state/config.txt" 2>&1 || rc=$?
if [ $rc -ne 0 ] || ! grep -q '^config OK' "$state/config.txt"; then
	grep -v systemd "$state/config.txt" >&2 || true
	fail "deploy/attache.example.yaml with deploy/attache.env.example does not pass config check (status $rc)"
fi
log "(a) ok: $(grep '^config OK' "$state/config.txt")"

# (b) the service with no configuration, published on a loopback port only.
log "(b) attache run"
# podman reports on stderr that it cannot set up its systemd health timer,
# which the check replaces by running the health check itself: keep that
# noise out of the log unless the start fails.
if ! timeout 120 "${pod[@]}" run -d --name "$name" "${run_opts[@]}" -p 127.0.0.1::8080 "$image" run \
	>/dev/null 2>"$state/run.err"; then
	cat "$state/run.err" >&2
	fail "the service container did not start"
fi
hostport=$(timeout 30 "${pod[@]}" port "$name" 8080/tcp | head -n 1)
case $hostport in
127.0.0.1:*) ;;
*) fail "published port is '$hostport', want 127.0.0.1:PORT" ;;
esac
healthy=0
for _ in $(seq 1 60); do
	if curl -fsS --max-time 2 -o /dev/null "http://$hostport/healthz" 2>/dev/null; then
		healthy=1
		break
	fi
	[ "$(timeout 30 "${pod[@]}" inspect --format '{{.State.Running}}' "$name")" = true ] ||
		fail "the container exited before serving /healthz"
	sleep 1
done
[ $healthy = 1 ] || fail "/healthz did not answer 200 within 60 s"
code=$(curl -sS --max-time 5 -o /dev/null -w '%{http_code}' "http://$hostport/healthz")
[ "$code" = 200 ] || fail "/healthz answered $code"
code=$(curl -sS --max-time 10 -o /dev/null -w '%{http_code}' "http://$hostport/readyz")
[ "$code" = 200 ] || fail "/readyz answered $code (SQLite store on the /data volume not usable?)"
curl -fsS --max-time 10 "http://$hostport/metrics" >"$state/metrics.txt" || fail "/metrics did not answer"
for family in '^go_goroutines ' '^# TYPE attache_'; do
	grep -q "$family" "$state/metrics.txt" || fail "/metrics has no line matching $family"
done
timeout 30 "${pod[@]}" healthcheck run "$name" >/dev/null ||
	fail "the image HEALTHCHECK (attache healthcheck) failed inside the container"

# Non-root, as podman reports it and as the kernel sees the process.
huser=$(timeout 30 "${pod[@]}" top "$name" huser | awk 'NR == 2 {print $1}')
case $huser in
"" | 0 | root) fail "container process runs as host user '$huser'" ;;
esac
pid=$(timeout 30 "${pod[@]}" inspect --format '{{.State.Pid}}' "$name")
uids=$(awk '/^Uid:/ {print $2, $3, $4, $5}' "/proc/$pid/status")
for uid in $uids; do
	[ "$uid" != 0 ] || fail "process $pid has uid 0 (Uid: $uids)"
done
log "(b) ok: /healthz, /readyz and /metrics on $hostport, HEALTHCHECK passes, uid $uids"

# (c) SIGTERM: a clean shutdown, exit status 0, in bounded time.
log "(c) SIGTERM"
timeout 30 "${pod[@]}" kill --signal TERM "$name" >/dev/null
stop_started=$SECONDS
if ! exit_code=$(timeout 45 "${pod[@]}" wait "$name"); then
	fail "the service did not exit within 45 s of SIGTERM"
fi
[ "$exit_code" = 0 ] || fail "the service exited with status $exit_code after SIGTERM, want 0"
log "(c) ok: exited 0 in $((SECONDS - stop_started)) s after SIGTERM"
log "passed"
