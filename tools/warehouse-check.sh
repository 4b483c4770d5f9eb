# The warehouse check: `nianbao export --long` writes the Parquet of the repository's real
# reports, DuckDB computes each region's 公开率 by year from it with the query that
# docs/warehouse.md shows, and tests/warehouse/duckdb_check.py compares it with the core's own
# figure (the example region_rate: summary::sum_reports, then the indicator disclosure-rate).
#
# Sourced, not run: `source tools/warehouse-check.sh && warehouse_check` (./x test calls it after
# `cargo test -p nianbao-report -p nianbao-cli`).
#
# It uses the debug binaries that `cargo test` has just built (target/debug/nianbao and
# target/debug/examples/region_rate: cargo test builds a package's binaries and examples in the
# dev profile); the `cargo build` below finds them fresh and takes a second. The release profile
# (fat LTO, one codegen unit) would cost a build of its own for nothing here.
#
# DuckDB comes from the Python package registry into a venv under target/ (target/warehouse-venv),
# made once and kept while it has the pinned version.

WAREHOUSE_DUCKDB_VERSION=2.0.1

warehouse_check() (
  set -euo pipefail
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  local target="${CARGO_TARGET_DIR:-target}"
  local venv="$target/warehouse-venv"
  if ! "$venv/bin/python" -c "import duckdb, sys; sys.exit(duckdb.__version__ != '$WAREHOUSE_DUCKDB_VERSION')" 2>/dev/null; then
    echo "warehouse_check: python3 -m venv $venv; pip install duckdb==$WAREHOUSE_DUCKDB_VERSION"
    rm -rf "$venv"
    # A Debian python3 makes venvs only with its python3-venv package.
    python3 -m venv "$venv" 2>/dev/null || { apt_install python3-venv && python3 -m venv "$venv"; }
    "$venv/bin/pip" install --quiet --disable-pip-version-check "duckdb==$WAREHOUSE_DUCKDB_VERSION"
  fi

  cargo build --quiet -p nianbao-cli -p nianbao-report --bin nianbao --example region_rate
  local nianbao="$target/debug/nianbao" region_rate="$target/debug/examples/region_rate"

  # The real reports: the fixtures (2023, 2025) and the corpus of full published reports
  # (2021–2025, among them 莆田市's departments over four years and 沭阳县's units).
  local reports=(crates/report/tests/fixtures/*.txt)
  local corpus
  for corpus in crates/report/tests/corpus/full/*; do
    case "$corpus" in *.key.json) ;; *) reports+=("$corpus") ;; esac
  done

  local work
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  "$nianbao" export --long "${reports[@]}" -o "$work/long.parquet"
  "$venv/bin/python" tests/warehouse/duckdb_check.py --parquet "$work/long.parquet" \
    --region-rate "$region_rate" --region 莆田市 --region 沭阳县 --region 三明市 "${reports[@]}"
)
