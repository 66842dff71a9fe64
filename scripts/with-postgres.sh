#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster on loopback, then stops and deletes the cluster.
# The command sees REGULARS_TEST_POSTGRES_URL (and PGHOST/PGPORT/PGUSER for psql).
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bindir/initdb" ] || { echo "with-postgres: no PostgreSQL server found (apt-get install postgresql)" >&2; exit 1; }

port=${REGULARS_TEST_POSTGRES_PORT:-54329}
workdir=$(mktemp -d /tmp/regulars-pg.XXXXXX)
chmod 755 "$workdir"
owner=$(id -un)
run_as=()
if [ "$(id -u)" = 0 ]; then
  owner=postgres
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$workdir"
  run_as=(runuser -u postgres --)
fi

stop() {
  "${run_as[@]}" "$bindir/pg_ctl" -D "$workdir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap stop EXIT

"${run_as[@]}" "$bindir/initdb" -D "$workdir/data" -U regulars --auth=trust -E UTF8 --locale=C.UTF-8 >"$workdir/initdb.log" 2>&1 \
  || { cat "$workdir/initdb.log" >&2; exit 1; }
"${run_as[@]}" "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $workdir -c fsync=off -c max_connections=300" start >/dev/null \
  || { cat "$workdir/server.log" >&2; exit 1; }
"${run_as[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U regulars regulars_test

export REGULARS_TEST_POSTGRES_URL="postgres://regulars@127.0.0.1:$port/regulars_test"
export PGHOST=127.0.0.1 PGPORT=$port PGUSER=regulars PGDATABASE=regulars_test
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (owner $owner)" >&2
"$@"
