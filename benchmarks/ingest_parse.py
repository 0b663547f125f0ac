"""Parse-only timing of the ingest layer against a bare python-calamine read.

    PYTHONPATH=. python benchmarks/ingest_parse.py            # 100k and 1,048,575 rows
    PYTHONPATH=. python benchmarks/ingest_parse.py --rows 100000 --repeat 3

Generates long-format workbooks in the canonical template layout with xlsxwriter
(constant_memory, cached under benchmarks/_work/), then times, each in a fresh
process so peak memory is its own:

* ``bare``  python-calamine: open from bytes, ``get_sheet_by_name``, ``to_python``;
* ``parse`` :func:`impact.ingest.parse_upload` + :func:`pseudonymise_frame`.

Prints medians, the ratio parse/bare (target <= ~1.4 at 1,048,575 rows; the full
import with database writes, measured by the service benchmark, targets <= 2)
and peak RSS. Ratios within one run are what count on a noisy machine.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

from impact.domain.instruments import ZRM_DOMAINS

WORK = Path(__file__).resolve().parent / "_work"
HEADER = [
    "cliëntnummer",
    "programma",
    "groep",
    "wijk",
    "instrument",
    "domein",
    "datum",
    "meetmoment",
    "score",
]
ZRM = list(ZRM_DOMAINS)
PROGRAMME = "Buurtteam Noord"


def generate(rows: int, path: Path) -> None:
    """One row per client x domain x wave: 13 domains, 2 waves, 26 rows a client."""
    import numpy as np
    import xlsxwriter

    rng = np.random.default_rng(20240101)
    scores = rng.integers(1, 6, size=rows)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = book.add_worksheet("Gegevens")
    date_fmt = book.add_format({"num_format": "dd-mm-yyyy"})
    ws.write_row(0, 0, HEADER)
    start = datetime(2023, 1, 2)
    wijken = [f"WK0363{k:02d}" for k in range(20)]
    for i in range(rows):
        client, rest = divmod(i, 26)
        wave, domain = divmod(rest, 13)
        r = i + 1
        ws.write_string(r, 0, f"K{client:07d}")
        ws.write_string(r, 1, PROGRAMME)
        ws.write_string(r, 2, "deelnemer" if client % 2 else "vergelijkingsgroep")
        ws.write_string(r, 3, wijken[client % 20])
        ws.write_string(r, 4, "zrm")
        ws.write_string(r, 5, ZRM[domain])
        day = start + timedelta(days=int(client % 300) + 180 * wave)
        ws.write_datetime(r, 6, day, date_fmt)
        ws.write_string(r, 7, "voormeting" if wave == 0 else "nameting")
        ws.write_number(r, 8, int(scores[i]))
    book.close()


def workbook(rows: int) -> Path:
    WORK.mkdir(exist_ok=True)
    path = WORK / f"long_{rows}.xlsx"
    if not path.exists():
        started = time.perf_counter()
        generate(rows, path)
        print(f"generated {path.name} in {time.perf_counter() - started:.1f} s")
    return path


def child(mode: str, path: str) -> None:
    """Run one measurement and print JSON (seconds, peak RSS in MB).

    Modules are imported before the clock starts: a running service has them.
    """
    import io
    from datetime import date

    from python_calamine import CalamineWorkbook

    from impact.domain.instruments import SHIPPED
    from impact.i18n import t
    from impact.ingest import IngestContext, ProgrammeInfo, parse_upload
    from impact.ingest.pseudonymise import pseudonymise_frame

    t("ingest.progress_done")  # load the message catalogue
    data = Path(path).read_bytes()
    ctx = IngestContext(
        instruments=SHIPPED,
        programmes={PROGRAMME: ProgrammeInfo(PROGRAMME, date(2022, 1, 1))},
        today=date(2025, 1, 1),
        lang="nl",
    )
    started = time.perf_counter()
    if mode == "bare":
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        n = len(book.get_sheet_by_name("Gegevens").to_python()) - 1
    else:
        result = parse_upload(data, Path(path).name, ctx)
        if not result.ok:
            raise SystemExit(f"benchmark file has problems: {result.problems[:3]}")
        n = len(pseudonymise_frame(result.measurements, b"k" * 32))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "rows": n}))


def measure(mode: str, path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, nargs="*", default=[100_000, 1_048_575])
    parser.add_argument(
        "--repeat", type=int, default=0, help="0: 3 below 500k rows, else 1"
    )
    parser.add_argument(
        "--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    for rows in args.rows:
        path = workbook(rows)
        repeat = args.repeat or (3 if rows < 500_000 else 1)
        bare, parse = [], []
        for _ in range(repeat):  # interleaved, so both see the same machine load
            bare.append(measure("bare", path))
            parse.append(measure("parse", path))
        b = statistics.median(m["seconds"] for m in bare)
        p = statistics.median(m["seconds"] for m in parse)
        b_mb = max(m["peak_mb"] for m in bare)
        p_mb = max(m["peak_mb"] for m in parse)
        print(
            f"{rows:>9,} rows  bare calamine {b:6.2f} s ({b_mb:,.0f} MB)"
            f"  parse+validate+pseudonymise {p:6.2f} s ({p_mb:,.0f} MB)"
            f"  ratio {p / b:4.2f}"
        )


if __name__ == "__main__":
    main()
