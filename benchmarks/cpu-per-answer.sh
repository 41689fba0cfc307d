#!/usr/bin/env bash
# Two switch builds compared by the CPU each spends per answer, one switch at a time (so neither
# takes CPU from the other) in interleaved rounds (A then B, then B then A, ...): each run starts
# the switch on an empty data folder (peak flags, demo cards), warms it under the load generator's
# closed loop for 20 s, then measures 15 s and prints answers/s, p99 and the switch's user+system
# CPU (from /proc/PID/stat) over the answers, in total and split by thread: the single writer
# (switch-pipeline), the Netty I/O threads, the rest (from /proc/PID/task/*/stat). As root it drops
# the page cache before each start.
# Loopback only; every run is bounded in time.
#
#   benchmarks/cpu-per-answer.sh ROUNDS JAR_A JAR_B [-- LOADGEN OPTIONS]
#
# LOADGEN OPTIONS default to the ISO 8583 closed loop --connections 4 --window 256.
# Example (build first: mvn -B -q package -DskipTests; JAR_A built from another commit):
#   benchmarks/cpu-per-answer.sh 3 /tmp/old/payment-switch.jar gateway/target/payment-switch.jar
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 3 ]] || { sed -n 9,14p "$0" >&2; exit 2; }
rounds=$1; jar_a=$2; jar_b=$3; shift 3
[[ $# -gt 0 && $1 == -- ]] && shift
loadgen_options=("$@")
[[ ${#loadgen_options[@]} -gt 0 ]] || loadgen_options=(--connections 4 --window 256)
tools_jar=tools/target/payment-switch-tools.jar
for jar in "$jar_a" "$jar_b" "$tools_jar"; do
  [[ -f $jar ]] || { echo "$jar is missing: build first (mvn -B -q package -DskipTests)" >&2; exit 2; }
done
port=19583
work=$(mktemp -d /tmp/cpu-per-answer.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null; rm -rf "$work/data" "$work/data.card-keys"' EXIT
ticks_per_second=$(getconf CLK_TCK)

cpu_ticks() {
  awk '{print $14 + $15}' "/proc/$1/stat"
}

# thread_ticks PID: "TID TICKS NAME" per thread, sorted by TID (for join)
thread_ticks() {
  for task in /proc/"$1"/task/*; do
    echo "${task##*/} $(awk '{print $14 + $15}' "$task/stat" 2>/dev/null) $(tr ' ' '_' < "$task/comm")"
  done | sort
}

run() {
  local name=$1 jar=$2 round=$3
  rm -rf "$work/data" "$work/data.card-keys"
  if [[ $(id -u) -eq 0 ]]; then sync; echo 3 > /proc/sys/vm/drop_caches; fi
  java -XX:+UseZGC -Xms8g -Xmx8g -XX:+AlwaysPreTouch -XX:+UseTransparentHugePages -jar "$jar" \
    --data-dir "$work/data" --iso-port $port --http-port 19080 --demo-cards 100000 > "$work/switch-$name.log" 2>&1 &
  local pid=$!
  for _ in $(seq 240); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.5; done
  java -jar "$tools_jar" --port $port --cards 100000 --quiet --duration 20 "${loadgen_options[@]}" > /dev/null 2>&1
  local before; before=$(cpu_ticks $pid)
  thread_ticks $pid > "$work/threads-before"
  java -jar "$tools_jar" --port $port --cards 100000 --quiet --warmup 0 --duration 15 "${loadgen_options[@]}" \
    > "$work/run-$name-$round.txt" 2>&1
  local after; after=$(cpu_ticks $pid)
  thread_ticks $pid > "$work/threads-after"
  local answers; answers=$(grep -oE '[0-9]+ answers,' "$work/run-$name-$round.txt" | head -1 | grep -oE '[0-9]+')
  echo "round $round $name $(grep -oE '[0-9]+ answers/s|p99 [0-9]+' "$work/run-$name-$round.txt" | tr '\n' ' ')" \
    "cpu/answer $(awk -v t=$((after - before)) -v hz="$ticks_per_second" -v n="$answers" 'BEGIN{printf "%.2f us", t * 1e6 / hz / n}')" \
    "($(join "$work/threads-before" "$work/threads-after" | awk -v hz="$ticks_per_second" -v n="$answers" '
      { d = $4 - $2; if ($3 ~ /^switch-pipeline/) w += d; else if ($3 ~ /IoEv/) io += d; else other += d }
      END { printf "writer %.2f, I/O %.2f, other %.2f us", w * 1e6 / hz / n, io * 1e6 / hz / n, other * 1e6 / hz / n }'))"
  kill $pid; wait $pid 2>/dev/null || true
  sleep 2
}

for round in $(seq "$rounds"); do
  if (( round % 2 == 1 )); then run A "$jar_a" "$round"; run B "$jar_b" "$round"
  else run B "$jar_b" "$round"; run A "$jar_a" "$round"; fi
done
echo "runs' output and the switches' logs: $work"
