"""End-to-end import speed against python-calamine's bare read of the same file.

Usage: ``python benchmarks/ingest.py [--rows 100000 1048575] [--openpyxl-max 100000]
[--repeats 3]``

For each size it writes a long-format workbook with ``impact sample``, then times in
one run: calamine's bare read, ``pandas.read_excel`` with openpyxl (sizes up to
``--openpyxl-max``: it takes minutes at a million rows), and ``impact import`` end
to end (parse, validate, pseudonymise, store) into a fresh copy of a demo SQLite
database, as a separate process whose peak memory is read from ``getrusage``. Reads
and imports alternate (``--repeats`` pairs) and the medians are compared. Target:
import at 1,048,575 rows within 2x the bare read, peak memory under 2 GB.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
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


def one_size(rows: int, openpyxl_max: int, work: Path, repeats: int) -> None:
    book = work / f"sample_{rows}.xlsx"
    start = time.perf_counter()
    run(["sample", "--rows", str(rows), "--out", str(book)], work)
    print(
        f"\n{rows:,} rows: wrote {book.name} ({book.stat().st_size / 1e6:.1f} MB) "
        f"in {time.perf_counter() - start:.1f} s"
    )
    if rows <= openpyxl_max:
        slow = timed(lambda: openpyxl_read(book))
    template = work / f"db_{rows}"
    template.mkdir()
    run(["demo", "--load-only"], template)
    # interleaved pairs (bare read, then import into a fresh copy of the same
    # database), so a noisy neighbour slows both sides of a ratio alike
    pairs = []
    for rep in range(repeats):
        bare = timed(lambda: calamine_read(book))
        db_dir = work / f"db_{rows}_{rep}"
        shutil.copytree(template, db_dir)
        end_to_end = timed(
            lambda d=db_dir: run(["import", str(book), "--org", "demo"], d)
        )
        shutil.rmtree(db_dir)
        pairs.append((bare, end_to_end))
        print(
            f"  pair {rep + 1}: calamine bare read {bare:6.2f} s, "
            f"impact import {end_to_end:6.2f} s  ({end_to_end / bare:4.2f}x)"
        )
    bare = statistics.median(b for b, _ in pairs)
    end_to_end = statistics.median(e for _, e in pairs)
    print(f"  calamine bare read        {bare:8.2f} s   1.00x   (median)")
    if rows <= openpyxl_max:
        print(f"  pandas + openpyxl         {slow:8.2f} s  {slow / bare:5.2f}x")
    print(
        f"  impact import end to end  {end_to_end:8.2f} s  "
        f"{end_to_end / bare:5.2f}x   (median; target <= 2.00x)"
    )
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"  peak memory of the largest child process: {peak_mb:,.0f} MB "
        "(target < 2,048 MB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_048_575])
    parser.add_argument("--openpyxl-max", type=int, default=100_000)
    parser.add_argument(
        "--repeats", type=int, default=3, help="interleaved read/import pairs"
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for rows in options.rows:
            one_size(rows, options.openpyxl_max, Path(tmp), options.repeats)


if __name__ == "__main__":
    main()
