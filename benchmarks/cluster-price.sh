#!/usr/bin/env bash
# The price of the cluster mode: the same load generator, with the same options, against a
# standalone switch, then against a 3-member cluster on this machine (docs/cluster.md) through the
# leader's port and through a follower's, then against the standalone switch again. Prints each
# run's summary and the ratios of the cluster's answers/s to the median standalone run. Loopback
# only; every run bounded in time. The three members share this machine's cores with each other
# and with the generator: on a small machine the ratio is a floor, not the price on three machines.
#
#   benchmarks/cluster-price.sh [--protocol ISO|HTTP] [--jvm "FLAGS"] [--warmup-seconds N] [--cards N]
#                               [-- LOADGEN OPTIONS]
#
# Example (build first: mvn -B -q package -DskipTests):
#   benchmarks/cluster-price.sh -- --connections 4 --window 256 --duration 20
set -euo pipefail
cd "$(dirname "$0")/.."

protocol=ISO
jvm="-XX:+UseZGC -Xms3g -Xmx3g -XX:+AlwaysPreTouch"
warmup_seconds=20
cards=100000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --protocol) protocol=$2; shift 2 ;;
    --jvm) jvm=$2; shift 2 ;;
    --warmup-seconds) warmup_seconds=$2; shift 2 ;;
    --cards) cards=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown option $1 (options go after --)" >&2; exit 2 ;;
  esac
done
loadgen_options=("$@")

switch_jar=gateway/target/payment-switch.jar
tools_jar=tools/target/payment-switch-tools.jar
for jar in "$switch_jar" "$tools_jar"; do
  [[ -f $jar ]] || { echo "$jar is missing: mvn -B -q package -DskipTests" >&2; exit 2; }
done

work=$(mktemp -d /tmp/cluster-price.XXXXXX)
trap 'kill -9 $(jobs -p) 2>/dev/null || true; wait 2>/dev/null; rm -rf "$work"/m? "$work"/m?.card-keys "$work"/solo*/ "$work"/solo*.card-keys' EXIT
members=localhost:19100,localhost:19110,localhost:19120

wait_for_port() {
  for _ in $(seq 1 480); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.5
  done
  echo "nothing listens on $1" >&2; return 1
}

port_of() { if [[ $protocol == ISO ]]; then echo "$2"; else echo "$1"; fi; }

# run NAME PORT: warm-up, then one measured load generator run
run() {
  local name=$1 port=$2
  java -jar "$tools_jar" --quiet --protocol "$protocol" --port "$port" --cards "$cards" --out "$work/$name-warmup" \
    --warmup 1 --duration "$warmup_seconds" > "$work/$name-warmup.txt" 2>&1 || true
  java -jar "$tools_jar" --quiet --protocol "$protocol" --port "$port" --cards "$cards" --out "$work/$name" \
    "${loadgen_options[@]}" > "$work/$name.txt" 2>&1 || true
  grep -E 'measured|by response|latency|INCOMPLETE' "$work/$name.txt" | sed "s/^/$name: /"
}

standalone() {
  local name=$1
  # shellcheck disable=SC2086
  java $jvm -jar "$switch_jar" --data-dir "$work/$name" --http-port 19080 --iso-port 19583 --demo-cards "$cards" \
    > "$work/$name.log" 2>&1 &
  local pid=$!
  wait_for_port 19080
  run "$name" "$(port_of 19080 19583)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

standalone solo-1
pids=()
for id in 0 1 2; do
  # shellcheck disable=SC2086
  java $jvm -jar "$switch_jar" --cluster "$members" --cluster-member "$id" --data-dir "$work/m$id" \
    --http-port "1908$id" --iso-port "1958$id" --demo-cards "$cards" > "$work/m$id.log" 2>&1 &
  pids+=($!)
done
for id in 0 1 2; do wait_for_port "1908$id"; done
leader=$(grep -l "is now LEADER" "$work"/m?.log | head -1 | sed 's/.*m\([0-9]\)\.log/\1/')
follower=$(( (leader + 1) % 3 ))
echo "cluster: member $leader leads"
run cluster-leader "$(port_of "1908$leader" "1958$leader")"
run cluster-follower "$(port_of "1908$follower" "1958$follower")"
kill "${pids[@]}"; wait "${pids[@]}" 2>/dev/null || true
standalone solo-2

rate() { grep -oE '[0-9]+ answers/s' "$work/$1.txt" | head -1 | awk '{print $1}'; }
s1=$(rate solo-1); s2=$(rate solo-2); l=$(rate cluster-leader); f=$(rate cluster-follower)
ratio() { awk -v a="${s1:-0}" -v b="${s2:-0}" -v c="${1:-0}" 'BEGIN { m = (a + b) / 2; if (m > 0) printf "%.3f", c / m; else print "?" }'; }
echo "answers/s: standalone ${s1:-?} and ${s2:-?}; cluster through the leader ${l:-?} (ratio $(ratio "$l")), through a follower ${f:-?} (ratio $(ratio "$f"))"
echo "files: $work"
