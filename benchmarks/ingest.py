"""End-to-end import speed against python-calamine's bare read of the same file.

Usage: ``python benchmarks/ingest.py [--rows 100000 1048575] [--openpyxl-max 100000]``

For each size it writes a long-format workbook with ``impact sample``, then times in
one run: calamine's bare read, ``pandas.read_excel`` with openpyxl (sizes up to
``--openpyxl-max``: it takes minutes at a million rows), and ``impact import`` end
to end (parse, validate, pseudonymise, store) into a fresh SQLite database, as a
separate process whose peak memory is read from ``getrusage``. Target: import at
1,048,575 rows within 2x the bare read, peak memory under 2 GB.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

IMPACT = [sys.executable, "-m", "impact.cli"]


def timed(func, repeat: int = 1) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def calamine_read(path: Path) -> None:
    from python_calamine import CalamineWorkbook

    CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def openpyxl_read(path: Path) -> None:
    import pandas as pd

    pd.read_excel(path, engine="openpyxl")


def run(args: list[str], cwd: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMPACT_")}
    subprocess.run(
        [*IMPACT, *args], cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL
    )


def one_size(rows: int, openpyxl_max: int, work: Path) -> None:
    book = work / f"sample_{rows}.xlsx"
    start = time.perf_counter()
    run(["sample", "--rows", str(rows), "--out", str(book)], work)
    print(
        f"\n{rows:,} rows: wrote {book.name} ({book.stat().st_size / 1e6:.1f} MB) "
        f"in {time.perf_counter() - start:.1f} s"
    )
    bare = timed(lambda: calamine_read(book), repeat=3 if rows <= 200_000 else 1)
    print(f"  calamine bare read        {bare:8.2f} s   1.00x")
    if rows <= openpyxl_max:
        slow = timed(lambda: openpyxl_read(book))
        print(f"  pandas + openpyxl         {slow:8.2f} s  {slow / bare:5.2f}x")
    db_dir = work / f"db_{rows}"
    db_dir.mkdir()
    run(["demo", "--load-only"], db_dir)
    end_to_end = timed(lambda: run(["import", str(book), "--org", "demo"], db_dir))
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"  impact import end to end  {end_to_end:8.2f} s  "
        f"{end_to_end / bare:5.2f}x   (target <= 2.00x)"
    )
    print(
        f"  peak memory of the largest child process: {peak_mb:,.0f} MB "
        "(target < 2,048 MB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_048_575])
    parser.add_argument("--openpyxl-max", type=int, default=100_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for rows in options.rows:
            one_size(rows, options.openpyxl_max, Path(tmp))


if __name__ == "__main__":
    main()
