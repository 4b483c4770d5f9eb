#!/usr/bin/env python3
"""The warehouse's 公开率 against the core's.

Loads the Parquet that `nianbao export --long` wrote into DuckDB, computes each region's 公开率
by year with the query of region_rate.sql (the one docs/warehouse.md shows), and compares it,
year by year, with the figure the core gives for the same reports: the example `region_rate`
(summary::sum_reports, then the indicator `disclosure-rate`). Prints both figures; exits 1 on
any difference, 2 on bad usage.

    python3 tests/warehouse/duckdb_check.py --parquet long.parquet \\
        --region-rate target/debug/examples/region_rate [--region 莆田市 …] FILE…

The FILEs are the reports the Parquet was written from. Every run checks the region of all of
them ('') and each --region: the reports whose agency's name starts with it.
"""

import argparse
import json
import pathlib
import subprocess
import sys

import duckdb

HERE = pathlib.Path(__file__).resolve().parent
QUERY = (HERE / "region_rate.sql").read_text(encoding="utf-8")
DOC = HERE.parent.parent / "docs" / "warehouse.md"


def core_figures(region_rate, prefix, files):
    """{year: (units, part, whole)} from the core; part and whole None when it has no figure."""
    command = [region_rate, "--agency-prefix", prefix, *files]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"region_rate failed ({done.returncode}): {done.stderr}")
    return {
        y["year"]: (y["units"], y["part"], y["whole"]) for y in json.loads(done.stdout)
    }


def warehouse_figures(connection, prefix):
    """{year: (units, part, whole, rate)} from DuckDB; rate None where the query gives NULL."""
    rows = connection.execute(QUERY, {"prefix": prefix}).fetchall()
    return {year: (units, part, whole, rate) for year, units, part, whole, rate in rows}


def show(share):
    return "—" if share is None else f"{share * 100:.1f}%"


def count(n):
    return "—" if n is None else str(n)


def compare(region, core, warehouse):
    """Prints the region's years side by side; returns the number of differences."""
    differences = 0
    print(f"\n== region {region or '(all reports)'} ==")
    print("year  units (core/duckdb)  core: part/whole = rate     duckdb: part/whole = rate")
    for year in sorted(set(core) | set(warehouse)):
        c_units, c_part, c_whole = core.get(year, (None, None, None))
        w_units, w_part, w_whole, w_rate = warehouse.get(year, (None, None, None, None))
        c_rate = None if c_part is None else c_part / c_whole
        # The core gives no figure for a blank cell or a whole of 0: the query must give NULL.
        # Where it gives one, the two counts must be the same and so the share.
        same = c_units == w_units and (
            (c_rate is None and w_rate is None)
            or (c_part, c_whole) == (w_part, w_whole) and c_rate == w_rate
        )
        mark = "ok" if same else "DIFFERENT"
        differences += not same
        print(
            f"{year}  {count(c_units):>5}/{count(w_units):<14} "
            f"{count(c_part):>6}/{count(c_whole):<6} = {show(c_rate):>7}     "
            f"{count(w_part):>6}/{count(w_whole):<6} = {show(w_rate):>7}   {mark}"
        )
    return differences


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parquet", required=True)
    parser.add_argument("--region-rate", required=True, help="the core's example binary")
    parser.add_argument("--region", action="append", default=[], help="an agency name's start")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    connection = duckdb.connect()
    # A view cannot take a parameter: the path as an SQL string.
    path = args.parquet.replace("'", "''")
    connection.execute(f"CREATE VIEW long AS SELECT * FROM read_parquet('{path}')")
    differences = 0
    for region in ["", *args.region]:
        core = core_figures(args.region_rate, region, args.files)
        warehouse = warehouse_figures(connection, region)
        if not core:
            print(f"no report of the region {region!r}", file=sys.stderr)
            differences += 1
        differences += compare(region, core, warehouse)
    # The query docs/warehouse.md shows must be the one checked here.
    if QUERY.strip() not in DOC.read_text(encoding="utf-8"):
        print(f"\n{DOC} does not show the query of region_rate.sql as it is")
        differences += 1
    print(f"\nduckdb {duckdb.__version__}: ", end="")
    if differences:
        print(f"{differences} differences between the warehouse and the core")
        return 1
    print("the warehouse's 公开率 is the core's for every region and year")
    return 0


if __name__ == "__main__":
    sys.exit(main())
