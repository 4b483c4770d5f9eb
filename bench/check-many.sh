#!/usr/bin/env bash
# `nianbao check --json` over many reports: wall time and peak memory for 1,000 and 10,000 files,
# on every core and on one (taskset), three runs each; prints a Markdown table for
# docs/benchmarks.md. The reports are the JSON `nianbao import` writes for the five real
# published reports of crates/report/tests/fixtures, copied round-robin.
#   bash bench/check-many.sh            (builds the command in release first)
source "$(dirname "$0")/many-reports.sh"

echo "| files | cores | wall (best of 3) | all three | user | max RSS |"
echo "|---|---|---|---|---|---|"
for count in 1000 10000; do
  dir=$(make_files "$count")
  for cores in all 1; do
    walls=()
    best=""
    for run in 1 2 3; do
      if [ "$cores" = 1 ]; then pin=(taskset -c 0); else pin=(); fi
      /usr/bin/time -f '%e %U %M' -o "$WORK/time" "${pin[@]}" "$NIANBAO" check --json "$dir"/*.json >"$WORK/out.json" || true
      # time(1) puts "Command exited with non-zero status 1" first when findings are errors.
      read -r wall user rss < <(tail -1 "$WORK/time")
      walls+=("$wall")
      if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; best_user=$user; best_rss=$rss; fi
    done
    findings=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$WORK/out.json")
    label=$([ "$cores" = 1 ] && echo 1 || nproc)
    echo "| $count | $label | ${best} s | ${walls[*]} s | ${best_user} s | $((best_rss / 1024)) MB ($findings findings) |"
  done
done
