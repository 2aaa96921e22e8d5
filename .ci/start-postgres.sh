#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster for the tests: 127.0.0.1:55432, user postgres, trust auth.
# Idempotent: does nothing if the server already answers; (re)creates the cluster if it is missing.
# The Debian system cluster (pg_ctlcluster, /etc/postgresql) is left alone on purpose.
set -euo pipefail

PG_VERSION=15
PG_BIN="/usr/lib/postgresql/${PG_VERSION}/bin"
PG_ROOT="${EXCHANGE_PG_ROOT:-/tmp/exchange-pg}"
PG_DATA="${PG_ROOT}/data"
PG_SOCKET="${PG_ROOT}/socket"
PG_LOG="${PG_ROOT}/postgres.log"
PG_PORT="${EXCHANGE_PG_PORT:-55432}"

if [[ ! -x "${PG_BIN}/pg_ctl" ]]; then
    echo "PostgreSQL ${PG_VERSION} not found; installing it with apt-get."
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "postgresql-${PG_VERSION}"
fi

if "${PG_BIN}/pg_isready" -q -h 127.0.0.1 -p "${PG_PORT}"; then
    echo "PostgreSQL already running on 127.0.0.1:${PG_PORT}."
    exit 0
fi

# initdb and postgres refuse to run as root: as root, run them as the postgres user.
as_owner() {
    if [[ "$(id -u)" -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

mkdir -p "${PG_ROOT}" "${PG_SOCKET}"
if [[ "$(id -u)" -eq 0 ]]; then
    chown postgres:postgres "${PG_ROOT}" "${PG_SOCKET}"
fi

# A data dir without PG_VERSION is a half-finished initdb; start over.
if [[ ! -f "${PG_DATA}/PG_VERSION" ]]; then
    rm -rf "${PG_DATA}"
    as_owner "${PG_BIN}/initdb" -D "${PG_DATA}" -U postgres --auth=trust \
        --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    # Sized for the CI box (2 cores, 24 GiB). Durability stays on (fsync, synchronous_commit) so that
    # the benchmark measures what production would see.
    cat >>"${PG_DATA}/postgresql.conf" <<CONF

# --- exchange test cluster ---
listen_addresses = '127.0.0.1'
port = ${PG_PORT}
unix_socket_directories = '${PG_SOCKET}'
max_connections = 300
shared_buffers = 2GB
effective_cache_size = 12GB
work_mem = 16MB
maintenance_work_mem = 256MB
wal_buffers = 16MB
max_wal_size = 4GB
checkpoint_timeout = 15min
random_page_cost = 1.1
max_worker_processes = 4
max_parallel_workers = 2
max_parallel_workers_per_gather = 1
log_min_duration_statement = 1000
CONF
fi

# A stale postmaster.pid from a killed server is handled by pg_ctl/postgres themselves.
as_owner "${PG_BIN}/pg_ctl" -D "${PG_DATA}" -l "${PG_LOG}" -w -t 60 start >/dev/null
echo "PostgreSQL started on 127.0.0.1:${PG_PORT} (data ${PG_DATA}, log ${PG_LOG})."
