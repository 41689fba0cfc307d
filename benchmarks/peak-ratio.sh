#!/usr/bin/env bash
# The whole switch as a ratio of its bare limit, measured by the same client in the same run:
# the bare server, then the switch (warmed up first), then the bare server again; each under the
# project's load generator with the same options. Prints each run's summary and the ratio of the
# switch to the median of the two bare runs. Loopback only; every run is bounded in time.
#
#   benchmarks/peak-ratio.sh [--protocol ISO|HTTP] [--switch-jvm "FLAGS"] [--switch-jar JAR] [--warmup-seconds N]
#                            [--cards N] [-- LOADGEN OPTIONS]
#
# --switch-jvm defaults to the peak flags of docs/operations.md; --switch-jar to the one built here
# (give an older build's jar to compare before and after in one run).
#
# Examples (build first: mvn -B -q package -DskipTests):
#   benchmarks/peak-ratio.sh -- --connections 4 --window 256 --duration 20
#   benchmarks/peak-ratio.sh -- --rate 200000 --duration 30
#   benchmarks/peak-ratio.sh --protocol HTTP -- --connections 64 --window 1 --duration 20
set -euo pipefail
cd "$(dirname "$0")/.."

protocol=ISO
switch_jvm="-XX:+UseZGC -Xms8g -Xmx8g -XX:+AlwaysPreTouch -XX:+UseTransparentHugePages"
warmup_seconds=30
cards=100000
switch_jar=gateway/target/payment-switch.jar
while [[ $# -gt 0 ]]; do
  case "$1" in
    --protocol) protocol=$2; shift 2 ;;
    --switch-jvm) switch_jvm=$2; shift 2 ;;
    --switch-jar) switch_jar=$2; shift 2 ;;
    --warmup-seconds) warmup_seconds=$2; shift 2 ;;
    --cards) cards=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown option $1 (options go after --)" >&2; exit 2 ;;
  esac
done
loadgen_options=("$@")

tools_jar=tools/target/payment-switch-tools.jar
bench_jar=benchmarks/target/benchmarks.jar
for jar in "$switch_jar" "$tools_jar" "$bench_jar"; do
  [[ -f $jar ]] || { echo "$jar is missing: mvn -B -q package -DskipTests" >&2; exit 2; }
done

work=$(mktemp -d /tmp/peak-ratio.XXXXXX)
# the switches' journals (gigabytes after a peak run) go at exit; summaries, logs and reports stay
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null; rm -rf "$work/data" "$work/data.card-keys"' EXIT
if [[ $protocol == ISO ]]; then bare_port=19600; switch_port=19583; else bare_port=19700; switch_port=19080; fi

wait_for_port() {
  for _ in $(seq 1 240); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.5
  done
  echo "nothing listens on $1" >&2; return 1
}

# cpu_ticks PID: user + system clock ticks the process used so far
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# measure NAME PID PORT [extra loadgen options]: one load generator run, its summary and the server's CPU per answer
measure() {
  local name=$1 pid=$2 port=$3; shift 3
  local before after answered
  before=$(cpu_ticks "$pid")
  local TIMEFORMAT='%U %S'
  { time java -jar "$tools_jar" --quiet --protocol "$protocol" --port "$port" --cards "$cards" --out "$work/$name" \
    "$@" "${loadgen_options[@]}" > "$work/$name.txt" 2>&1 || true; } 2> "$work/$name.time"
  after=$(cpu_ticks "$pid")
  answered=$(grep -oE 'answered [0-9]+' "$work/$name.txt" | head -1 | awk '{print $2}')
  grep -E 'measured|by response|latency|INCOMPLETE' "$work/$name.txt" | sed "s/^/$name: /"
  echo "$name: server CPU $(( (after - before) * 10 )) ms for ${answered:-0} answers;" \
    "load generator CPU $(awk '{printf "%d", ($1 + $2) * 1000}' "$work/$name.time") ms (JVM start and warm-up included)"
}

bare() {
  local name=$1 main
  if [[ $protocol == ISO ]]; then main=org.payswitch.benchmarks.bare.IsoEchoServer; else main=org.payswitch.benchmarks.bare.HttpAnswerServer; fi
  java @benchmarks/target/jvm.options -cp "$bench_jar" "$main" --port "$bare_port" > "$work/$name.log" 2>&1 &
  local pid=$!
  wait_for_port "$bare_port"
  measure "$name" "$pid" "$bare_port" --no-setup
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

bare bare-1
# shellcheck disable=SC2086
java $switch_jvm -Xlog:gc,gc+phases:file="$work/switch-gc.log" -jar "$switch_jar" --data-dir "$work/data" \
  --iso-port 19583 --http-port 19080 --demo-cards "$cards" > "$work/switch.log" 2>&1 &
switch_pid=$!
wait_for_port 19080; wait_for_port 19583
echo "switch: warming up for ${warmup_seconds} s (JIT)"
java -jar "$tools_jar" --quiet --protocol "$protocol" --port "$switch_port" --cards "$cards" --out "$work/warmup" \
  --warmup 1 --duration "$warmup_seconds" > "$work/warmup.txt" 2>&1 || true
measure switch "$switch_pid" "$switch_port"
kill "$switch_pid"; wait "$switch_pid" 2>/dev/null || true
bare bare-2

rate() { grep -oE '[0-9]+ answers/s' "$work/$1.txt" | head -1 | awk '{print $1}'; }
b1=$(rate bare-1); b2=$(rate bare-2); s=$(rate switch)
echo "answers/s: bare ${b1:-?} and ${b2:-?}, switch ${s:-?}; ratio to the median bare: $(
  awk -v a="${b1:-0}" -v b="${b2:-0}" -v s="${s:-0}" 'BEGIN { m = (a + b) / 2; if (m > 0) printf "%.3f", s / m; else print "?" }')"
echo "switch GC pauses over 10 ms: $(grep -oE 'Pause.* [0-9.]+ms$' "$work/switch-gc.log" | awk '{v=$NF; sub("ms","",v); if (v+0 > 10) n++} END {print n+0}') (log: $work/switch-gc.log)"
echo "files: $work"
