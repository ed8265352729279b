#!/bin/sh
# pg-test.sh COMMAND… — run COMMAND with a private PostgreSQL server.
# initdb into a temporary folder, start it on a free port (loopback only),
# export VARDE_TEST_PG=postgresql://varde@127.0.0.1:PORT, run the command,
# and stop and remove the server whatever happens. initdb refuses to run as
# root, so as root the cluster runs as the unprivileged "postgres" user that
# Debian's postgresql package creates.
set -eu
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$PGBIN" ] || { echo "pg-test: PostgreSQL is not installed (make deps-check)" >&2; exit 1; }
dir=$(mktemp -d /tmp/varde-pg.XXXXXX)
chmod 755 "$dir"
as_pg() {
	if [ "$(id -u)" = 0 ]; then
		chown -R postgres "$dir"
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
as_pg "$PGBIN/initdb" -D "$dir/data" -A trust -U varde -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
	{ cat "$dir/initdb.log"; exit 1; }
cleanup() {
	as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
	rm -rf "$dir"
}
trap cleanup EXIT INT TERM
as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
	-o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
echo "pg-test: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $port"
VARDE_TEST_PG="postgresql://varde@127.0.0.1:$port"
export VARDE_TEST_PG
"$@"
