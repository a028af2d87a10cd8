#!/usr/bin/env bash
# A single-node Kafka broker (KRaft: broker and controller in one JVM) on 127.0.0.1, for trying the kafka destination
# and for its tests. Kafka comes from Maven Central only: scripts/kafka/pom.xml names it, and the first start copies
# kafka_2.13 and its runtime dependencies into a cache (~/.cache/sluice/kafka-VERSION, or $SLUICE_KAFKA_CACHE).
# The broker needs Java 17 or later: the java of $JAVA_HOME, else the one on the PATH.
#
# Usage: scripts/kafka-local.sh start  [--port N] [--controller-port N] [--no-auto-create] [--partitions N] [--dir D]
#        scripts/kafka-local.sh stop   [--port N] [--dir D] [--keep]  stop the broker and delete its data (--keep:
#                                    keep it; the next start with the same --dir resumes the same topics and offsets)
#        scripts/kafka-local.sh status [--port N] [--dir D]      exit 0 when it runs and answers
#        scripts/kafka-local.sh topic  NAME PARTITIONS [--port N]  create a topic
# --port: the client listener (default 9092); --controller-port: the KRaft controller's (default port+1);
# --no-auto-create: topics are not created when first written to; --partitions: for auto-created topics (default 1);
# --dir: where the broker keeps its data, log (broker.log) and pid (default /tmp/sluice-kafka-PORT).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
pom="$here/kafka/pom.xml"
version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$pom")"
cache="${SLUICE_KAFKA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sluice/kafka-$version}"

command="${1:-}"
[ $# -gt 0 ] && shift
port=9092
controller_port=""
auto_create=true
partitions=1
dir=""
keep_data=false
positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --controller-port) controller_port="$2"; shift 2 ;;
    --no-auto-create) auto_create=false; shift ;;
    --partitions) partitions="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --keep) keep_data=true; shift ;;
    *) positional+=("$1"); shift ;;
  esac
done
controller_port="${controller_port:-$((port + 1))}"
dir="${dir:-/tmp/sluice-kafka-$port}"
pidfile="$dir/broker.pid"
log="$dir/broker.log"

java_bin() {
  if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME/bin/java"; else type -P java; fi
}

# Copies Kafka's jars into the cache once (offline first: ~/.m2 may hold them already).
libs() {
  if [ ! -f "$cache/complete" ]; then
    mkdir -p "$cache"
    local args=(-q -f "$pom" dependency:copy-dependencies -DoutputDirectory="$cache/libs" -DincludeScope=runtime)
    if ! mvn -o "${args[@]}" >"$cache/mvn.log" 2>&1; then
      mvn "${args[@]}" >"$cache/mvn.log" 2>&1 || { cat "$cache/mvn.log" >&2; echo "kafka-local: could not resolve Kafka $version" >&2; exit 1; }
    fi
    touch "$cache/complete"
  fi
  echo "$cache/libs/*"
}

running() {
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

start() {
  if running; then
    echo "kafka-local: already running on 127.0.0.1:$port (pid $(cat "$pidfile"))"
    return 0
  fi
  local java classpath
  java="$(java_bin)"
  classpath="$(libs)"
  local keep=false
  [ -f "$dir/data/meta.properties" ] && keep=true
  mkdir -p "$dir/data"
  cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
auto.create.topics.enable=$auto_create
num.partitions=$partitions
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  local jvm=(-Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true
    "-Dlog4j2.configurationFile=$here/kafka/log4j2.properties" -cp "$classpath")
  $keep || "$java" "${jvm[@]}" kafka.tools.StorageTool format --standalone -t "$(uuid)" -c "$dir/server.properties" \
    >"$dir/format.log" 2>&1 || { cat "$dir/format.log" >&2; echo "kafka-local: could not format $dir/data" >&2; exit 1; }
  nohup "$java" "${jvm[@]}" kafka.Kafka "$dir/server.properties" >"$log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  local waited=0
  until grep -q "Kafka Server started" "$log" 2>/dev/null && answers; do
    if ! running; then
      cat "$log" >&2
      echo "kafka-local: the broker exited while starting (log: $log)" >&2
      exit 1
    fi
    if [ $waited -ge 600 ]; then
      echo "kafka-local: the broker did not answer on 127.0.0.1:$port within 60 s (log: $log)" >&2
      stop
      exit 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  echo "kafka-local: Kafka $version on 127.0.0.1:$port (pid $(cat "$pidfile"), data $dir)"
}

# A random KRaft cluster id: 16 bytes, URL-safe base64 without padding, as kafka-storage random-uuid prints; like
# Kafka's own, never starting with '-' (the storage tool would take it for an option).
uuid() {
  local id="-"
  while [ "${id:0:1}" = "-" ]; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  done
  echo "$id"
}

stop() {
  if running; then
    local pid waited=0
    pid="$(cat "$pidfile")"
    kill "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && [ $waited -lt 300 ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
  if $keep_data; then
    echo "kafka-local: stopped (data kept in $dir: start resumes it)"
  else
    [ -f "$dir/server.properties" ] && rm -rf "$dir"
    echo "kafka-local: stopped"
  fi
}

status() {
  if running && answers; then
    echo "kafka-local: running on 127.0.0.1:$port (pid $(cat "$pidfile"))"
  else
    echo "kafka-local: not running on 127.0.0.1:$port"
    return 1
  fi
}

topic() {
  [ ${#positional[@]} -eq 2 ] || { echo "usage: $0 topic NAME PARTITIONS [--port N]" >&2; exit 2; }
  "$(java_bin)" -Xmx256m "-Dlog4j2.configurationFile=$here/kafka/log4j2.properties" -cp "$(libs)" \
    org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$port" --create \
    --topic "${positional[0]}" --partitions "${positional[1]}" --replication-factor 1
}

case "$command" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  topic) topic ;;
  *) echo "usage: $0 start|stop|status|topic [options] (see the head of this script)" >&2; exit 2 ;;
esac
