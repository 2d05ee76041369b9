#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, from Debian's binaries
# (/usr/lib/postgresql/<version>/bin, the newest version found).
#
# Sourced by test.sh for its functions, or run by hand:
#   eval "$(tests/TestSupport/scripts/postgres.sh start)"   # starts one, exports CADRE_TEST_POSTGRES
#   tests/TestSupport/scripts/postgres.sh status
#   tests/TestSupport/scripts/postgres.sh stop [DIR]        # stops DIR, or every server started by hand
#
# The server lives in /tmp/cadre-test-pg.XXXXXX (owned by the postgres user when run
# as root), listens on 127.0.0.1 only, on the first free port from 54329 up, with
# trust authentication (throwaway, loopback only) and fsync off (speed over durability).
# The superuser is `postgres`. Each directory records who started it in `owner`: a
# process id (test.sh) or `manual`; servers whose owning process is gone are stopped
# and removed by the next test.sh run.

CADRE_PG_ROOT=/tmp
CADRE_PG_BASE_PORT=${CADRE_PG_BASE_PORT:-54329}

cadre_pg_bindir() {
  local d
  d=$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -n 1)
  [[ -n $d && -x $d/pg_ctl && -x $d/initdb ]] || return 1
  printf '%s\n' "$d"
}

# Runs a command as the postgres user when we are root (PostgreSQL refuses to run as
# root), as ourselves otherwise, from inside the server directory (the postgres user
# may not be allowed into the caller's working directory).
_cadre_pg_run() {
  local dir=$1
  shift
  if [[ $EUID -eq 0 ]]; then
    (cd "$dir" && runuser -u postgres -- "$@")
  else
    (cd "$dir" && "$@")
  fi
}

# Something already accepting connections on 127.0.0.1:PORT?
_cadre_pg_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

_cadre_pg_is_ours() {
  [[ $1 == "$CADRE_PG_ROOT"/cadre-test-pg.* && -d $1 ]]
}

# cadre_pg_start [OWNER]
# Sets CADRE_PG_DIR and CADRE_PG_PORT, and exports CADRE_TEST_POSTGRES.
cadre_pg_start() {
  local owner=${1:-$$} bindir dir port started=0

  if ! bindir=$(cadre_pg_bindir); then
    echo "postgres: no server binaries under /usr/lib/postgresql/*/bin (install the postgresql package)" >&2
    return 1
  fi
  if [[ $EUID -eq 0 ]] && ! id -u postgres >/dev/null 2>&1; then
    echo "postgres: running as root but there is no postgres user to run the server as" >&2
    return 1
  fi

  dir=$(mktemp -d "$CADRE_PG_ROOT/cadre-test-pg.XXXXXX") || return 1
  CADRE_PG_DIR=$dir
  printf '%s\n' "$owner" >"$dir/owner"
  if [[ $EUID -eq 0 ]]; then
    chown postgres:postgres "$dir" || return 1
  fi

  # C.UTF-8 keeps lower()/ILIKE right for accented text; fall back to the C locale.
  if ! _cadre_pg_run "$dir" "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 \
      --locale=C.UTF-8 -N >"$dir/initdb.log" 2>&1; then
    _cadre_pg_run "$dir" rm -rf "$dir/data"
    if ! _cadre_pg_run "$dir" "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 \
        --no-locale -N >>"$dir/initdb.log" 2>&1; then
      echo "postgres: initdb failed:" >&2
      tail -n 20 "$dir/initdb.log" >&2
      cadre_pg_stop "$dir"
      return 1
    fi
  fi

  cat >>"$dir/data/postgresql.conf" <<EOF

# Throwaway test server (tests/TestSupport/scripts/postgres.sh)
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
EOF

  for ((port = CADRE_PG_BASE_PORT; port < CADRE_PG_BASE_PORT + 40; port++)); do
    _cadre_pg_port_busy "$port" && continue
    : >"$dir/server.log"
    [[ $EUID -eq 0 ]] && chown postgres:postgres "$dir/server.log"
    if _cadre_pg_run "$dir" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port" start >>"$dir/pg_ctl.log" 2>&1; then
      started=1
      break
    fi
    # Lost a race for the port: try the next one. Anything else is a real failure.
    grep -Eq 'could not bind|already in use' "$dir/server.log" || break
  done

  if ((!started)); then
    echo "postgres: the server did not start:" >&2
    tail -n 20 "$dir/pg_ctl.log" "$dir/server.log" >&2 2>/dev/null
    cadre_pg_stop "$dir"
    return 1
  fi

  CADRE_PG_PORT=$port
  export CADRE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

# cadre_pg_stop [DIR]: stops the server in DIR (default: $CADRE_PG_DIR) and removes DIR.
cadre_pg_stop() {
  local dir=${1:-${CADRE_PG_DIR:-}} bindir
  [[ -n $dir ]] || return 0
  _cadre_pg_is_ours "$dir" || return 0
  if [[ -f $dir/data/postmaster.pid ]] && bindir=$(cadre_pg_bindir); then
    _cadre_pg_run "$dir" "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 20 stop >/dev/null 2>&1 ||
      _cadre_pg_run "$dir" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -t 20 stop >/dev/null 2>&1 ||
      true
  fi
  rm -rf "$dir"
  if [[ $dir == "${CADRE_PG_DIR:-}" ]]; then
    CADRE_PG_DIR=
  fi
}

# Stops and removes servers left by test.sh runs that were killed (owner process gone).
cadre_pg_reap_stale() {
  local dir owner
  for dir in "$CADRE_PG_ROOT"/cadre-test-pg.*; do
    [[ -d $dir ]] || continue
    owner=$(cat "$dir/owner" 2>/dev/null || true)
    [[ $owner == manual ]] && continue
    if [[ $owner =~ ^[0-9]+$ && -d /proc/$owner ]]; then
      continue
    fi
    cadre_pg_stop "$dir"
  done
}

_cadre_pg_main() {
  set -euo pipefail
  local cmd=${1:-}
  case $cmd in
    start)
      cadre_pg_start manual
      echo "# PostgreSQL test server in $CADRE_PG_DIR, port $CADRE_PG_PORT; stop it with:" >&2
      echo "#   $0 stop $CADRE_PG_DIR" >&2
      printf 'export CADRE_TEST_POSTGRES=%q\n' "$CADRE_TEST_POSTGRES"
      ;;
    stop)
      if [[ -n ${2:-} ]]; then
        _cadre_pg_is_ours "$2" || { echo "not a test server directory: $2" >&2; return 1; }
        cadre_pg_stop "$2"
      else
        local dir
        for dir in "$CADRE_PG_ROOT"/cadre-test-pg.*; do
          if [[ -d $dir && $(cat "$dir/owner" 2>/dev/null) == manual ]]; then
            cadre_pg_stop "$dir"
          fi
        done
      fi
      ;;
    status)
      local dir port
      for dir in "$CADRE_PG_ROOT"/cadre-test-pg.*; do
        [[ -d $dir ]] || continue
        port=$(sed -n 4p "$dir/data/postmaster.pid" 2>/dev/null || true)
        echo "$dir owner=$(cat "$dir/owner" 2>/dev/null) port=${port:-stopped}"
      done
      ;;
    *)
      echo "usage: $0 start|stop [DIR]|status" >&2
      return 2
      ;;
  esac
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  _cadre_pg_main "$@"
fi
