#!/usr/bin/env bash
# Past capacity: the switch pinned to one core (optionally capped to a share of it), the load
# generator to the other; first the closed-loop capacity X (4 x 256), then an open loop at
# FACTOR x X for 30 s. Prints both summaries, the per-5-second progress of the open loop and the
# switch's GC pauses over 10 ms. Needs two cores and taskset; --cpu-share needs root and the
# cgroup v1 cpu controller (it caps the switch so that the generator can offer twice its capacity).
#
#   benchmarks/overload.sh [--cpu-share 0.5] [--factor 2] [-- SWITCH OPTIONS]
#
# Example: benchmarks/overload.sh --cpu-share 0.5 -- --io-threads 2   (two I/O threads: see docs/pipeline.md)
set -euo pipefail
cd "$(dirname "$0")/.."
share=1; factor=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --cpu-share) share=$2; shift 2 ;;
    --factor) factor=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown option $1 (switch options go after --)" >&2; exit 2 ;;
  esac
done
switch_options=("$@")
tools_jar=tools/target/payment-switch-tools.jar
switch_jar=gateway/target/payment-switch.jar
for jar in "$switch_jar" "$tools_jar"; do
  [[ -f $jar ]] || { echo "$jar is missing: mvn -B -q package -DskipTests" >&2; exit 2; }
done
work=$(mktemp -d /tmp/overload.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null; rm -rf "$work/data" "$work/data.card-keys"' EXIT

launch=(taskset -c 1)
if [[ $share != 1 ]]; then
  group=/sys/fs/cgroup/cpu/payswitch-overload
  mkdir -p $group
  echo 10000 > $group/cpu.cfs_period_us
  awk -v s="$share" 'BEGIN { printf "%d\n", s * 10000 }' > $group/cpu.cfs_quota_us
  launch=(sh -c "echo \$\$ > $group/cgroup.procs; exec taskset -c 1 \"\$@\"" sh)
fi
"${launch[@]}" java -XX:+UseZGC -Xms8g -Xmx8g -XX:+AlwaysPreTouch -XX:+UseTransparentHugePages -Xlog:gc,gc+phases:file="$work/gc.log" \
  -jar "$switch_jar" --data-dir "$work/data" --iso-port 19583 --http-port 19080 --demo-cards 100000 \
  "${switch_options[@]}" > "$work/switch.log" 2>&1 &
for _ in $(seq 240); do (exec 3<>/dev/tcp/127.0.0.1/19583) 2>/dev/null && break; sleep 0.5; done

loadgen() { taskset -c 0 java -jar "$tools_jar" --port 19583 --cards 100000 --connections 4 "$@"; }
loadgen --quiet --window 256 --duration 20 --out "$work/warmup" > "$work/warmup.txt" 2>&1
loadgen --quiet --window 256 --duration 15 --out "$work/closed" > "$work/closed.txt" 2>&1
grep -E 'measured|by response|latency' "$work/closed.txt" | sed 's/^/closed loop: /'
capacity=$(grep -oE '[0-9]+ answers/s' "$work/closed.txt" | head -1 | awk '{print $1}')
rate=$(awk -v c="$capacity" -v f="$factor" 'BEGIN { printf "%d", c * f }')
echo "capacity ${capacity}/s (switch on one core, share $share); open loop at ${rate}/s for 30 s"
loadgen --rate "$rate" --duration 30 --out "$work/open" > "$work/open.txt" 2>&1 || true
grep -E 'sent [0-9]+, answered|measured|by response|latency|service time' "$work/open.txt" | sed 's/^/open loop: /'
grep -E 'loadgen: +(5|10|15|20|25|30) s' "$work/open.txt" || true
echo "switch GC pauses over 10 ms: $(grep -oE 'Pause.* [0-9.]+ms$' "$work/gc.log" | awk '{v=$NF; sub("ms","",v); if (v+0 > 10) n++} END {print n+0}')"
echo "files: $work"
