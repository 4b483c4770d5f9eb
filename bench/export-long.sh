#!/usr/bin/env bash
# `nianbao export --long` over many reports, to CSV and to Parquet: wall time, peak memory and
# output size for 1,000 and 10,000 files on every core, three runs each; prints a Markdown table
# for docs/warehouse.md. The reports are made as bench/check-many.sh makes them: the JSON
# `nianbao import` writes for the five real published reports of crates/report/tests/fixtures,
# copied round-robin.
#   bash bench/export-long.sh           (builds the command in release first)
source "$(dirname "$0")/many-reports.sh"

echo "| files | rows | format | wall (best of 3) | all three | user | max RSS | output |"
echo "|---|---|---|---|---|---|---|---|"
for count in 1000 10000; do
  dir=$(make_files "$count")
  for format in csv parquet; do
    out="$WORK/long.$format"
    walls=()
    best=""
    for run in 1 2 3; do
      rm -f "$out"
      /usr/bin/time -f '%e %U %M' -o "$WORK/time" "$NIANBAO" export --long "$dir"/*.json -o "$out"
      read -r wall user rss < <(tail -1 "$WORK/time")
      walls+=("$wall")
      if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; best_user=$user; best_rss=$rss; fi
    done
    size=$(stat -c %s "$out")
    rows=$((count * 200))
    echo "| $count | $rows | $format | ${best} s | ${walls[*]} s | ${best_user} s | $((best_rss / 1024)) MB | $(awk "BEGIN{printf \"%.1f\", $size / 1048576}") MB |"
  done
done
