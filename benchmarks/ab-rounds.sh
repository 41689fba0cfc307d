#!/usr/bin/env bash
# Rounds of bare limit, switch and another switch build, interleaved, for a before/after on a noisy
# machine: both switches start once (peak flags, demo cards), are warmed, and stay up; each round
# runs the bare server (started and stopped around its run: an idle bare echo yields, so it would
# take CPU from the others), then the switch, then the other build, each under the same load
# generator options. Prints each run's answers/s, response codes, latency and the server's CPU per
# answer. Loopback only; every run is bounded in time.
#
#   benchmarks/ab-rounds.sh ISO|HTTP ROUNDS SECONDS OTHER_SWITCH_JAR -- LOADGEN OPTIONS
#
# Example (build first: mvn -B -q package -DskipTests; OTHER_SWITCH_JAR built from another commit):
#   benchmarks/ab-rounds.sh ISO 3 15 /tmp/old/gateway/target/payment-switch.jar -- --connections 4 --window 256
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 5 && $5 == -- ]] || { sed -n 8,11p "$0" >&2; exit 2; }
protocol=$1; rounds=$2; seconds=$3; other_jar=$4; shift 5
loadgen_options=("$@")
tools_jar=tools/target/payment-switch-tools.jar
bench_jar=benchmarks/target/benchmarks.jar
switch_jvm=(-XX:+UseZGC -Xms8g -Xmx8g -XX:+AlwaysPreTouch -XX:+UseTransparentHugePages)
if [[ $protocol == ISO ]]; then
  main=org.payswitch.benchmarks.bare.IsoEchoServer; bare_port=19600; new_port=19583; old_port=29583
else
  main=org.payswitch.benchmarks.bare.HttpAnswerServer; bare_port=19700; new_port=19080; old_port=29080
fi
work=$(mktemp -d /tmp/ab-rounds.XXXXXX)
# the switches' journals (gigabytes after a peak run) go at exit; summaries, logs and reports stay
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null; rm -rf "$work/new" "$work/old" "$work/new.card-keys" "$work/old.card-keys"' EXIT

wait_for_port() {
  for _ in $(seq 1 240); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.5; done
  echo "nothing listens on $1" >&2; return 1
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

java "${switch_jvm[@]}" -Xlog:gc:file="$work/switch-gc.log" -jar gateway/target/payment-switch.jar \
  --data-dir "$work/new" --iso-port 19583 --http-port 19080 --demo-cards 100000 > "$work/new.log" 2>&1 &
new_pid=$!
java "${switch_jvm[@]}" -jar "$other_jar" \
  --data-dir "$work/old" --iso-port 29583 --http-port 29080 --demo-cards 100000 > "$work/old.log" 2>&1 &
old_pid=$!
for port in 19583 19080 29583 29080; do wait_for_port "$port"; done
for port in $new_port $old_port; do
  java -jar "$tools_jar" --quiet --protocol "$protocol" --port "$port" --cards 100000 --warmup 1 --duration 25 \
    --out "$work/warmup-$port" "${loadgen_options[@]}" > /dev/null 2>&1 || true
done

# run NAME PORT PID: one measured run and its line
run() {
  local before after answered rate
  before=$(cpu_ticks "$3")
  java -jar "$tools_jar" --quiet --protocol "$protocol" --port "$2" --cards 100000 --no-setup --warmup 3 \
    --duration "$seconds" --out "$work/$1" "${loadgen_options[@]}" > "$work/$1.txt" 2>&1 || true
  after=$(cpu_ticks "$3")
  rate=$(grep -oE '[0-9]+ answers/s' "$work/$1.txt" | awk '{print $1}')
  answered=$(grep -oE 'answered [0-9]+' "$work/$1.txt" | awk '{print $2}')
  echo "$1 ${rate:-?} answers/s, $(grep -oE 'by response code: .*' "$work/$1.txt"), " \
    "$(grep -oE 'p50 [0-9]+|p99 [0-9]+|p99.9 [0-9]+' "$work/$1.txt" | tr '\n' ' ')" \
    "server µs/answer $(awk -v c=$((after - before)) -v n="${answered:-0}" 'BEGIN { if (n > 0) printf "%.2f", c * 10000 / n; else print "?" }')"
}

for round in $(seq 1 "$rounds"); do
  java @benchmarks/target/jvm.options -cp "$bench_jar" "$main" --port "$bare_port" > "$work/bare.log" 2>&1 &
  bare_pid=$!
  wait_for_port "$bare_port"
  run "bare-$round" "$bare_port" "$bare_pid"
  kill "$bare_pid"; wait "$bare_pid" 2>/dev/null || true
  run "switch-$round" "$new_port" "$new_pid"
  run "other-$round" "$old_port" "$old_pid"
done
kill "$new_pid" "$old_pid"; wait "$new_pid" "$old_pid" 2>/dev/null || true
echo "switch GC pauses over 10 ms: $(grep -oE 'Pause.* [0-9.]+ms$' "$work/switch-gc.log" | awk '{v=$NF; sub("ms","",v); if (v+0 > 10) n++} END {print n+0}')"
echo "files: $work"
