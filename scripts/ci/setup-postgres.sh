#!/usr/bin/env bash
# Installs PostgreSQL from Debian apt when missing, starts a throwaway
# cluster listening on 127.0.0.1 only, creates the attache_test database and
# tells the store tests where it is (ATTACHE_TEST_POSTGRES_DSN). Idempotent:
# a cluster this script started earlier is reused. Run as root (CI) or as a
# user who can run initdb.
#
# Environment: ATTACHE_PG_DIR (cluster directory, default /tmp/attache-pg),
# ATTACHE_PG_PORT (first port to try, default 55432).
set -euo pipefail

dir="${ATTACHE_PG_DIR:-/tmp/attache-pg}"
data="$dir/data"
first_port="${ATTACHE_PG_PORT:-55432}"
db=attache_test

log() { echo "setup-postgres: $*"; }
die() { echo "setup-postgres: $*" >&2; exit 1; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

bin="$(pg_bin)"
if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
	[ "$(id -u)" = 0 ] || die "PostgreSQL is not installed and installing it needs root"
	log "installing PostgreSQL from apt"
	apt-get update -qq
	# policy-rc.d 101 keeps the package from starting its own cluster on
	# 5432; ours runs on a private port from a private directory.
	policy=/usr/sbin/policy-rc.d
	created_policy=false
	if [ ! -e "$policy" ]; then
		printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=true
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
	if $created_policy; then rm -f "$policy"; fi
	bin="$(pg_bin)"
	[ -n "$bin" ] && [ -x "$bin/pg_ctl" ] || die "pg_ctl missing after installing postgresql"
fi

# initdb and the server refuse to run as root: use the postgres account.
if [ "$(id -u)" = 0 ]; then
	id postgres >/dev/null 2>&1 || useradd --system --home-dir "$dir" --shell /usr/sbin/nologin postgres
	owner=postgres
	as_owner() { runuser -u postgres -- "$@"; }
else
	owner="$(id -un)"
	as_owner() { "$@"; }
fi

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running_port() {
	# postmaster.pid line 4 is the port of a running server.
	[ -f "$data/postmaster.pid" ] || return 1
	as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1 || return 1
	sed -n 4p "$data/postmaster.pid"
}

mkdir -p "$dir"
chown "$owner" "$dir"
chmod 700 "$dir"

if port="$(running_port)"; then
	log "reusing the cluster in $data on port $port"
else
	if [ ! -s "$data/PG_VERSION" ]; then
		log "initdb $data"
		as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --no-locale >/dev/null
	fi
	port="$first_port"
	while port_in_use "$port"; do
		port=$((port + 1))
		[ "$port" -lt $((first_port + 100)) ] || die "no free port in $first_port..$((first_port + 99))"
	done
	log "starting PostgreSQL on 127.0.0.1:$port"
	# A throwaway test cluster: durability settings off for speed.
	as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
		start >/dev/null || { tail -n 20 "$dir/server.log" >&2; die "PostgreSQL did not start"; }
fi

for _ in $(seq 1 60); do
	"$bin/pg_isready" -q -h 127.0.0.1 -p "$port" && break
	sleep 0.5
done
"$bin/pg_isready" -q -h 127.0.0.1 -p "$port" || die "PostgreSQL on port $port is not ready"

psql=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA)
if [ "$("${psql[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
	"${psql[@]}" -d postgres -c "CREATE DATABASE $db"
fi

dsn="postgres://postgres@127.0.0.1:$port/$db?sslmode=disable"
log "ready: $dsn"
if [ -n "${ATTACHE_CI_ENV:-}" ]; then
	echo "export ATTACHE_TEST_POSTGRES_DSN='$dsn'" >>"$ATTACHE_CI_ENV"
else
	echo "export ATTACHE_TEST_POSTGRES_DSN='$dsn'"
fi
