#!/usr/bin/env bash
# The nginx gateway on 127.0.0.1:8000 (Debian's nginx, run with the project's own config). GATEWAY_PORT and
# the *_ADDR variables below move it and its upstreams (the browser tests run a second gateway).
source "$(dirname "$0")/lib.sh"

GATEWAY_PORT=${GATEWAY_PORT:-8000}
CONF_DIR="$DATA_DIR/gateway"

admin_ui_dir() {
  if [[ -f $ROOT/admin-ui/dist/index.html ]]; then echo "$ROOT/admin-ui/dist"; else echo "$ROOT/admin-ui/placeholder"; fi
}

render() {
  mkdir -p "$CONF_DIR"/tmp/{body,proxy,fastcgi,uwsgi,scgi}
  sed -e "s#@DATA_DIR@#$DATA_DIR#g" \
      -e "s#@ADMIN_UI_DIR@#$(admin_ui_dir)#g" \
      -e "s#@LISTEN_ADDR@#127.0.0.1#g" \
      -e "s#@LISTEN_PORT@#$GATEWAY_PORT#g" \
      -e "s#@COMMAND_SIDE@#${COMMAND_SIDE_ADDR:-127.0.0.1:8081}#g" \
      -e "s#@QUERY_SIDE@#${QUERY_SIDE_ADDR:-127.0.0.1:8082}#g" \
      -e "s#@UGC_PROJECTION@#${UGC_PROJECTION_ADDR:-127.0.0.1:8083}#g" \
      "$ROOT/infra/gateway/nginx.conf.template" >"$CONF_DIR/nginx.conf"
  nginx -t -q -c "$CONF_DIR/nginx.conf" -p "$CONF_DIR" -e "$LOG_DIR/gateway-error.log"
}

start() {
  if running gateway; then
    # Picks up a config that changed since (the admin app built after the placeholder was served).
    render
    kill -HUP "$(cat "$(pid_file gateway)")"
    return 0
  fi
  port_open "$GATEWAY_PORT" && die "port $GATEWAY_PORT is taken by a process that is not our gateway"
  apt_install nginx-light
  render
  spawn gateway nginx -c "$CONF_DIR/nginx.conf" -p "$CONF_DIR" -e "$LOG_DIR/gateway-error.log"
  wait_for gateway 10 port_open "$GATEWAY_PORT"
  say "gateway listening on http://127.0.0.1:$GATEWAY_PORT"
}

stop() { stop_pid gateway 10; }

status() { status_line gateway "$GATEWAY_PORT"; }

"${1:-status}"
