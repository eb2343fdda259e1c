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
# a display no X server holds (a random one once met the Xvfb of the previous invocation as it shut down: its own
# could not start, the other went away, and the workbench exited with gtk_init_check() failed)
display=""
for d in $(seq 150 199); do
  [ -e "/tmp/.X$d-lock" ] || { display=":$d"; break; }
done
[ -n "$display" ] || { echo "no free X display between :150 and :199" >&2; exit 1; }
Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; wait $xvfb 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  xwininfo -display "$display" -root >/dev/null 2>&1 && break
  kill -0 $xvfb 2>/dev/null || { echo "Xvfb did not start on $display" >&2; exit 1; }
  sleep 0.05
done
times=()
for i in $(seq 1 "$runs"); do
  ws=$(mktemp -d)
  start=$(date +%s%N)
  log="$ws.log"
  DISPLAY="$display" LAUNCHBENCH_WORKSPACE="$ws" "$product/launchbench" "$@" >"$log" 2>&1 &
  pid=$!
  while ! xwininfo -display "$display" -root -tree 2>/dev/null | grep -Eq '"LaunchBench\s*": \("LaunchBench" "LaunchBench"\)\s+[4-9][0-9]{2,}x|"LaunchBench\s*": \("LaunchBench" "LaunchBench"\)\s+[0-9]{4,}x'; do
    sleep 0.02
    kill -0 $pid 2>/dev/null || { rc=0; wait $pid || rc=$?; echo "the workbench exited (status $rc) in run $i; its output and its newest log:" >&2; tail -40 "$log" >&2; tail -40 "$(ls -t "$product"/configuration/*.log 2>/dev/null | head -n 1)" >&2 2>/dev/null || true; exit 1; }
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
