#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: `start DIR` makes a cluster in DIR (initdb, trust login on
# loopback only), starts it on a free 127.0.0.1 port with its socket in DIR, and prints its URL;
# `stop DIR` stops it and removes DIR. `pause DIR` stops it at once (as a crash or an administrator would) and
# keeps its data; `resume DIR` starts it again on the same port. As root the server runs as the `postgres` user
# (initdb refuses root).
set -euo pipefail

# The server would inherit every open descriptor of whoever started this script and keep it open for its life:
# a caller that waits for the end of a pipe (or, like Foundation's Process, for a socket it hands its child) would
# wait for the server to stop. Only stdin, stdout and stderr go on.
for fd in $(ls /proc/$$/fd); do
    if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done

command=${1:?usage: server.sh start|stop|pause|resume DIR}
dir=${2:?usage: server.sh start|stop|pause|resume DIR}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL is not installed (Debian: apt-get install postgresql)" >&2; exit 1; }

as_owner() {
    if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

launch() {
    # fsync off: a test cluster is thrown away, and the tests do not measure durability of the disk.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
}

case "$command" in
start)
    mkdir -p "$dir"
    [ "$(id -u)" = "0" ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    echo "$port" >"$dir/port"
    launch
    echo "postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
    ;;
pause)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
    ;;
resume)
    port=$(cat "$dir/port")
    launch
    ;;
stop)
    if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: server.sh start|stop|pause|resume DIR" >&2
    exit 2
    ;;
esac
