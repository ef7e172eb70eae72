#!/usr/bin/env bash
# Redis from Debian: caches, rate limits, token deny-list, locks. Nothing is kept on disk.
# Machines of this kind already run one on 6379; then start and stop leave it alone.
source "$(dirname "$0")/lib.sh"

start() {
  if running redis || port_open 6379; then return 0; fi
  apt_install redis-server
  mkdir -p "$DATA_DIR/redis"
  spawn redis redis-server --bind 127.0.0.1 --port 6379 --dir "$DATA_DIR/redis" --save "" --appendonly no
  wait_for redis 20 redis-cli -h 127.0.0.1 -p 6379 ping
  say "redis started"
}

stop() { stop_pid redis; }

status() { status_line redis 6379; }

"${1:-status}"
