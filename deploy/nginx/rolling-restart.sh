#!/usr/bin/env bash
# Restarts the app instances behind nginx one at a time, so that no request is lost:
#   for each `server` line of upstream.conf: mark it `down` and reload nginx, wait until the workers of
#   the old configuration have finished what they were doing (then nothing is on its way to that
#   instance), run the restart command, wait until its health endpoint answers 200, put it back, next.
#
#   rolling-restart.sh UPSTREAM_CONF NGINX_PID_FILE RESTART_COMMAND
#
# RESTART_COMMAND runs with sh -c, with INSTANCE (host:port) and INSTANCE_PORT set; it returns once the
# old process has stopped and the new one is starting, e.g. 'systemctl restart storefront@$INSTANCE_PORT'.
# HEALTH_PATH (/api/health), HEALTH_TIMEOUT (60 s) and DRAIN_TIMEOUT (45 s, more than nginx.conf's
# worker_shutdown_timeout) tune the waits. An instance that does not come back stays `down` and the
# script stops with status 1; the others keep serving.
set -euo pipefail

if [[ $# -ne 3 ]]; then
  sed -n '2,13p' "$0" >&2
  exit 64
fi
upstream_conf=$1
nginx_pid=$(cat "$2")
restart_command=$3
health_path=${HEALTH_PATH:-/api/health}
health_timeout=${HEALTH_TIMEOUT:-60}
drain_timeout=${DRAIN_TIMEOUT:-45}

# Reloads nginx and returns once every worker it had before is gone.
reload_nginx() {
  local old_workers deadline=$((SECONDS + drain_timeout))
  old_workers=$(pgrep -P "$nginx_pid" || true)
  kill -HUP "$nginx_pid"
  for pid in $old_workers; do
    while kill -0 "$pid" 2>/dev/null; do
      if ((SECONDS >= deadline)); then
        echo "nginx has not finished reloading after ${drain_timeout} s; its error log says why." >&2
        return 1
      fi
      sleep 0.1
    done
  done
}

# Adds or removes the `down` parameter on the line of one instance.
mark() {
  local address=$1 state=$2 edited
  edited=$(awk -v address="$address" -v state="$state" '
    $1 == "server" { name = $2; sub(/;$/, "", name) }
    $1 == "server" && name == address {
      gsub(/[ \t]+down/, "")
      if (state == "down") sub(/;/, " down;")
    }
    { print }' "$upstream_conf")
  printf '%s\n' "$edited" >"$upstream_conf"
}

instances=$(awk '$1 == "server" && !/[ \t]down[ \t;]/ { name = $2; sub(/;$/, "", name); print name }' "$upstream_conf")
if (($(wc -w <<<"$instances") < 2)); then
  echo "$upstream_conf lists fewer than two instances in service: restarting one would drop requests." >&2
  exit 1
fi

for instance in $instances; do
  echo "$instance: draining"
  mark "$instance" down
  reload_nginx
  echo "$instance: restarting"
  INSTANCE=$instance INSTANCE_PORT=${instance##*:} sh -c "$restart_command"
  deadline=$((SECONDS + health_timeout))
  until curl -fs -o /dev/null --max-time 2 "http://$instance$health_path"; do
    if ((SECONDS >= deadline)); then
      echo "$instance: no 200 from $health_path within ${health_timeout} s; it stays down." >&2
      exit 1
    fi
    sleep 0.5
  done
  mark "$instance" up
  reload_nginx
  echo "$instance: serving again"
done
