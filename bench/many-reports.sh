# Sourced by bench/check-many.sh and bench/export-long.sh: builds the command (its `cli` profile,
# built for speed: Cargo.toml), makes the seed reports (the JSON `nianbao import` writes for the
# five real published reports of crates/report/tests/fixtures) in a folder removed on exit, and
# `make_files COUNT` copies them round-robin into a folder of COUNT files, whose path it prints.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo build --profile cli -q -p nianbao-cli
NIANBAO=${CARGO_TARGET_DIR:-$PWD/target}/cli/nianbao
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

mkdir -p "$WORK/seed"
for text in crates/report/tests/fixtures/*.txt; do
  "$NIANBAO" import "$text" -o "$WORK/seed/$(basename "$text" .txt).json" >/dev/null 2>&1
done
seeds=("$WORK"/seed/*.json)

make_files() { # count
  local dir="$WORK/n$1"
  mkdir -p "$dir"
  for ((i = 0; i < $1; i++)); do
    cp "${seeds[i % ${#seeds[@]}]}" "$dir/$i.json"
  done
  echo "$dir"
}
