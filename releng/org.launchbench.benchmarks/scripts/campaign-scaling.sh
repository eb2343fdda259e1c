#!/bin/bash
# 6-DOF campaign scaling: 40 runs (and 2, to take the set-up out) on 1, 2, 3 workers of one thread each; embedded 1 and 2 threads
# Run from the repository root with the product built (LAUNCHBENCH=path/to/launchbench to use another); prints
# elapsed_s of each campaign (docs/benchmarks.md, "Campaigns on a cluster"). Starts and stops its own workers on
# 127.0.0.1:5901-5903.
P=${LAUNCHBENCH:-./launchbench}
M=examples/missions/falcon9-leo-asds.mission
secret=$(mktemp); head -c 32 /dev/urandom | base64 > "$secret"; out=$(mktemp -d)
el() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['elapsed_s'])" $1; }
for rep in 1 2; do
  $P dispersion $M -n 40 --seed 5 --fidelity 6dof --json --threads 1 > "$out/e.json" 2>/dev/null; echo "embedded threads=1 n=40 rep=$rep $(el "$out/e.json")"
  $P dispersion $M -n 2 --seed 5 --fidelity 6dof --json --threads 1 > "$out/e.json" 2>/dev/null; echo "embedded threads=1 n=2 rep=$rep $(el "$out/e.json")"
  $P dispersion $M -n 40 --seed 5 --fidelity 6dof --json --threads 2 > "$out/e.json" 2>/dev/null; echo "embedded threads=2 n=40 rep=$rep $(el "$out/e.json")"
done
for N in 1 2 3; do
  pkill -f "cli.app worker"; sleep 2
  members=""; for i in $(seq 1 $N); do members="$members,127.0.0.1:$((5900+i))"; done; members=${members#,}
  for i in $(seq 1 $N); do (setsid $P worker --bind 127.0.0.1:$((5900+i)) --members $members --secret-file "$secret" --threads 1 > "$out/worker$i.log" 2>&1 &); done
  sleep 12
  $P dispersion $M -n 2 --seed 5 --fidelity 6dof --json --cluster 127.0.0.1:5901 --secret-file "$secret" > "$out/warm.json" 2>/dev/null
  for rep in 1 2; do
    $P dispersion $M -n 40 --seed 5 --fidelity 6dof --json --cluster 127.0.0.1:5901 --secret-file "$secret" > "$out/s.json" 2>/dev/null; echo "cluster N=$N n=40 rep=$rep $(el "$out/s.json") $(python3 -c "import json; print(json.load(open('$out/s.json'))['runs_per_member'])")"
    $P dispersion $M -n 2 --seed 5 --fidelity 6dof --json --cluster 127.0.0.1:5901 --secret-file "$secret" > "$out/s.json" 2>/dev/null; echo "cluster N=$N n=2 rep=$rep $(el "$out/s.json")"
  done
done
pkill -f "cli.app worker"
