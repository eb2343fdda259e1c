#!/usr/bin/env bash
# Workbench start-up: time from starting the installed product's start script to the LaunchBench window mapped
# on an Xvfb display (found by its title with xwininfo, polled every 20 ms), N runs with a fresh workspace each.
# Needs xvfb and x11-utils. Usage: releng/org.launchbench.benchmarks/workbench-startup.sh [RUNS] [ARGS...]
# (ARGS are given to the start script: e.g. 'open examples/missions/zhuque3-y1-downrange.mission').
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
product="$root/releng/org.launchbench.product/target/products/org.launchbench.product/linux/gtk/x86_64/launchbench"
[ -x "$product/launchbench" ] || { echo "no installed product at $product: run ./build clean verify (or ./launchbench) first" >&2; exit 2; }
runs="${1:-5}"; shift || true
display=":$(( 150 + RANDOM % 50 ))"
Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
times=()
for i in $(seq 1 "$runs"); do
  ws=$(mktemp -d)
  start=$(date +%s%N)
  log="$ws.log"
  DISPLAY="$display" LAUNCHBENCH_WORKSPACE="$ws" "$product/launchbench" "$@" >"$log" 2>&1 &
  pid=$!
  while ! xwininfo -display "$display" -root -tree 2>/dev/null | grep -Eq '"LaunchBench\s*": \("LaunchBench" "LaunchBench"\)\s+[4-9][0-9]{2,}x|"LaunchBench\s*": \("LaunchBench" "LaunchBench"\)\s+[0-9]{4,}x'; do
    sleep 0.02
    kill -0 $pid 2>/dev/null || { rc=0; wait $pid || rc=$?; echo "the workbench exited (status $rc) in run $i; its output:" >&2; tail -40 "$log" >&2; exit 1; }
  done
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: window mapped after $ms ms"
  pkill -P $pid 2>/dev/null || true; kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
  rm -rf "$ws" "$log"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median ${sorted[$(( ${#sorted[@]} / 2 ))]} ms, min ${sorted[0]} ms, max ${sorted[-1]} ms over $runs runs"
