#!/usr/bin/env bash
# The external test run's services: PostgreSQL from Debian's packages and a standalone Artemis broker
# in its own JVM, both on loopback, both set up from nothing on `start` (a fresh database and a fresh
# broker every run). The `external` Maven profile calls this before and after the integration tests;
# the fault tests call stop-database/start-database and stop-broker/start-broker through it.
#
#   services.sh start | stop | stop-database | start-database | stop-broker | start-broker
#
# Settings come from the environment (the profile sets them): EXTERNAL_DIR, ARTEMIS_HOME,
# EXTERNAL_DB_PORT, EXTERNAL_BROKER_PORT, SERVER_CONFIG.
set -euo pipefail

EXTERNAL_DIR=${EXTERNAL_DIR:?}
ARTEMIS_HOME=${ARTEMIS_HOME:?}
DB_PORT=${EXTERNAL_DB_PORT:-25432}
BROKER_PORT=${EXTERNAL_BROKER_PORT:-61626}
SERVER_CONFIG=${SERVER_CONFIG:?}
CLUSTER=callflow-it
BROKER_DIR="$EXTERNAL_DIR/broker"

log() { echo "[external] $*"; }

pg_version() { ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1; }

install_postgresql() {
  if [ -n "$(pg_version)" ] && [ -x "/usr/lib/postgresql/$(pg_version)/bin/postgres" ] && command -v pg_createcluster >/dev/null; then
    return
  fi
  log "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
}

create_database() {
  local version; version=$(pg_version)
  pg_dropcluster --stop "$version" "$CLUSTER" 2>/dev/null || true
  log "PostgreSQL $version cluster $CLUSTER on 127.0.0.1:$DB_PORT"
  pg_createcluster "$version" "$CLUSTER" -p "$DB_PORT" >/dev/null
  # prepared transactions for XA: one per connection of the server's pool, and more
  printf "listen_addresses = '127.0.0.1'\nmax_prepared_transactions = 64\nmax_connections = 200\n" \
    > "/etc/postgresql/$version/$CLUSTER/conf.d/callflow.conf"
  pg_ctlcluster "$version" "$CLUSTER" start
  runuser -u postgres -- psql -q -p "$DB_PORT" -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE callflow LOGIN PASSWORD 'callflow'" \
    -c "CREATE DATABASE callflow OWNER callflow"
}

create_broker() {
  rm -rf "$BROKER_DIR"
  log "Artemis $(basename "$ARTEMIS_HOME") on 127.0.0.1:$BROKER_PORT in $BROKER_DIR"
  "$ARTEMIS_HOME/bin/artemis" create "$BROKER_DIR" --silent --force --require-login \
    --user callflow --password callflow --role callflow --host 127.0.0.1 --default-port "$BROKER_PORT" \
    --no-web --no-amqp-acceptor --no-hornetq-acceptor --no-mqtt-acceptor --no-stomp-acceptor >/dev/null
  # the product's broker configuration, on this run's port
  sed "s#tcp://127.0.0.1:61616#tcp://127.0.0.1:$BROKER_PORT#" "$SERVER_CONFIG/broker.xml" > "$BROKER_DIR/etc/broker.xml"
  # the users of the roles broker.xml names (io.callflow.launcher.BrokerAccount)
  printf 'callflow = callflow\ndesktop = desktop\ndialer = dialer\n' > "$BROKER_DIR/etc/artemis-users.properties"
  printf 'callflow = callflow\ndesktop = desktop\ndialer = dialer\n' > "$BROKER_DIR/etc/artemis-roles.properties"
  sed -i 's/-Xms512M -Xmx2G/-Xms64M -Xmx512M/' "$BROKER_DIR/etc/artemis.profile"
}

wait_for_port() {
  local port=$1 what=$2
  for _ in $(seq 1 120); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  log "$what did not listen on $port within 60 s"; return 1
}

start_database() { pg_ctlcluster "$(pg_version)" "$CLUSTER" start; }
stop_database() { pg_ctlcluster "$(pg_version)" "$CLUSTER" stop -m fast; }

start_broker() {
  "$BROKER_DIR/bin/artemis-service" start >/dev/null
  wait_for_port "$BROKER_PORT" "Artemis"
}

stop_broker() {
  "$BROKER_DIR/bin/artemis-service" stop >/dev/null || true
  # artemis-service gives up after 5 s; a broker still flushing gets more time, then no choice
  local pid_file="$BROKER_DIR/data/artemis.pid"
  if [ -f "$pid_file" ]; then
    local pid; pid=$(cat "$pid_file")
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pid_file"
  fi
}

case "${1:-}" in
  start)
    install_postgresql
    create_database
    create_broker
    start_broker
    log "ready"
    ;;
  stop)
    stop_broker
    pg_dropcluster --stop "$(pg_version)" "$CLUSTER" 2>/dev/null || true
    log "stopped"
    ;;
  start-database) start_database ;;
  stop-database) stop_database ;;
  start-broker) start_broker ;;
  stop-broker) stop_broker ;;
  *) echo "usage: $0 start|stop|start-database|stop-database|start-broker|stop-broker" >&2; exit 2 ;;
esac
